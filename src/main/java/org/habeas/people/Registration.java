package org.habeas.people;

import java.util.Objects;

/**
 * The command to register a person. {@code facility} (optional) links the person to the facility at once.
 * When likely duplicates exist the registration is refused unless {@code confirmedNewReason} says why this is a
 * different person, or {@code linkTo} names the existing record this arrival is.
 */
public record Registration(Identity identity, String facility, String confirmedNewReason, PersonId linkTo) {

    public Registration {
        Objects.requireNonNull(identity, "identity");
    }
}

package org.habeas.people;

import java.time.Instant;
import java.util.List;

/**
 * The identity read model other modules use: the current revision of a person record. {@code mergedInto} is set
 * when this record was a duplicate merged into another; it then stays only as a pointer.
 */
public record Person(PersonId id, String registerNumber, Identity identity, List<String> facilities,
                     PersonId mergedInto, int revision, Instant registeredAt, Instant updatedAt) {

    /** The name to show: the full name, or the register number when nobody knows the name. */
    public String displayName() {
        return identity.name().isEmpty() ? registerNumber : identity.name().fullName();
    }

    public boolean merged() {
        return mergedInto != null;
    }
}

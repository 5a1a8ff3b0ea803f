package org.habeas.legal;

import java.time.LocalDate;
import java.util.Objects;

import org.habeas.people.PersonId;

/** The command to record a document the person's current detention rests on; {@code validUntil} is optional. */
public record NewDetentionAuthority(PersonId person, DetentionAuthority.Type type, String issuedBy, LocalDate issuedOn,
                                    String documentReference, LocalDate validUntil, LocalDate reviewDue) {

    public NewDetentionAuthority {
        Objects.requireNonNull(person, "person");
    }
}

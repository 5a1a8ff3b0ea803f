package org.habeas.custody;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.habeas.people.PersonId;

/**
 * The command that opens a custody episode: who, where, on what authority, and the admission record of Mandela
 * Rule 7 (REQ-08). {@code admittedAt} defaults to now; an earlier time needs a reason (backdating window).
 */
public record Admission(PersonId person, String facility, LegalStatus legalStatus, LegalAuthority authority,
                        Arrest arrest, Instant admittedAt, String visibleInjuries, String illTreatmentComplaint,
                        List<PropertyItem> property, List<Contact> contacts, String reason) {

    public Admission {
        Objects.requireNonNull(person, "person");
        property = property == null ? List.of() : List.copyOf(property);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}

package org.habeas.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.habeas.people.PersonId;

/** One period of custody, from admission to its end (open while {@code endedAt} is null). */
public record Episode(UUID id, PersonId person, String facility, LegalStatus legalStatus, LegalAuthority authority,
                      Arrest arrest, Instant admittedAt, String admittedBy, String visibleInjuries,
                      String illTreatmentComplaint, List<PropertyItem> property, List<Contact> contacts,
                      Instant endedAt, CustodyEnd ended) {

    public boolean open() {
        return endedAt == null;
    }
}

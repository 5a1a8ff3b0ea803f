package org.habeas.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.habeas.people.PersonId;

/**
 * One period of custody, from admission to its end (open while {@code endedAt} is null). The confidential parts of
 * the Rule 7 record (REQ-14) are left out for a reader without the permission for them, and named in
 * {@code withheld} ({@link #VISIBLE_INJURIES}, {@link #ILL_TREATMENT_COMPLAINT}, {@link #CHILDREN}), so the reader
 * sees that something is withheld rather than an empty field.
 */
public record Episode(UUID id, PersonId person, String facility, LegalStatus legalStatus, LegalAuthority authority,
                      Arrest arrest, Instant admittedAt, String admittedBy, String visibleInjuries,
                      String illTreatmentComplaint, List<PropertyItem> property, List<Contact> contacts,
                      Instant endedAt, CustodyEnd ended, List<String> withheld) {

    /** Medical: needs the MEDICAL permission. */
    public static final String VISIBLE_INJURIES = "visibleInjuries";
    /** A confidential complaint: needs the COMPLAINTS permission. */
    public static final String ILL_TREATMENT_COMPLAINT = "illTreatmentComplaint";
    /** The contacts whose relation is CHILD (REQ-09): need the CHILDREN permission. */
    public static final String CHILDREN = "children";

    public Episode {
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
    }

    public boolean open() {
        return endedAt == null;
    }

    public boolean withholds(String field) {
        return withheld.contains(field);
    }
}

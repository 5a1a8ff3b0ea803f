package org.habeas.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A death, an escape or a serious injury in custody, and its report to a judicial or other independent authority
 * with the investigation's reference (REQ-13, Mandela Rule 71); {@code report} is null until it is made. A death or
 * an escape is its movement in the ledger ({@code id} is the movement's); a serious injury is recorded here. The
 * injury's description is medical: it is not part of this record.
 */
public record Incident(UUID id, Kind kind, UUID person, String facility, Instant occurredAt, Report report) {

    public enum Kind {
        DEATH, ESCAPE, SERIOUS_INJURY
    }

    public record Report(String authority, String reference, LocalDate reportedOn, Instant recordedAt,
                         String recordedBy) {
    }

    public boolean reported() {
        return report != null;
    }
}

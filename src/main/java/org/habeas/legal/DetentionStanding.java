package org.habeas.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Whether a person's open custody episode rests on a valid authority today (REQ-02). The latest document governs
 * (by date of issue, then by when it was recorded): a renewal replaces what it renews. Until a document is recorded
 * after admission, the admission's authority is the first document, valid and with no review date. {@code today}
 * is the date in the facility's own time zone. The standing is worked out in one place, the SQL of
 * {@code DetentionAuthorityRepository}, so the list of detentions due and a person's page never disagree.
 */
public record DetentionStanding(UUID person, UUID episode, String facility, String legalStatus, Instant admittedAt,
                                DetentionAuthority current, LocalDate today, Standing standing) {

    public enum Standing {
        /** The governing document is in force and not past its review date. */
        VALID,
        /** Past its review date: the detention must be reviewed now. */
        REVIEW_OVERDUE,
        /** Past its valid-until date: the detention has no valid authority. */
        EXPIRED;

        public boolean due() {
            return this != VALID;
        }
    }
}

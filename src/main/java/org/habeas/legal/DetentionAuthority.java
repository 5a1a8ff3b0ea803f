package org.habeas.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A document a detention rests on (REQ-02): the admission's authority, which custody recorded with the episode and
 * which carries no end or review date, or one recorded after it (a renewal, a review decision, a new order), with
 * the date it is valid until and the date it must be reviewed by. {@code fromAdmission} marks the admission's: its
 * {@code id} is the episode's.
 */
public record DetentionAuthority(UUID id, UUID person, UUID episode, Type type, String issuedBy, LocalDate issuedOn,
                                 String documentReference, LocalDate validUntil, LocalDate reviewDue,
                                 Instant recordedAt, String recordedBy, boolean fromAdmission) {

    /** The admission's kinds (custody's {@code AuthorityType}) and the documents that follow one. */
    public enum Type {
        ARREST_WARRANT, DETENTION_ORDER, COURT_REMAND, SENTENCE, IMMIGRATION_DETENTION_ORDER, TRANSFER_AGREEMENT,
        /** A renewal or extension of the detention by the authority that ordered it. */
        DETENTION_RENEWAL,
        /** A court's or a review body's decision, on a periodic review, that the detention continues. */
        REVIEW_DECISION
    }
}

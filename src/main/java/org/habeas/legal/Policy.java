package org.habeas.legal;

import java.time.Instant;

/**
 * One version of a legal policy value (REQ-44): its value, from when it applies, and the law it rests on. The value
 * in force at an instant is the latest version effective by then; with none, the rules that need it refuse.
 */
public record Policy(Name name, int version, String value, Instant effectiveFrom, String citation, Instant recordedAt,
                     String recordedBy) {

    public enum Name {
        /** Hours between notice of a third-country or Alien Enemies Act destination and departure. */
        NOTICE_WINDOW_HOURS,
        /** Whether an unresolved fear claim about the destination blocks the removal ({@code true}/{@code false}). */
        FEAR_CLAIM_BLOCKS,
        /** Days a review of the legal record stays fresh for a removal (REQ-56). */
        REVIEW_FRESHNESS_DAYS
    }
}

package org.habeas.audit;

import java.time.Instant;

/**
 * The journal at a glance, for the home page: how many entries, how many are sealed, the last checkpoint and
 * the last verification ({@code null} until the first one ran).
 */
public record JournalSummary(long entries, long sealed, long pending, Long lastCheckpointPosition,
                             Instant lastCheckpointAt, Verification lastVerification) {
}

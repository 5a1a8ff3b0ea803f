package org.habeas.custody;

import java.time.Instant;

/**
 * Movements were recorded with a time in the past: what was derived from the ledger from {@code occurredFrom} on
 * (the roll's daily checkpoints) no longer holds. Published inside the recording transaction; a listener that
 * repairs derived data runs in it too.
 */
public record LedgerBackdated(Instant occurredFrom) {
}

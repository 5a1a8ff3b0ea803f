package org.habeas.audit;

import java.time.Instant;

/**
 * What one verification run found: either {@code OK} with how much it checked, or {@code BROKEN} with the first
 * place the journal no longer matches what was sealed and signed. Later breaks are not looked for: once the
 * chain is broken everything after it is in doubt.
 *
 * @param entriesChecked sealed entries recomputed (up to the break, when broken)
 * @param pending        entries committed but not sealed yet; the sealer reaches them within seconds
 * @param checkpoints    signed checkpoints checked
 */
public record Verification(Status status, Instant at, long entriesChecked, long pending, long checkpoints,
                           Break firstBreak, long durationMillis) {

    public enum Status {
        /** Every sealed entry and every checkpoint recomputes and verifies. */
        OK,
        /** Something was altered, removed or forged; {@code firstBreak} says where. */
        BROKEN
    }

    public enum Problem {
        /** The entry's content no longer hashes to the hash sealed for it. */
        ALTERED,
        /** A chain position is missing: an entry was deleted, or a checkpoint names positions that are gone. */
        MISSING,
        /** The entry does not name the hash of the entry before it. */
        LINK_BROKEN,
        /** A checkpoint's head hash differs from the chain recomputed up to its position. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify with the journal's public key. */
        BAD_SIGNATURE,
        /** A checkpoint claims a key other than the configured one; only that key is trusted. */
        UNKNOWN_KEY,
        /** Sealed entries after the last checkpoint: chained, but covered by no signature. */
        UNSIGNED,
        /** The witness copy kept outside the database names a checkpoint the database no longer has. */
        TRUNCATED
    }

    /**
     * Where the journal first breaks.
     *
     * @param chainPosition the chain position at which the problem shows
     * @param seq           the entry's insert sequence number, when there is an entry at that position
     */
    public record Break(Problem problem, long chainPosition, Long seq, String detail) {
    }

    public static Verification ok(Instant at, long entriesChecked, long pending, long checkpoints,
                                  long durationMillis) {
        return new Verification(Status.OK, at, entriesChecked, pending, checkpoints, null, durationMillis);
    }

    public static Verification broken(Instant at, long entriesChecked, long pending, long checkpoints,
                                      Break firstBreak, long durationMillis) {
        return new Verification(Status.BROKEN, at, entriesChecked, pending, checkpoints, firstBreak,
                durationMillis);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}

package org.habeas.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A signed statement "the chain up to position {@code upToPosition} ends in {@code headHash}", made by the sealer
 * at {@code sealedAt} with the key {@code keyId}. {@code sealedAt} is kept to the microsecond, as PostgreSQL
 * stores it, so the signed text can be rebuilt exactly from the stored row.
 */
public record Checkpoint(long upToPosition, byte[] headHash, Instant sealedAt, String keyId, byte[] signature) {

    public Checkpoint {
        sealedAt = sealedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** What the signature covers: a versioned line-per-field text, plain enough to check with openssl. */
    public static byte[] signedText(long upToPosition, byte[] headHash, Instant sealedAt, String keyId) {
        return ("habeas-journal-checkpoint/1\n" + upToPosition + "\n" + Chain.hex(headHash) + "\n"
                + EntryContent.epochMicros(sealedAt.truncatedTo(ChronoUnit.MICROS)) + "\n" + keyId + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] signedText() {
        return signedText(upToPosition, headHash, sealedAt, keyId);
    }
}

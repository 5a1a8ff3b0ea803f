package org.habeas.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The journal's hash chain: {@code entry_hash = SHA-256(prev_hash || canonical(entry))}, starting from 32 zero
 * bytes. The canonical form is a version byte (1), then seq, id, recorded_at (epoch microseconds) as fixed-width
 * big-endian numbers, then actor, actor_roles, action, subject_type, subject_id, facility, reason, details and
 * request_id, each as a 4-byte length and its UTF-8 bytes (length -1 for NULL). Length prefixes mean no two
 * different entries share an encoding, so a value cannot be moved from one field into the next unnoticed.
 *
 * <p>Not thread-safe: one instance per sealing or verification run, reused for every entry so a million entries
 * cost no per-entry digest or buffer.
 */
public final class Chain {

    public static final int HASH_LENGTH = 32;
    private static final byte FORMAT_VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private byte[] buffer = new byte[512];
    private int length;

    public Chain() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** What the first entry links to. */
    public static byte[] genesis() {
        return new byte[HASH_LENGTH];
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HEX.formatHex(hash);
    }

    /** The hash sealed for {@code entry} when it follows the entry whose hash is {@code previous}. */
    public byte[] link(byte[] previous, EntryContent entry) {
        encode(entry);
        sha256.update(previous);
        sha256.update(buffer, 0, length);
        return sha256.digest();
    }

    /** The canonical bytes of {@code entry}; a copy, for tests and for anyone re-implementing the format. */
    public byte[] canonical(EntryContent entry) {
        encode(entry);
        return Arrays.copyOf(buffer, length);
    }

    private void encode(EntryContent entry) {
        length = 0;
        ensure(1 + 8 + 16 + 8);
        buffer[length++] = FORMAT_VERSION;
        putLong(entry.seq());
        UUID id = entry.id();
        putLong(id.getMostSignificantBits());
        putLong(id.getLeastSignificantBits());
        putLong(entry.recordedAtMicros());
        putText(entry.actor());
        putText(entry.actorRoles());
        putText(entry.action());
        putText(entry.subjectType());
        putText(entry.subjectId());
        putText(entry.facility());
        putText(entry.reason());
        putText(entry.details());
        putText(entry.requestId());
    }

    private void putText(String text) {
        if (text == null) {
            ensure(4);
            putInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ensure(4 + utf8.length);
        putInt(utf8.length);
        System.arraycopy(utf8, 0, buffer, length, utf8.length);
        length += utf8.length;
    }

    private void putLong(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void putInt(int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}

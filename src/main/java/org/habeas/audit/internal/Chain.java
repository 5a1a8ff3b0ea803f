package org.habeas.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
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
    /** actor, actor_roles, action, subject_type, subject_id, facility, reason, details, request_id. */
    public static final int TEXT_FIELDS = 9;
    private static final byte FORMAT_VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private byte[] buffer = new byte[512];
    private int length;
    private int texts;

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
        byte[] hash = new byte[HASH_LENGTH];
        finish(previous, hash);
        return hash;
    }

    /** The canonical bytes of {@code entry}; a copy, for tests and for anyone re-implementing the format. */
    public byte[] canonical(EntryContent entry) {
        encode(entry);
        return Arrays.copyOf(buffer, length);
    }

    /**
     * Starts an entry for the streaming form used by verification, which reads the nine text fields as raw UTF-8
     * straight from the result set instead of building strings: {@code start}, then {@link #addText} nine times
     * in canonical order, then {@link #finish}. Both forms write the same bytes.
     */
    public void start(long seq, UUID id, long recordedAtMicros) {
        length = 0;
        texts = 0;
        ensure(1 + 8 + 16 + 8);
        buffer[length++] = FORMAT_VERSION;
        putLong(seq);
        putLong(id.getMostSignificantBits());
        putLong(id.getLeastSignificantBits());
        putLong(recordedAtMicros);
    }

    /** The next text field as UTF-8 bytes, or null for SQL NULL. */
    public void addText(byte[] utf8) {
        if (utf8 == null) {
            ensure(4);
            putInt(-1);
        } else {
            ensure(4 + utf8.length);
            putInt(utf8.length);
            System.arraycopy(utf8, 0, buffer, length, utf8.length);
            length += utf8.length;
        }
        texts++;
    }

    /** Writes SHA-256(previous || the entry just encoded) into {@code hash} (32 bytes). */
    public void finish(byte[] previous, byte[] hash) {
        if (texts != TEXT_FIELDS) {
            throw new IllegalStateException("an entry has " + TEXT_FIELDS + " text fields, not " + texts);
        }
        sha256.update(previous);
        sha256.update(buffer, 0, length);
        try {
            sha256.digest(hash, 0, HASH_LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 hash is 32 bytes", e);
        }
    }

    private void encode(EntryContent entry) {
        start(entry.seq(), entry.id(), entry.recordedAtMicros());
        addText(utf8(entry.actor()));
        addText(utf8(entry.actorRoles()));
        addText(utf8(entry.action()));
        addText(utf8(entry.subjectType()));
        addText(utf8(entry.subjectId()));
        addText(utf8(entry.facility()));
        addText(utf8(entry.reason()));
        addText(utf8(entry.details()));
        addText(utf8(entry.requestId()));
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
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

package org.habeas.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.habeas.common.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A copy of every signed checkpoint kept outside the database, one JSON line per checkpoint, appended and flushed
 * after the checkpoint commits. Someone who can rewrite the database can delete the newest entries together with
 * the checkpoints over them, and the remaining journal still verifies; the witness still names the lost
 * checkpoint, so verification finds the cut (REQ-50: audit records "securely transmitted to a logically separate
 * system"). Point {@code HABEAS_JOURNAL_WITNESS} at storage the database's administrators cannot write, or ship
 * the file off the host; by default it sits in the data directory.
 *
 * <p>Only the last line matters to verification: the chain proves everything before the checkpoint it names. A
 * line torn by a crash mid-write is skipped, and the witness then simply lags by one checkpoint.
 */
@Component
public class Witness {

    /** The witness file's name in the data directory when no path is configured. */
    public static final String DEFAULT_FILE = "journal-witness.jsonl";

    private static final Logger log = LoggerFactory.getLogger(Witness.class);
    // Enough to hold several lines; a line is about 250 bytes.
    private static final int TAIL_BYTES = 4_096;
    private static final Pattern LINE = Pattern.compile(
            "\\{\"upToPosition\":(\\d+),\"headHash\":\"([0-9a-f]{64})\",\"sealedAt\":\"([^\"]+)\","
                    + "\"keyId\":\"([0-9a-f]{16})\",\"signature\":\"([A-Za-z0-9+/=]+)\"}");

    private final Path file;

    Witness(@Value("${habeas.journal.witness-file:}") String configured, DataDirectory data) {
        this.file = configured.isBlank() ? data.resolve(DEFAULT_FILE) : Path.of(configured).toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /**
     * Appends {@code checkpoint}, which must already be committed, and forces it to disk. A failure is logged and
     * not thrown: the database journal stays the record, and the next checkpoint tries again.
     */
    public synchronized void record(Checkpoint checkpoint) {
        String line = "{\"upToPosition\":" + checkpoint.upToPosition() + ",\"headHash\":\""
                + Chain.hex(checkpoint.headHash()) + "\",\"sealedAt\":\"" + checkpoint.sealedAt()
                + "\",\"keyId\":\"" + checkpoint.keyId() + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(checkpoint.signature()) + "\"}\n";
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
        } catch (IOException e) {
            log.error("could not copy journal checkpoint {} to the witness file {}: {}",
                    checkpoint.upToPosition(), file, e.toString());
        }
    }

    /** The newest complete checkpoint in the witness file; empty when there is no file or no complete line. */
    public Optional<Checkpoint> last() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int length = (int) Math.min(size, TAIL_BYTES);
            ByteBuffer tail = ByteBuffer.allocate(length);
            channel.read(tail, size - length);
            String[] lines = new String(tail.array(), 0, tail.position(), StandardCharsets.US_ASCII).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                Matcher m = LINE.matcher(lines[i]);
                if (m.matches()) {
                    return Optional.of(new Checkpoint(Long.parseLong(m.group(1)), HexFormat.of().parseHex(m.group(2)),
                            Instant.parse(m.group(3)), m.group(4), Base64.getDecoder().decode(m.group(5))));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal witness file " + file, e);
        }
    }
}

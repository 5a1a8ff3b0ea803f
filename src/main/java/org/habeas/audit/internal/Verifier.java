package org.habeas.audit.internal;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

import org.habeas.audit.Verification;
import org.habeas.audit.Verification.Break;
import org.habeas.audit.Verification.Problem;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the whole chain from the stored entries and checks every checkpoint against it and against the
 * journal's public key. Entries stream in chain order (never all in memory) and the checkpoints stream beside
 * them; both are read in one REPEATABLE READ snapshot, so a sealer committing meanwhile cannot make a checkpoint
 * appear whose entries the entry stream does not see.
 */
@Component
public class Verifier {

    static final int FETCH_SIZE = 10_000;

    // Column positions in JournalRepository.SEALED_IN_CHAIN_ORDER; by index because names cost a lookup per
    // field per row. The nine text columns follow recorded_at in canonical order.
    private static final int CHAIN_POS = 1;
    private static final int PREV_HASH = 2;
    private static final int ENTRY_HASH = 3;
    private static final int SEQ = 4;
    private static final int ID = 5;
    private static final int RECORDED_AT = 6;
    private static final int FIRST_TEXT = 7;

    private final JournalRepository repository;
    private final JournalKey key;
    private final Witness witness;
    private final Clock clock;
    private final TransactionTemplate snapshot;

    Verifier(JournalRepository repository, JournalKey key, Witness witness, Clock clock,
             PlatformTransactionManager transactions) {
        this.repository = repository;
        this.key = key;
        this.witness = witness;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    public Verification verify() {
        Instant at = clock.instant();
        long started = System.nanoTime();
        // Read before the snapshot starts: the witness only holds committed checkpoints, so the snapshot sees them.
        Optional<Checkpoint> witnessed = witness.last();
        Findings findings = snapshot.execute(status -> {
            long pending = repository.countUnsealed();
            try (var checkpoints = repository.checkpointsInOrder()) {
                var walk = new Walk(checkpoints.iterator(), key);
                Break broken = repository.sealedInChainOrder(FETCH_SIZE).query(walk)
                        .or(() -> witnessed.flatMap(this::disagreement)).orElse(null);
                return new Findings(walk.checked, pending, walk.checkpointsChecked, broken);
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        return findings.broken() == null
                ? Verification.ok(at, findings.checked(), findings.pending(), findings.checkpoints(), millis)
                : Verification.broken(at, findings.checked(), findings.pending(), findings.checkpoints(),
                        findings.broken(), millis);
    }

    /**
     * The newest checkpoint copied to the witness must still be in the database, unchanged. The chain walk has
     * already proved everything up to each stored checkpoint, so this one comparison finds a cut-off tail.
     */
    private Optional<Break> disagreement(Checkpoint copy) {
        long position = copy.upToPosition();
        if (!key.id().equals(copy.keyId()) || !key.verifier().verifies(copy.signedText(), copy.signature())) {
            return Optional.of(new Break(Problem.BAD_SIGNATURE, position, null,
                    "the witness copy of the checkpoint at position %d is not signed by the journal key"
                            .formatted(position)));
        }
        Optional<Checkpoint> stored = repository.checkpointAt(position);
        if (stored.isEmpty()) {
            return Optional.of(new Break(Problem.TRUNCATED, position, null,
                    "the witness holds a checkpoint at position %d, sealed %s, that the database no longer has"
                            .formatted(position, copy.sealedAt())));
        }
        if (!MessageDigest.isEqual(stored.get().headHash(), copy.headHash())) {
            return Optional.of(new Break(Problem.CHECKPOINT_MISMATCH, position, null,
                    "the checkpoint at position %d differs from its witness copy".formatted(position)));
        }
        return Optional.empty();
    }

    private record Findings(long checked, long pending, long checkpoints, Break broken) {
    }

    /** One pass over the chain; answers the first break, or empty when everything holds. */
    private static final class Walk implements ResultSetExtractor<Optional<Break>> {

        private final Iterator<Checkpoint> checkpoints;
        private final JournalKey key;
        private final JournalKey.Verifying signatures;
        private final Chain chain = new Chain();
        private long checked;
        private long checkpointsChecked;

        Walk(Iterator<Checkpoint> checkpoints, JournalKey key) {
            this.checkpoints = checkpoints;
            this.key = key;
            this.signatures = key.verifier();
        }

        @Override
        public Optional<Break> extractData(ResultSet rs) throws SQLException {
            return Optional.ofNullable(firstBreak(rs));
        }

        private Break firstBreak(ResultSet rs) throws SQLException {
            Checkpoint next = checkpoints.hasNext() ? checkpoints.next() : null;
            long lastSigned = 0;
            long expected = 1;
            byte[] previous = Chain.genesis();
            byte[] hash = new byte[Chain.HASH_LENGTH];
            while (rs.next()) {
                long position = rs.getLong(CHAIN_POS);
                if (position != expected) {
                    return new Break(Problem.MISSING, expected, null,
                            "no entry at chain position %d; the next one is at %d".formatted(expected, position));
                }
                long seq = rs.getLong(SEQ);
                if (!MessageDigest.isEqual(rs.getBytes(PREV_HASH), previous)) {
                    return new Break(Problem.LINK_BROKEN, position, seq,
                            "the entry does not name the hash of the entry before it");
                }
                // Text columns as raw UTF-8 straight from the driver: no string is built per field.
                chain.start(seq, rs.getObject(ID, UUID.class),
                        EntryContent.epochMicros(rs.getObject(RECORDED_AT, OffsetDateTime.class)));
                for (int column = FIRST_TEXT; column < FIRST_TEXT + Chain.TEXT_FIELDS; column++) {
                    chain.addText(rs.getBytes(column));
                }
                chain.finish(previous, hash);
                if (!MessageDigest.isEqual(rs.getBytes(ENTRY_HASH), hash)) {
                    return new Break(Problem.ALTERED, position, seq,
                            "the entry's content does not hash to the hash sealed for it");
                }
                while (next != null && next.upToPosition() <= position) {
                    Break bad = check(next, position, hash, seq);
                    if (bad != null) {
                        return bad;
                    }
                    lastSigned = next.upToPosition();
                    checkpointsChecked++;
                    next = checkpoints.hasNext() ? checkpoints.next() : null;
                }
                byte[] swap = previous;
                previous = hash;
                hash = swap;
                expected++;
                checked++;
            }
            if (next != null) {
                // The checkpoint vouches for positions the table no longer has: the tail was cut off.
                return new Break(Problem.MISSING, expected, null,
                        "the checkpoint at position %d was signed over entries that are gone from position %d"
                                .formatted(next.upToPosition(), expected));
            }
            if (lastSigned < checked) {
                return new Break(Problem.UNSIGNED, lastSigned + 1, null,
                        "entries %d to %d are chained but covered by no signed checkpoint"
                                .formatted(lastSigned + 1, checked));
            }
            return null;
        }

        private Break check(Checkpoint checkpoint, long position, byte[] head, long seq) {
            if (checkpoint.upToPosition() != position) {
                return new Break(Problem.MISSING, checkpoint.upToPosition(), null,
                        "a checkpoint names position %d, which the chain skipped".formatted(checkpoint.upToPosition()));
            }
            if (!key.id().equals(checkpoint.keyId())) {
                return new Break(Problem.UNKNOWN_KEY, position, seq,
                        "the checkpoint at position %d is signed by key %s, not by the journal key %s"
                                .formatted(position, checkpoint.keyId(), key.id()));
            }
            if (!signatures.verifies(checkpoint.signedText(), checkpoint.signature())) {
                return new Break(Problem.BAD_SIGNATURE, position, seq,
                        "the checkpoint at position %d does not carry a valid signature".formatted(position));
            }
            if (!MessageDigest.isEqual(checkpoint.headHash(), head)) {
                return new Break(Problem.CHECKPOINT_MISMATCH, position, seq,
                        "the checkpoint at position %d was signed over a different chain".formatted(position));
            }
            return null;
        }
    }
}

package org.habeas.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.habeas.IntegrationTest;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.audit.Verification;
import org.habeas.audit.Verification.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The copy of the checkpoints kept outside the database (REQ-50) finds what the database alone cannot: the newest
 * entries deleted together with the checkpoints signed over them. The journal is shared by every test in this
 * JVM, so the test holds the sealer's lock while the tail is gone and puts every row back exactly.
 */
class WitnessTest extends IntegrationTest {

    @Autowired
    Journal journal;

    @Autowired
    Sealer sealer;

    @Autowired
    Witness witness;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everySignedCheckpointIsCopiedToTheWitnessFile() {
        journal.append(JournalEntry.of("TEST_WITNESSED", "test", "witness-" + UUID.randomUUID()));
        sealer.sealNow();

        Checkpoint copy = witness.last().orElseThrow();
        Checkpoint stored = jdbc.sql("SELECT up_to_pos, head_hash, sealed_at, key_id, signature "
                        + "FROM journal_checkpoint WHERE up_to_pos = :p").param("p", copy.upToPosition())
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getBytes(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4),
                        rs.getBytes(5))).single();
        assertThat(copy.headHash()).isEqualTo(stored.headHash());
        assertThat(copy.signature()).isEqualTo(stored.signature());
        assertThat(copy.sealedAt()).isEqualTo(stored.sealedAt());
    }

    @Test
    void aLineTornByACrashIsSkipped() throws Exception {
        journal.append(JournalEntry.of("TEST_WITNESSED", "test", "witness-" + UUID.randomUUID()));
        sealer.sealNow();
        Checkpoint before = witness.last().orElseThrow();
        byte[] whole = Files.readAllBytes(witness.file());
        try {
            Files.writeString(witness.file(), "{\"upToPosition\":99999999,\"headHash\":\"ab", StandardCharsets.US_ASCII,
                    StandardOpenOption.APPEND);
            assertThat(witness.last().orElseThrow().upToPosition()).isEqualTo(before.upToPosition());
            assertThat(journal.verify().ok()).isTrue();
        } finally {
            Files.write(witness.file(), whole);
        }
    }

    @Test
    void cuttingOffTheNewestEntriesWithTheirCheckpointsIsFoundThroughTheWitness() throws Exception {
        String subject = "witness-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            journal.append(JournalEntry.of("TEST_WITNESSED", "test", subject));
        }
        sealer.sealNow();
        assertThat(journal.verify().ok()).as("the journal verifies before the cut").isTrue();

        try (Connection lock = dataSource.getConnection()) {
            // While this session holds the sealer's lock no checkpoint can be signed over the gap.
            lock.createStatement().execute("SELECT pg_advisory_lock(" + Sealer.ADVISORY_LOCK + ")");
            List<String> entries = new ArrayList<>();
            List<String> checkpoints = new ArrayList<>();
            try {
                asSuperuserBypassingTriggers(() -> {
                    // Cut at the newest checkpoint before this test's entries: what is left is a clean journal.
                    long cut = jdbc.sql("""
                            SELECT max(up_to_pos) FROM journal_checkpoint
                             WHERE up_to_pos < (SELECT min(chain_pos) FROM journal_entry WHERE subject_id = :s)""")
                            .param("s", subject).query(Long.class).single();
                    entries.addAll(jdbc.sql("""
                            DELETE FROM journal_entry WHERE chain_pos > :cut
                            RETURNING to_json(journal_entry)::text""").param("cut", cut).query(String.class).list());
                    checkpoints.addAll(jdbc.sql("""
                            DELETE FROM journal_checkpoint WHERE up_to_pos > :cut
                            RETURNING to_json(journal_checkpoint)::text""").param("cut", cut)
                            .query(String.class).list());
                });
                assertThat(entries).hasSizeGreaterThanOrEqualTo(3);

                Verification result = journal.verify();
                assertThat(result.status()).isEqualTo(Verification.Status.BROKEN);
                assertThat(result.firstBreak().problem()).isEqualTo(Problem.TRUNCATED);
                assertThat(result.firstBreak().chainPosition()).isEqualTo(witness.last().orElseThrow().upToPosition());
            } finally {
                asSuperuserBypassingTriggers(() -> {
                    entries.forEach(row -> jdbc.sql("""
                            INSERT INTO journal_entry
                            SELECT * FROM json_populate_record(NULL::journal_entry, CAST(:row AS json))""")
                            .param("row", row).update());
                    checkpoints.forEach(row -> jdbc.sql("""
                            INSERT INTO journal_checkpoint
                            SELECT * FROM json_populate_record(NULL::journal_checkpoint, CAST(:row AS json))""")
                            .param("row", row).update());
                });
                lock.createStatement().execute("SELECT pg_advisory_unlock(" + Sealer.ADVISORY_LOCK + ")");
            }
        }
        assertThat(journal.verify().ok()).as("intact again once the rows are restored").isTrue();
    }

    private void asSuperuserBypassingTriggers(Runnable tamper) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            tamper.run();
        });
    }
}

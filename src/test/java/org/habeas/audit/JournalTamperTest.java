package org.habeas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.habeas.IntegrationTest;
import org.habeas.audit.Verification.Problem;
import org.habeas.audit.internal.Sealer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with database superuser rights changes the journal behind the application's back; verification must
 * say so, and say where.
 *
 * <p>The journal is shared by every test in this JVM, and other tests expect it to verify. So each tamper test
 * saves the exact rows it is about to change (as {@code to_json} text, which carries the json details byte for
 * byte), tampers, checks what verification reports, and in a {@code finally} block puts the saved rows back
 * exactly (again bypassing the triggers) and checks that verification is OK once more. Tampering is done with {@code SET LOCAL session_replication_role = replica},
 * which switches ordinary triggers off for that transaction only, as an attacker with superuser rights could.
 */
class JournalTamperTest extends IntegrationTest {

    private static final String ROW_AS_JSON = """
            SELECT to_json(e)::text FROM journal_entry e WHERE seq = :seq
            """;

    private static final String RESTORE_ENTRY = """
            INSERT INTO journal_entry
            SELECT * FROM json_populate_record(NULL::journal_entry, CAST(:row AS json))
            """;

    private static final String REVERT_ENTRY = """
            UPDATE journal_entry AS e
               SET reason = saved.reason
              FROM json_populate_record(NULL::journal_entry, CAST(:row AS json)) AS saved
             WHERE e.seq = saved.seq
            """;

    @Autowired
    Journal journal;

    @Autowired
    Sealer sealer;

    @Autowired
    PlatformTransactionManager transactions;

    private List<Sealed> mine;

    /** Three sealed entries of this test's own, in chain order. */
    @BeforeEach
    void threeSealedEntries() {
        String subject = "tamper-" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            journal.append(JournalEntry.of("TEST_TAMPER_TARGET", "test", subject).withReason("reason " + i));
        }
        sealer.sealNow();
        mine = jdbc.sql("""
                SELECT seq, chain_pos FROM journal_entry WHERE subject_type = 'test' AND subject_id = :subject
                 ORDER BY chain_pos""").param("subject", subject)
                .query((rs, n) -> new Sealed(rs.getLong("seq"), rs.getLong("chain_pos"))).list();
        assertThat(mine).hasSize(3);
        assertThat(journal.verify().ok()).as("the journal verifies before tampering").isTrue();
    }

    @Nested
    class WithTheTriggersBypassed {

        @Test
        void anAlteredEntryIsFoundAtItsPosition() {
            Sealed target = mine.get(1);
            String saved = rowAsJson(target.seq());
            try {
                asSuperuserBypassingTriggers(sql -> assertThat(sql.sql("""
                        UPDATE journal_entry SET reason = 'nothing happened' WHERE seq = :seq""")
                        .param("seq", target.seq()).update()).isEqualTo(1));

                Verification result = journal.verify();
                assertThat(result.status()).isEqualTo(Verification.Status.BROKEN);
                assertThat(result.firstBreak().problem()).isEqualTo(Problem.ALTERED);
                assertThat(result.firstBreak().chainPosition()).isEqualTo(target.position());
                assertThat(result.firstBreak().seq()).isEqualTo(target.seq());
            } finally {
                asSuperuserBypassingTriggers(sql -> sql.sql(REVERT_ENTRY).param("row", saved).update());
            }
            assertThat(journal.verify().ok()).as("intact again once the row is restored").isTrue();
        }

        @Test
        void aDeletedEntryLeavesAGap() {
            Sealed target = mine.get(1);
            String saved = rowAsJson(target.seq());
            try {
                asSuperuserBypassingTriggers(sql -> assertThat(sql.sql("DELETE FROM journal_entry WHERE seq = :seq")
                        .param("seq", target.seq()).update()).isEqualTo(1));

                Verification result = journal.verify();
                assertThat(result.status()).isEqualTo(Verification.Status.BROKEN);
                assertThat(result.firstBreak().problem()).isEqualTo(Problem.MISSING);
                assertThat(result.firstBreak().chainPosition()).isEqualTo(target.position());
                assertThat(result.entriesChecked()).isEqualTo(target.position() - 1);
            } finally {
                asSuperuserBypassingTriggers(sql -> sql.sql(RESTORE_ENTRY).param("row", saved).update());
            }
            assertThat(journal.verify().ok()).as("intact again once the row is restored").isTrue();
        }

        @Test
        void cuttingOffTheNewestEntriesIsFoundThroughTheLastCheckpoint() {
            // Whatever is newest when the DELETE runs: normally this test's three entries, or, if the sealer
            // has sealed something since, a gap just before it. Either way the cut starts at first.position().
            List<String> saved = new java.util.ArrayList<>();
            long[] firstCut = new long[1];
            try {
                asSuperuserBypassingTriggers(sql -> {
                    firstCut[0] = sql.sql("SELECT max(chain_pos) - 2 FROM journal_entry").query(Long.class).single();
                    saved.addAll(sql.sql("""
                            DELETE FROM journal_entry WHERE chain_pos >= :first
                            RETURNING to_json(journal_entry)::text""").param("first", firstCut[0])
                            .query(String.class).list());
                });
                assertThat(saved).hasSizeGreaterThanOrEqualTo(3);

                Verification result = journal.verify();
                assertThat(result.status()).isEqualTo(Verification.Status.BROKEN);
                assertThat(result.firstBreak().problem()).isEqualTo(Problem.MISSING);
                assertThat(result.firstBreak().chainPosition()).isEqualTo(firstCut[0]);
            } finally {
                asSuperuserBypassingTriggers(sql -> saved.forEach(row -> sql.sql(RESTORE_ENTRY).param("row", row)
                        .update()));
            }
            assertThat(journal.verify().ok()).as("intact again once the rows are restored").isTrue();
        }

        @Test
        void aForgedCheckpointSignatureIsFound() {
            long position = mine.get(2).position();
            byte[] original = jdbc.sql("SELECT signature FROM journal_checkpoint WHERE up_to_pos = :p")
                    .param("p", position).query(byte[].class).single();
            byte[] forged = original.clone();
            forged[0] ^= 1;
            try {
                asSuperuserBypassingTriggers(sql -> sql.sql("""
                        UPDATE journal_checkpoint SET signature = :s WHERE up_to_pos = :p""")
                        .param("s", forged).param("p", position).update());
                Verification result = journal.verify();
                assertThat(result.firstBreak().problem()).isEqualTo(Problem.BAD_SIGNATURE);
                assertThat(result.firstBreak().chainPosition()).isEqualTo(position);
            } finally {
                asSuperuserBypassingTriggers(sql -> sql.sql("""
                        UPDATE journal_checkpoint SET signature = :s WHERE up_to_pos = :p""")
                        .param("s", original).param("p", position).update());
            }
            assertThat(journal.verify().ok()).isTrue();
        }

        @Test
        void aCheckpointClaimingAnotherKeyIsNotTrusted() {
            long position = mine.get(2).position();
            String original = jdbc.sql("SELECT key_id FROM journal_checkpoint WHERE up_to_pos = :p")
                    .param("p", position).query(String.class).single();
            try {
                asSuperuserBypassingTriggers(sql -> sql.sql("""
                        UPDATE journal_checkpoint SET key_id = '0123456789abcdef' WHERE up_to_pos = :p""")
                        .param("p", position).update());
                assertThat(journal.verify().firstBreak().problem()).isEqualTo(Problem.UNKNOWN_KEY);
            } finally {
                asSuperuserBypassingTriggers(sql -> sql.sql("""
                        UPDATE journal_checkpoint SET key_id = :k WHERE up_to_pos = :p""")
                        .param("k", original).param("p", position).update());
            }
            assertThat(journal.verify().ok()).isTrue();
        }
    }

    @Nested
    class WithTheTriggersInPlace {

        @Test
        void aSealedEntryCannotBeChanged() {
            long seq = mine.get(0).seq();
            assertRefused("UPDATE journal_entry SET reason = 'rewritten' WHERE seq = " + seq);
            assertRefused("UPDATE journal_entry SET chain_pos = chain_pos + 1000000000 WHERE seq = " + seq);
        }

        @Test
        void anUnsealedEntryCanOnlyBeSealedNeverRewritten() {
            String subject = "tamper-" + UUID.randomUUID();
            journal.append(JournalEntry.of("TEST_TAMPER_UNSEALED", "test", subject));
            long seq = jdbc.sql("SELECT seq FROM journal_entry WHERE subject_id = :s").param("s", subject)
                    .query(Long.class).single();
            assertRefused("UPDATE journal_entry SET reason = 'rewritten' WHERE seq = " + seq);
        }

        @Test
        void nothingIsEverDeleted() {
            assertRefused("DELETE FROM journal_entry WHERE seq = " + mine.get(0).seq());
            assertRefused("TRUNCATE journal_entry");
            assertRefused("DELETE FROM journal_checkpoint WHERE up_to_pos = " + mine.get(2).position());
            assertRefused("UPDATE journal_checkpoint SET sealed_at = now() WHERE up_to_pos = "
                    + mine.get(2).position());
            assertRefused("TRUNCATE journal_checkpoint");
            assertRefused("DELETE FROM journal_verification");
            assertRefused("UPDATE journal_verification SET status = 'OK'");
            assertRefused("TRUNCATE journal_verification");
        }
    }

    private record Sealed(long seq, long position) {
    }

    private String rowAsJson(long seq) {
        return jdbc.sql(ROW_AS_JSON).param("seq", seq).query(String.class).single();
    }

    private void asSuperuserBypassingTriggers(Consumer<JdbcClient> tamper) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            tamper.accept(jdbc);
        });
    }

    /** Runs {@code sql} in a transaction that is rolled back whatever happens, and expects the trigger to refuse. */
    private void assertRefused(String sql) {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql(sql).update();
        })).as(sql).hasMessageContaining("append-only");
    }
}

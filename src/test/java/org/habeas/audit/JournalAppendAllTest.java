package org.habeas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.audit.internal.Sealer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Journal#appendAll} (one statement for a bulk admission's entries) writes exactly what the same calls of
 * {@link Journal#append} would, in the order given, and the sealer chains and verification checks them like any
 * other entries.
 */
class JournalAppendAllTest extends IntegrationTest {

    @Autowired
    Journal journal;

    @Autowired
    Sealer sealer;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void entriesAreWrittenInOrderWithTheirContentAndVerifyOnceSealed() {
        String subject = "bulk-" + UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(status -> journal.appendAll(List.of(
                JournalEntry.of("TEST_BULK_FIRST", "test", subject).withFacility("CBULK").withReason("first")
                        .withDetails(Map.of("line", 1)),
                JournalEntry.of("TEST_BULK_SECOND", "test", subject).withDetails(Map.of("line", 2)),
                JournalEntry.of("TEST_BULK_THIRD", "test", subject).withReason("third"))));
        sealer.sealNow();

        var rows = jdbc.sql("""
                SELECT action, facility, reason, details::text AS details, actor, chain_pos FROM journal_entry
                 WHERE subject_type = 'test' AND subject_id = :s ORDER BY seq""").param("s", subject)
                .query().listOfRows();
        assertThat(rows).extracting(r -> r.get("action"))
                .containsExactly("TEST_BULK_FIRST", "TEST_BULK_SECOND", "TEST_BULK_THIRD");
        assertThat(rows.get(0).get("facility")).isEqualTo("CBULK");
        assertThat(rows.get(0).get("reason")).isEqualTo("first");
        assertThat(rows.get(1).get("reason")).isNull();
        assertThat((String) rows.get(1).get("details")).contains("\"line\":2");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo(Journal.SYSTEM));
        assertThat(rows).extracting(r -> ((Number) r.get("chain_pos")).longValue()).isSorted();
        assertThat(journal.verify().ok()).isTrue();
    }

    @Test
    void aReadOnlyTransactionCannotJournal() {
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        assertThatThrownBy(() -> readOnly.executeWithoutResult(status -> journal.appendAll(List.of(
                JournalEntry.of("TEST_BULK_REFUSED", "test", "read-only")))))
                .isInstanceOf(IllegalStateException.class);
    }
}

package org.habeas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.audit.internal.Sealer;
import org.habeas.common.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

@DisplayName("/api/journal")
class JournalApiTest extends IntegrationTest {

    private static final String JOURNAL = "/api/journal";
    private static final String VERIFY = "/api/journal/verify";

    @Autowired
    Journal journal;

    @Autowired
    Sealer sealer;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A subject nobody else writes about, so each test finds exactly its own entries. */
    private static String aSubject() {
        return "test-" + UUID.randomUUID();
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLogon() {
            anonymous().get(JOURNAL).expect(401).code("UNAUTHENTICATED");
            anonymous().get(VERIFY).expect(401).code("UNAUTHENTICATED");
        }

        @Test
        void refusedForEveryRoleButInspectorAndAdmin() {
            for (Role role : Role.values()) {
                if (role != Role.INSPECTOR && role != Role.ADMIN) {
                    as(role).get(JOURNAL).expect(403).code("FORBIDDEN");
                    as(role).get(VERIFY).expect(403).code("FORBIDDEN");
                }
            }
        }

        @Test
        void openToInspectorAndAdmin() {
            as(Role.INSPECTOR).get(JOURNAL).expect(200);
            as(Role.ADMIN).get(JOURNAL).expect(200);
            as(Role.INSPECTOR).get(VERIFY).expect(200);
        }
    }

    @Nested
    class Validation {
        @Test
        void fromMustBeAnInstant() {
            as(Role.INSPECTOR).get(JOURNAL + "?from=yesterday").expect(400).code("VALIDATION_FAILED").field("from");
            as(Role.INSPECTOR).get(JOURNAL + "?to=2025-13-01T00:00:00Z").expect(400).code("VALIDATION_FAILED")
                    .field("to");
        }

        @Test
        void toMustNotBeBeforeFrom() {
            as(Role.INSPECTOR).get(JOURNAL + "?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z").expect(400)
                    .code("VALIDATION_FAILED").field("to");
        }

        @Test
        void pageSizeIsBetweenOneAndFiveHundred() {
            as(Role.INSPECTOR).get(JOURNAL + "?size=0").expect(400).code("VALIDATION_FAILED").field("size");
            as(Role.INSPECTOR).get(JOURNAL + "?size=10000").expect(400).code("VALIDATION_FAILED").field("size");
            as(Role.INSPECTOR).get(JOURNAL + "?size=ten").expect(400).code("VALIDATION_FAILED").field("size");
            as(Role.INSPECTOR).get(JOURNAL + "?page=-1").expect(400).code("VALIDATION_FAILED").field("page");
        }

        @Test
        void overlongFiltersAreRefused() {
            as(Role.INSPECTOR).get(JOURNAL + "?actor=" + "a".repeat(201)).expect(400).code("VALIDATION_FAILED")
                    .field("actor");
        }

        @Test
        void aBadEntryIsAProgrammingErrorAndWritesNothing() {
            assertThatThrownBy(() -> JournalEntry.of("user created", "user", "x"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new TransactionTemplate(transactions, readOnly()).executeWithoutResult(
                    s -> journal.append(JournalEntry.of("TEST_READ_ONLY", "test", aSubject()))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        }
    }

    @Nested
    class HappyPath {
        @Test
        void anEntryRolledBackWithItsCommandLeavesNoTrace() {
            String subject = aSubject();
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                journal.append(JournalEntry.of("TEST_ROLLED_BACK", "test", subject));
                status.setRollbackOnly();
            });
            assertThat(entriesAbout(subject)).isEmpty();
        }

        @Test
        void aCommittedEntryIsFoundByEveryFilter() {
            String subject = aSubject();
            Instant before = Instant.now().minusSeconds(1);
            signInAs("officer-" + subject.substring(5, 13), "ROLE_HOUSING", "ROLE_INTAKE", "FACTOR_PASSWORD");
            new TransactionTemplate(transactions).executeWithoutResult(status -> journal.append(
                    JournalEntry.of("TEST_MOVED", "test", subject).withFacility("CECOT").withReason("cell repair")
                            .withDetails(Map.of("from", "A-1-001", "to", "B-2-014"))));
            SecurityContextHolder.clearContext();

            var found = as(Role.INSPECTOR).get(JOURNAL + "?subjectType=test&subjectId=" + subject).expect(200).json();
            assertThat(found.path("total").asLong()).isEqualTo(1);
            JsonNode entry = found.path("items").get(0);
            assertThat(entry.path("action").asString()).isEqualTo("TEST_MOVED");
            assertThat(entry.path("actor").asString()).isEqualTo("officer-" + subject.substring(5, 13));
            assertThat(entry.path("actorRoles").asString()).isEqualTo("HOUSING,INTAKE");
            assertThat(entry.path("facility").asString()).isEqualTo("CECOT");
            assertThat(entry.path("reason").asString()).isEqualTo("cell repair");
            assertThat(entry.path("details").path("to").asString()).isEqualTo("B-2-014");
            Instant recordedAt = Instant.parse(entry.path("recordedAt").asString());
            assertThat(recordedAt).isAfter(before);

            String actor = entry.path("actor").asString();
            assertThat(as(Role.ADMIN).get(JOURNAL + "?actor=" + actor).expect(200).json().path("total").asLong())
                    .isEqualTo(1);
            assertThat(as(Role.ADMIN).get(JOURNAL + "?actor=" + actor + "&action=TEST_MOVED").expect(200).json()
                    .path("total").asLong()).isEqualTo(1);
            assertThat(as(Role.ADMIN).get(JOURNAL + "?actor=" + actor + "&action=TEST_OTHER").expect(200).json()
                    .path("total").asLong()).isZero();
            assertThat(as(Role.ADMIN).get(JOURNAL + "?actor=" + actor + "&from=" + recordedAt + "&to="
                    + recordedAt.plusMillis(1)).expect(200).json().path("total").asLong()).isEqualTo(1);
            assertThat(as(Role.ADMIN).get(JOURNAL + "?actor=" + actor + "&to=" + recordedAt).expect(200).json()
                    .path("total").asLong()).as("to is exclusive").isZero();
        }

        @Test
        void anInspectorLimitedToOneFacilitySeesOnlyThatFacilitysEntries() {
            String subject = aSubject();
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                journal.append(JournalEntry.of("TEST_MOVED", "test", subject).withFacility("SCOPE-A"));
                journal.append(JournalEntry.of("TEST_MOVED", "test", subject).withFacility("SCOPE-B"));
                journal.append(JournalEntry.of("TEST_USER_CHANGED", "test", subject));
            });
            var scoped = access.createUser(new org.habeas.access.NewUser("insp-" + subject.substring(5, 13),
                    "Scoped inspector", PASSWORD_OF_TEST_USERS, java.util.Set.of(Role.INSPECTOR),
                    java.util.Set.of("SCOPE-A")));

            var seen = anonymous().basic(scoped.username(), PASSWORD_OF_TEST_USERS)
                    .get(JOURNAL + "?subjectType=test&subjectId=" + subject).expect(200).json();
            assertThat(seen.path("total").asLong()).isEqualTo(1);
            assertThat(seen.path("items").get(0).path("facility").asString()).isEqualTo("SCOPE-A");
            assertThat(as(Role.INSPECTOR).get(JOURNAL + "?subjectType=test&subjectId=" + subject).expect(200)
                    .json().path("total").asLong()).as("an inspector of every facility sees all three").isEqualTo(3);
        }

        @Test
        void newestComesFirstAndPagesHoldTheRest() {
            String subject = aSubject();
            for (int i = 1; i <= 3; i++) {
                journal.append(JournalEntry.of("TEST_STEP", "test", subject).withDetails(Map.of("step", i)));
            }
            var first = as(Role.INSPECTOR).get(JOURNAL + "?subjectId=" + subject + "&size=2").expect(200).json();
            assertThat(first.path("total").asLong()).isEqualTo(3);
            assertThat(first.path("items").size()).isEqualTo(2);
            assertThat(first.path("items").get(0).path("details").path("step").asInt()).isEqualTo(3);
            var second = as(Role.INSPECTOR).get(JOURNAL + "?subjectId=" + subject + "&size=2&page=1").expect(200)
                    .json();
            assertThat(second.path("items").size()).isEqualTo(1);
            assertThat(second.path("items").get(0).path("details").path("step").asInt()).isEqualTo(1);
        }

        @Test
        void withoutASignedInUserTheActorIsSystemAndAnExplicitActorWins() {
            String subject = aSubject();
            journal.append(JournalEntry.of("TEST_SCHEDULED", "test", subject));
            journal.append(JournalEntry.of("TEST_LOGON_FAILED", "test", subject).by("who-tried", ""));
            var items = entriesAbout(subject);
            assertThat(items).extracting(JournalRecord::actor).containsExactly("who-tried", Journal.SYSTEM);
        }

        @Test
        void aReadIsJournaledWithoutTheDataItself() {
            String subject = aSubject();
            signInAs("reader-" + subject.substring(5, 13), "ROLE_LEGAL");
            journal.recordRead("person", subject, "CECOT");
            SecurityContextHolder.clearContext();
            JournalRecord read = journal.search(JournalQuery.subject("person", subject), new PageRequest(0, 5))
                    .items().get(0);
            assertThat(read.action()).isEqualTo("READ");
            assertThat(read.actorRoles()).isEqualTo("LEGAL");
            assertThat(read.facility()).isEqualTo("CECOT");
            assertThat(read.details()).isEmpty();
        }

        @Test
        void everyRequestCarriesItsRequestIdAndTheSearchItselfIsJournaled() {
            var response = as(Role.INSPECTOR).header("X-Request-Id", "journal-test-" + UUID.randomUUID()
                    .toString().substring(0, 8)).get(JOURNAL + "?action=TEST_NOTHING").expect(200);
            String requestId = response.header("X-Request-Id");
            var searches = as(Role.ADMIN).get(JOURNAL + "?action=JOURNAL_SEARCHED&size=50").expect(200).json();
            List<String> ids = searches.path("items").valueStream().map(e -> e.path("requestId").asString())
                    .toList();
            assertThat(ids).contains(requestId);
            searches.path("items").valueStream().filter(e -> requestId.equals(e.path("requestId").asString()))
                    .forEach(e -> {
                        assertThat(e.path("actorRoles").asString()).isEqualTo("INSPECTOR");
                        assertThat(e.path("details").path("filter").path("action").asString())
                                .isEqualTo("TEST_NOTHING");
                    });
        }

        @Test
        void everyCommittedEntryIsSealedWithinSeconds() throws InterruptedException {
            String subject = aSubject();
            journal.append(JournalEntry.of("TEST_SEALED_SOON", "test", subject));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
            while (!entriesAbout(subject).get(0).sealed() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            JournalRecord sealed = entriesAbout(subject).get(0);
            assertThat(sealed.sealed()).as("sealed by the scheduled sealer within 5 s").isTrue();
            assertThat(sealed.entryHash()).hasSize(64);
        }

        @Test
        void anIntactJournalVerifies() {
            // Sealing hashes strings, verification raw UTF-8 from the driver: non-ASCII text must agree.
            journal.append(JournalEntry.of("TEST_BEFORE_VERIFY", "test", aSubject()).withFacility("CECOT")
                    .withReason("traslado nº 7 — Ñuñoa → Tecoluca 🚐")
                    .withDetails(Map.of("nota", "sin acompañante", "n", 1.50, "vacío", List.of())));
            sealer.sealNow();
            var result = as(Role.INSPECTOR).get(VERIFY).expect(200).json();
            assertThat(result.path("status").asString()).as(result.toString()).isEqualTo("OK");
            assertThat(result.path("entriesChecked").asLong()).isPositive();
            assertThat(result.path("checkpoints").asLong()).isPositive();
            assertThat(result.path("firstBreak").isNull()).isTrue();

            var summary = journal.summary();
            assertThat(summary.lastVerification()).isNotNull();
            assertThat(summary.sealed()).isGreaterThanOrEqualTo(result.path("entriesChecked").asLong());
            assertThat(summary.lastCheckpointAt()).isNotNull();
        }
    }

    private List<JournalRecord> entriesAbout(String subject) {
        return journal.search(JournalQuery.subject("test", subject), new PageRequest(0, 50)).items();
    }

    private static void signInAs(String username, String... authorities) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
    }

    private static org.springframework.transaction.TransactionDefinition readOnly() {
        var definition = new org.springframework.transaction.support.DefaultTransactionDefinition();
        definition.setReadOnly(true);
        return definition;
    }
}

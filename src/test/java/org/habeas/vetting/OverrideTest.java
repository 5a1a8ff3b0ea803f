package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.habeas.ApiClient;
import org.habeas.access.Role;
import org.habeas.common.HabeasException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** REQ-53: one rule, one person, one movement, two different people, an expiry; each misuse has its own code. */
@DisplayName("/api/overrides")
class OverrideTest extends RuleEngineTest {

    private static final String OVERRIDES = "/api/overrides";

    @Autowired
    VettingService vetting;

    @Autowired
    PlatformTransactionManager transactions;

    private Map<String, Object> anOverride(UUID person, String toFacility, String rule) {
        return Map.of("movement", VettingApiTest.aTransfer(person, toFacility), "rule", rule,
                "reason", "court hearing tomorrow", "legalBasis", "order 12/2025",
                "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
    }

    private ApiClient requester() {
        return as(Role.HOUSING);
    }

    private String requestOverride(UUID person, String toFacility, String rule) {
        return requester().post(OVERRIDES, anOverride(person, toFacility, rule)).expect(201).json().path("id")
                .asString();
    }

    private Decision decide(UUID person, String toFacility, List<UUID> overrides) {
        VettingApiTest.anOpenFacility(as(Role.DIRECTOR), toFacility);
        var request = new VettingRequest(person, MovementAction.TRANSFER, null, null, null, toFacility, null, null,
                null, Instant.now());
        return new TransactionTemplate(transactions).execute(s -> vetting.decide(request, overrides));
    }

    private HabeasException refusal(UUID person, String toFacility, List<UUID> overrides) {
        try {
            decide(person, toFacility, overrides);
        } catch (HabeasException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLogon() {
            anonymous().get(OVERRIDES).expect(401).code("UNAUTHENTICATED");
            anonymous().post(OVERRIDES, anOverride(UUID.randomUUID(), "DENY-X", TestRules.GATE)).expect(401);
        }

        @Test
        void wrongRolesAreRefused() {
            as(Role.AGENCY).post(OVERRIDES, anOverride(UUID.randomUUID(), "DENY-X", TestRules.GATE)).expect(403)
                    .code("FORBIDDEN");
            as(Role.INTAKE).get(OVERRIDES).expect(403).code("FORBIDDEN");
            String id = requestOverride(UUID.randomUUID(), "DENY-X", TestRules.GATE);
            as(Role.HOUSING).post(OVERRIDES + "/" + id + "/approve", Map.of("reason", "ok")).expect(403)
                    .code("FORBIDDEN");
            as(Role.INSPECTOR).post(OVERRIDES + "/" + id + "/refuse", Map.of("reason", "no")).expect(403);
            // The technical administrator reads no override: it names where a person goes and why.
            as(Role.ADMIN).get(OVERRIDES).expect(403).code("FORBIDDEN");
            as(Role.ADMIN).get(OVERRIDES + "/" + id).expect(403).code("FORBIDDEN");
        }

        @Test
        void oneOverrideIsNotShownToAnAgency() {
            String id = requestOverride(UUID.randomUUID(), "DENY-X", TestRules.GATE);
            as(Role.AGENCY).get(OVERRIDES + "/" + id).expect(403).code("FORBIDDEN");
            as(Role.AGENCY).get(OVERRIDES).expect(403).code("FORBIDDEN");
            as(Role.HOUSING).get(OVERRIDES).expect(403).code("FORBIDDEN");
        }

        @Test
        void anInspectorListsOverridesAndReadsEachOne() {   // REQ-53: oversight sees every override
            String id = requestOverride(UUID.randomUUID(), "DENY-X", TestRules.GATE);
            assertThat(as(Role.INSPECTOR).get(OVERRIDES + "?status=PENDING&limit=500").expect(200).json()
                    .findValuesAsString("id")).contains(id);
            assertThat(as(Role.INSPECTOR).get(OVERRIDES + "/" + id).expect(200).json().path("rule").asString())
                    .isEqualTo(TestRules.GATE);
        }

        @Test
        void theRequesterCannotApproveTheirOwn() {
            var both = as(Role.HOUSING, Role.SUPERVISOR);
            String id = both.post(OVERRIDES, anOverride(UUID.randomUUID(), "DENY-X", TestRules.GATE)).expect(201)
                    .json().path("id").asString();
            both.post(OVERRIDES + "/" + id + "/approve", Map.of("reason", "mine")).expect(409).code("SAME_APPROVER");
        }

        @Test
        void aLegalHoldNeedsALegalApprover() {
            String id = requestOverride(UUID.randomUUID(), "HOLD-X", TestRules.LEGAL);
            as(Role.SUPERVISOR).post(OVERRIDES + "/" + id + "/approve", Map.of("reason", "ok")).expect(403)
                    .code("APPROVER_ROLE_REQUIRED");
            as(Role.LEGAL).post(OVERRIDES + "/" + id + "/approve", Map.of("reason", "stay lifted")).expect(200);
        }
    }

    @Nested
    class Validation {
        @Test
        void reasonAndBasisAreRequired() {
            var body = new java.util.HashMap<>(anOverride(UUID.randomUUID(), "DENY-X", TestRules.GATE));
            body.remove("legalBasis");
            requester().post(OVERRIDES, body).expect(400).code("VALIDATION_FAILED").field("legalBasis");
        }

        @Test
        void anExpiryInThePastIsRefused() {
            var body = new java.util.HashMap<>(anOverride(UUID.randomUUID(), "DENY-X", TestRules.GATE));
            body.put("expiresAt", Instant.now().minusSeconds(60).toString());
            requester().post(OVERRIDES, body).expect(400).code("VALIDATION_FAILED");
        }

        @Test
        void anUnknownRuleIsRefused() {
            requester().post(OVERRIDES, anOverride(UUID.randomUUID(), "DENY-X", "NO_SUCH_RULE")).expect(400)
                    .code("UNKNOWN_RULE");
        }

        @Test
        void aHardLimitCannotBeOverridden() {
            requester().post(OVERRIDES, anOverride(UUID.randomUUID(), "HARD-X", TestRules.HARD)).expect(409)
                    .code("RULE_NOT_OVERRIDABLE");
        }

        @Test
        void anExpiredRequestCannotBeApproved() {
            String id = requestOverride(UUID.randomUUID(), "DENY-X", TestRules.GATE);
            jdbc.sql("UPDATE vetting_override SET requested_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = :id")
                    .param("id", UUID.fromString(id)).update();
            as(Role.SUPERVISOR).post(OVERRIDES + "/" + id + "/approve", Map.of("reason", "late")).expect(409)
                    .code("OVERRIDE_EXPIRED");
        }

        @Test
        void aDecidedOverrideCannotBeDecidedAgain() {
            String id = requestOverride(UUID.randomUUID(), "DENY-X", TestRules.GATE);
            as(Role.SUPERVISOR).post(OVERRIDES + "/" + id + "/refuse", Map.of("reason", "no basis")).expect(200);
            as(Role.SUPERVISOR).post(OVERRIDES + "/" + id + "/approve", Map.of("reason", "changed my mind"))
                    .expect(409).code("OVERRIDE_NOT_PENDING");
        }
    }

    @Nested
    class HappyPath {
        @Test
        void aDenialIsStoredAndJournaled() {
            UUID person = UUID.randomUUID();
            Decision denied = decide(person, "DENY-A", List.of());
            assertThat(denied.allowed()).isFalse();
            assertThat(jdbc.sql("SELECT allowed FROM vetting_decision WHERE id = :id").param("id", denied.id())
                    .query(Boolean.class).single()).isFalse();
            assertThat(jdbc.sql("SELECT action FROM journal_entry WHERE subject_id = :p ORDER BY seq DESC LIMIT 1")
                    .param("p", person.toString()).query(String.class).single()).isEqualTo("MOVEMENT_DENIED");
            assertThatThrownBy(denied::requireAllowed).isInstanceOf(MovementDenied.class)
                    .hasMessageContaining(TestRules.GATE);
        }

        @Test
        void anApprovedOverrideLiftsItsDenialOnce() {
            UUID person = UUID.randomUUID();
            String id = requestOverride(person, "DENY-B", TestRules.GATE);
            var pending = as(Role.SUPERVISOR).get(OVERRIDES + "?status=PENDING").expect(200).body();
            assertThat(pending).contains(id).contains("destination DENY-B is closed");
            as(Role.SUPERVISOR).post(OVERRIDES + "/" + id + "/approve", Map.of("reason", "hearing")).expect(200);

            Decision allowed = decide(person, "DENY-B", List.of(UUID.fromString(id)));
            assertThat(allowed.allowed()).isTrue();
            assertThat(allowed.outcomes()).anySatisfy(o -> {
                assertThat(o.rule()).isEqualTo(TestRules.GATE);
                assertThat(o.verdict()).isEqualTo(RuleOutcome.Verdict.OVERRIDDEN);
            });
            assertThat(as(Role.INSPECTOR).get(OVERRIDES + "/" + id).expect(200).json().path("status").asString())
                    .isEqualTo("USED");

            assertThat(refusal(person, "DENY-B", List.of(UUID.fromString(id))).code().name())
                    .isEqualTo("OVERRIDE_NOT_APPROVED");
        }

        @Test
        void anOverrideDoesNotCoverAnotherPersonOrMovement() {
            UUID person = UUID.randomUUID();
            String id = requestOverride(person, "DENY-C", TestRules.GATE);
            as(Role.SUPERVISOR).post(OVERRIDES + "/" + id + "/approve", Map.of("reason", "ok")).expect(200);
            UUID override = UUID.fromString(id);

            assertThat(refusal(UUID.randomUUID(), "DENY-C", List.of(override)).code().name())
                    .isEqualTo("OVERRIDE_FOR_ANOTHER_PERSON");
            assertThat(refusal(person, "DENY-OTHER", List.of(override)).code().name())
                    .isEqualTo("OVERRIDE_FOR_ANOTHER_MOVEMENT");
            assertThat(refusal(person, "DENY-C", List.of(UUID.randomUUID())).code().name())
                    .isEqualTo("OVERRIDE_NOT_FOUND");
        }

        @Test
        void anApprovedOverrideThatExpiredLiftsNothing() {
            UUID person = UUID.randomUUID();
            String id = requestOverride(person, "DENY-D", TestRules.GATE);
            as(Role.SUPERVISOR).post(OVERRIDES + "/" + id + "/approve", Map.of("reason", "ok")).expect(200);
            jdbc.sql("UPDATE vetting_override SET requested_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = :id")
                    .param("id", UUID.fromString(id)).update();
            assertThat(refusal(person, "DENY-D", List.of(UUID.fromString(id))).code().name())
                    .isEqualTo("OVERRIDE_EXPIRED");
        }

        @Test
        void aFailedRuleIsNotLiftedByAnOverride() {
            UUID person = UUID.randomUUID();
            Decision decision = decide(person, "FAIL-E", List.of());
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.denials()).singleElement()
                    .satisfies(o -> assertThat(o.verdict()).isEqualTo(RuleOutcome.Verdict.ERROR));
        }

        @Test
        void twoMovementsRacingForOneOverrideCannotBothUseIt() throws Exception {
            UUID person = UUID.randomUUID();
            String id = requestOverride(person, "DENY-F", TestRules.GATE);
            as(Role.SUPERVISOR).post(OVERRIDES + "/" + id + "/approve", Map.of("reason", "ok")).expect(200);
            UUID override = UUID.fromString(id);

            int racers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            var start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return decide(person, "DENY-F", List.of(override)).allowed();
                    } catch (HabeasException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            List<Boolean> allowed = new ArrayList<>();
            for (Future<Boolean> result : results) {
                allowed.add(result.get());
            }
            pool.shutdown();
            assertThat(Collections.frequency(allowed, true)).isEqualTo(1);
        }
    }
}

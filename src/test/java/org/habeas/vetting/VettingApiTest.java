package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

@DisplayName("POST /api/vetting/decisions")
class VettingApiTest extends IntegrationTest {

    static final String DECISIONS = "/api/vetting/decisions";

    static Map<String, Object> aTransfer(UUID person, String toFacility) {
        Map<String, Object> movement = new HashMap<>();
        movement.put("personId", person.toString());
        movement.put("action", "TRANSFER");
        movement.put("toFacility", toFacility);
        return movement;
    }

    private static JsonNode outcome(JsonNode decision, String rule) {
        for (JsonNode outcome : decision.path("outcomes")) {
            if (outcome.path("rule").asString().equals(rule)) {
                return outcome;
            }
        }
        throw new AssertionError("no outcome for " + rule + " in " + decision);
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLogon() {
            anonymous().post(DECISIONS, aTransfer(UUID.randomUUID(), "OPEN")).expect(401).code("UNAUTHENTICATED");
        }

        @Test
        void refusedForRolesThatMoveNobody() {
            as(Role.INSPECTOR).post(DECISIONS, aTransfer(UUID.randomUUID(), "OPEN")).expect(403).code("FORBIDDEN");
            as(Role.AGENCY).post(DECISIONS, aTransfer(UUID.randomUUID(), "OPEN")).expect(403).code("FORBIDDEN");
            as(Role.INSPECTOR).post(DECISIONS + "/batch", List.of(aTransfer(UUID.randomUUID(), "OPEN"))).expect(403);
            as(Role.AGENCY).get("/api/vetting/rules").expect(403).code("FORBIDDEN");
        }

        @Test
        void aFacilityOutOfScopeIsNotFound() {
            var scoped = access.createUser(new org.habeas.access.NewUser("scoped-" + UUID.randomUUID().toString()
                    .substring(0, 8), "Scoped", PASSWORD_OF_TEST_USERS, java.util.Set.of(Role.HOUSING),
                    java.util.Set.of("FAC-A")));
            var movement = aTransfer(UUID.randomUUID(), "OPEN");
            movement.put("facility", "FAC-B");
            anonymous().basic(scoped.username(), PASSWORD_OF_TEST_USERS).post(DECISIONS, movement).expect(404)
                    .code("FACILITY_NOT_FOUND");
            movement.put("facility", "FAC-A");
            anonymous().basic(scoped.username(), PASSWORD_OF_TEST_USERS).post(DECISIONS, movement).expect(200);
        }
    }

    @Nested
    class Validation {
        @Test
        void personIsRequired() {
            var movement = aTransfer(UUID.randomUUID(), "OPEN");
            movement.remove("personId");
            as(Role.HOUSING).post(DECISIONS, movement).expect(400).code("VALIDATION_FAILED").field("personId");
        }

        @Test
        void unknownActionIsNamed() {
            var movement = aTransfer(UUID.randomUUID(), "OPEN");
            movement.put("action", "TELEPORT");
            as(Role.HOUSING).post(DECISIONS, movement).expect(400).code("VALIDATION_FAILED").field("action");
        }

        @Test
        void countryIsTwoLetters() {
            var movement = aTransfer(UUID.randomUUID(), "OPEN");
            movement.put("toCountry", "Salvador");
            as(Role.HOUSING).post(DECISIONS, movement).expect(400).code("VALIDATION_FAILED").field("toCountry");
        }

        @Test
        void aBatchHasAtMostFiveHundred() {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 501; i++) {
                batch.add(aTransfer(UUID.randomUUID(), "OPEN"));
            }
            as(Role.HOUSING).post(DECISIONS + "/batch", batch).expect(400).code("VALIDATION_FAILED");
        }
    }

    @Nested
    class HappyPath {
        @Test
        void anUnobjectionableMovementIsAllowedWithEveryRulesOutcome() {
            var decision = as(Role.HOUSING).post(DECISIONS, aTransfer(UUID.randomUUID(), "OPEN")).expect(200).json();
            assertThat(decision.path("allowed").asBoolean()).isTrue();
            assertThat(outcome(decision, TestRules.GATE).path("verdict").asString()).isEqualTo("PASS");
            assertThat(decision.path("decision").isNull()).as("a dry run is not stored").isTrue();
        }

        @Test
        void aDeniedMovementSaysWhichRuleAndWhy() {
            var decision = as(Role.HOUSING).post(DECISIONS, aTransfer(UUID.randomUUID(), "DENY-1")).expect(200).json();
            assertThat(decision.path("allowed").asBoolean()).isFalse();
            var gate = outcome(decision, TestRules.GATE);
            assertThat(gate.path("verdict").asString()).isEqualTo("DENY");
            assertThat(gate.path("reason").asString()).contains("DENY-1");
            assertThat(gate.path("source").asString()).isEqualTo("test");
        }

        @Test
        void aRuleThatFailsDeniesTheMovement() {
            var decision = as(Role.HOUSING).post(DECISIONS, aTransfer(UUID.randomUUID(), "FAIL-1")).expect(200).json();
            assertThat(decision.path("allowed").asBoolean()).isFalse();
            var gate = outcome(decision, TestRules.GATE);
            assertThat(gate.path("verdict").asString()).isEqualTo("ERROR");
            assertThat(gate.path("reason").asString()).contains("IllegalStateException");
        }

        @Test
        void aBatchAnswersEveryLine() {
            var decisions = as(Role.HOUSING).post(DECISIONS + "/batch", List.of(aTransfer(UUID.randomUUID(), "OPEN"),
                    aTransfer(UUID.randomUUID(), "DENY-2"))).expect(200).json();
            assertThat(decisions.get(0).path("allowed").asBoolean()).isTrue();
            assertThat(decisions.get(1).path("allowed").asBoolean()).isFalse();
        }

        @Test
        void theRulesAreListed() {
            var rules = as(Role.HOUSING).get("/api/vetting/rules").expect(200).body();
            assertThat(rules).contains(TestRules.GATE, TestRules.HARD, TestRules.LEGAL);
        }
    }
}

package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.vetting.VettingApiTest.DECISIONS;
import static org.habeas.vetting.VettingApiTest.aTransfer;

import java.util.List;
import java.util.UUID;

import org.habeas.access.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * What the engine answers over the API, rule by rule: a pass, a denial, a rule that fails, a batch. The test rules
 * give each answer on cue (a transfer to DENY-…, FAIL-…); who may ask, and what a movement must say, is
 * {@link VettingApiTest}'s, on the production rule set.
 */
@DisplayName("POST /api/vetting/decisions, with the test rules")
class VettingDecisionApiTest extends RuleEngineTest {

    private static JsonNode outcome(JsonNode decision, String rule) {
        for (JsonNode outcome : decision.path("outcomes")) {
            if (outcome.path("rule").asString().equals(rule)) {
                return outcome;
            }
        }
        throw new AssertionError("no outcome for " + rule + " in " + decision);
    }

    @Test
    void anUnobjectionableMovementIsAllowedWithEveryRulesOutcome() {
        String open = VettingApiTest.anOpenFacility(as(Role.DIRECTOR), "OPEN");
        var decision = as(Role.HOUSING).post(DECISIONS, aTransfer(UUID.randomUUID(), open)).expect(200).json();
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
        String open = VettingApiTest.anOpenFacility(as(Role.DIRECTOR), "OPEN");
        var decisions = as(Role.HOUSING).post(DECISIONS + "/batch", List.of(aTransfer(UUID.randomUUID(), open),
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

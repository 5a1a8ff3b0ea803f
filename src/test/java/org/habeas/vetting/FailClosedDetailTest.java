package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.habeas.access.Role;
import org.habeas.vetting.internal.EvaluationPlanning;
import org.habeas.vetting.internal.VettingMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import tools.jackson.databind.JsonNode;

/**
 * A rule that fails denies the movement (fail closed), and its detail says so in English and Spanish: a
 * rule that throws, over the API, and a rule that answers no outcome of its own.
 */
class FailClosedDetailTest extends RuleEngineTest {

    @Autowired
    MessageSource messages;

    @Autowired
    EvaluationPlanning planning;

    @Test
    void aRuleThatThrowsIsExplainedInBothLanguages() {
        JsonNode decision = as(Role.HOUSING).post(VettingApiTest.DECISIONS,
                VettingApiTest.aTransfer(UUID.randomUUID(), "FAIL-7")).expect(200).json();
        assertThat(decision.path("allowed").asBoolean()).isFalse();
        RuleOutcome failed = null;
        for (JsonNode o : decision.path("outcomes")) {
            if (o.path("rule").asString().equals(TestRules.GATE)) {
                failed = json.treeToValue(o, RuleOutcome.class);
                // Additive API fields: the key and its arguments, nothing for the pages' own use.
                assertThat(o.has("detailKey") && o.has("detailArgs") && o.has("sourceKey")).isTrue();
                assertThat(o.has("detailParams")).isFalse();
            }
        }
        assertThat(failed).isNotNull();
        assertThat(failed.verdict()).isEqualTo(RuleOutcome.Verdict.ERROR);
        assertThat(failed.reason()).isEqualTo("the rule could not be evaluated: IllegalStateException");
        assertThat(failed.detailKey()).isEqualTo("vetting.ruleDetail.failed");
        assertThat(failed.detailArgs()).containsExactly("IllegalStateException");
        RuleDetails.assertInBothLanguages(messages, failed);
        assertThat(messages.getMessage(failed.detailKey(), failed.detailParams(), RuleDetails.SPANISH))
                .isEqualTo("no se pudo evaluar la regla: IllegalStateException");
    }

    @Test
    void aRuleWithoutAnOutcomeOfItsOwnIsExplainedInBothLanguages() {
        VettingRule silent = new VettingRule() {
            @Override
            public String name() {
                return "TEST_SILENT";
            }

            @Override
            public Set<MovementAction> appliesTo() {
                return EnumSet.allOf(MovementAction.class);
            }

            @Override
            public RuleOutcome evaluate(VettingRequest request, Evaluation evaluation) {
                return null;
            }
        };
        // The engine alone, with only this rule: a dry run reads nothing else.
        var engine = new VettingService(List.of(silent), null, planning, null, null, List.of(), json, Clock.systemUTC(),
                new VettingMetrics(new SimpleMeterRegistry()));
        Decision decision = engine.dryRun(new VettingRequest(UUID.randomUUID(), MovementAction.TRANSFER, null, null,
                null, "OTRO-1", null, null, null, Instant.now()));
        assertThat(decision.allowed()).isFalse();
        RuleOutcome outcome = decision.outcomes().get(0);
        assertThat(outcome.verdict()).isEqualTo(RuleOutcome.Verdict.ERROR);
        assertThat(outcome.reason()).isEqualTo("the rule gave no outcome of its own");
        RuleDetails.assertInBothLanguages(messages, outcome);
        assertThat(messages.getMessage(outcome.detailKey(), outcome.detailParams(), RuleDetails.SPANISH))
                .isEqualTo("la regla no dio un resultado propio");
    }
}

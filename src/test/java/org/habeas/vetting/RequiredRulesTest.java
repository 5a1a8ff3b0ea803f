package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.habeas.IntegrationTest;
import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.vetting.internal.EvaluationPlanning;
import org.habeas.vetting.internal.VettingMetrics;
import org.habeas.vetting.internal.VettingRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

/**
 * No action passes unjudged (REQ-56): an engine missing a rule declared for an action, or holding no rule for it at
 * all, refuses the action with NO_RULE_FOR_ACTION naming what is missing, in a single and in a batch dry run. The
 * engines here are the real one's parts, on the real database, short of some rules.
 */
class RequiredRulesTest extends IntegrationTest {

    @Autowired List<VettingRule> rules;
    @Autowired VettingRepository repository;
    @Autowired EvaluationPlanning planning;
    @Autowired Journal journal;
    @Autowired FacilityScope scope;
    @Autowired JsonMapper json;
    @Autowired Clock clock;

    VettingService engineWithout(String... names) {
        List<VettingRule> kept = rules.stream().filter(r -> !List.of(names).contains(r.name())).toList();
        return new VettingService(kept, repository, planning, journal, scope, List.of(), json, clock,
                new VettingMetrics(new SimpleMeterRegistry()));
    }

    VettingRequest transfer() {
        return new VettingRequest(UUID.randomUUID(), MovementAction.TRANSFER, null, null, null, "NOWHERE", null,
                null, null, clock.instant());
    }

    @Test
    void anActionWhoseDeclaredRuleIsMissingIsRefusedNamingIt() {
        Decision decision = engineWithout("TRANSFER_DESTINATION").dryRun(transfer());
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.denials()).singleElement().satisfies(o -> {
            assertThat(o.rule()).isEqualTo(RequiredRules.NO_RULE_FOR_ACTION);
            assertThat(o.code()).isEqualTo("NO_RULE_FOR_ACTION");
            assertThat(o.reason()).contains("TRANSFER_DESTINATION");
        });
        Decision inBatch = engineWithout("TRANSFER_DESTINATION").dryRun(List.of(transfer())).get(0);
        assertThat(inBatch.denials()).extracting(RuleOutcome::rule).containsExactly(RequiredRules.NO_RULE_FOR_ACTION);
    }

    @Test
    void aRemovalWithoutTheLegalRulesIsRefusedWhateverElseSaysYes() {
        VettingService engine = engineWithout("PROTECTION_ORDER", "STAY_OF_REMOVAL", "LEGAL_HOLD",
                "CLASS_INJUNCTION", "FINAL_ORDER_REQUIRED", "NOTICE_WINDOW", "LEGAL_REVIEW_STALE");
        Decision decision = engine.dryRun(new VettingRequest(UUID.randomUUID(), MovementAction.REMOVAL, null, null,
                null, null, "SV", "Dirección General de Migración", null, clock.instant()));
        RuleOutcome unjudged = decision.denials().stream()
                .filter(o -> o.rule().equals(RequiredRules.NO_RULE_FOR_ACTION)).findFirst().orElseThrow();
        assertThat(unjudged.reason()).contains("PROTECTION_ORDER", "LEGAL_REVIEW_STALE");
    }

    @ParameterizedTest
    @EnumSource(MovementAction.class)
    void everyActionIsRefusedByAnEngineWithNoRulesAtAll(MovementAction action) {
        VettingService empty = new VettingService(List.of(), repository, planning, journal, scope, List.of(), json,
                clock, new VettingMetrics(new SimpleMeterRegistry()));
        Decision decision = empty.dryRun(new VettingRequest(UUID.randomUUID(), action, null, null, null, null, null,
                null, null, clock.instant()));
        assertThat(decision.allowed()).as(action.name()).isFalse();
        assertThat(decision.denials()).extracting(RuleOutcome::rule).containsExactly(RequiredRules.NO_RULE_FOR_ACTION);
    }

    @Test
    void theProductionEngineHasEveryDeclaredRule() {
        for (MovementAction action : MovementAction.values()) {
            assertThat(RequiredRules.of(action)).as(action.name()).isNotEmpty();
            assertThat(rules.stream().filter(r -> r.appliesTo().contains(action)).map(VettingRule::name).toList())
                    .as(action.name()).containsAll(RequiredRules.of(action));
        }
    }
}

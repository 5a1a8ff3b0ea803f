package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A vetting evaluation's reads run with generic plans, and only they: the movement's own statements in the same
 * transaction are planned as before once the evaluation is over (EvaluationPlanning).
 */
class EvaluationPlanningTest extends RuleEngineTest {

    @Autowired
    VettingService vetting;

    @Autowired
    PlatformTransactionManager transactions;

    private static VettingRequest aTransferTo(String facility) {
        return new VettingRequest(UUID.randomUUID(), MovementAction.TRANSFER, null, null, null, facility, null, null,
                null, Instant.now());
    }

    private String planCacheMode() {
        return jdbc.sql("SHOW plan_cache_mode").query(String.class).single();
    }

    private static String probe(Decision decision) {
        return decision.outcomes().stream().filter(o -> o.rule().equals(TestRules.PLANNING)).findFirst().orElseThrow()
                .reason();
    }

    @Test
    void rulesReadWithGenericPlansAndTheMovementsTransactionPlansAsBeforeAfterwards() {
        var seen = new TransactionTemplate(transactions).execute(status -> {
            Decision decision = vetting.decide(aTransferTo("PLAN-A"), List.of());
            status.setRollbackOnly();
            return List.of(probe(decision), planCacheMode());
        });

        assertThat(seen).containsExactly("plan_cache_mode=force_generic_plan", "auto");
    }

    @Test
    void aDryRunAndABatchDryRunLeaveTheTransactionAsTheyFoundIt() {
        var seen = new TransactionTemplate(transactions).execute(status -> List.of(
                probe(vetting.dryRun(aTransferTo("PLAN-B"))), planCacheMode(),
                probe(vetting.dryRun(List.of(aTransferTo("PLAN-C"), aTransferTo("PLAN-D"))).get(1)), planCacheMode()));

        assertThat(seen).containsExactly("plan_cache_mode=force_generic_plan", "auto",
                "plan_cache_mode=force_generic_plan", "auto");
    }
}

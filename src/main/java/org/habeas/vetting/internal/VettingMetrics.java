package org.habeas.vetting.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.habeas.common.AfterCommit;
import org.habeas.vetting.Decision;
import org.habeas.vetting.RuleOutcome;
import org.springframework.stereotype.Component;

/**
 * Counts decisions of real movements (never dry runs) once they commit: a denial is committed with its journal
 * entry, so what is counted is what the register kept. One count per denying rule, so a movement two rules deny
 * counts under both.
 */
@Component
public class VettingMetrics {

    private final MeterRegistry registry;

    public VettingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void decided(Decision decision) {
        var denials = decision.denials();
        String action = decision.request().action().name();
        AfterCommit.run(() -> {
            Counter.builder("habeas.vetting.decisions").tag("action", action)
                    .tag("outcome", decision.allowed() ? "allowed" : "denied")
                    .description("Vetting decisions of movements, by action and outcome").register(registry)
                    .increment();
            for (RuleOutcome denial : denials) {
                Counter.builder("habeas.vetting.denials").tag("rule", denial.rule())
                        .tag("verdict", denial.verdict().name())
                        .description("Denials by rule (DENY, or ERROR: the rule could not judge and failed closed)")
                        .register(registry).increment();
            }
        });
    }
}

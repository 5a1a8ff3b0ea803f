package org.habeas.vetting.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.habeas.vetting.Decision;
import org.habeas.vetting.RuleOutcome;

/** A decision as the API shows it: whether the movement may go ahead, and every rule's outcome with its reason. */
record DecisionResponse(UUID decision, UUID personId, String movement, boolean allowed, List<RuleOutcome> outcomes,
                        List<UUID> overridesUsed, Instant decidedAt) {

    static DecisionResponse from(Decision d) {
        return new DecisionResponse(d.id(), d.request().person(), d.request().movementKey(), d.allowed(),
                d.outcomes(), d.overridesUsed(), d.decidedAt());
    }
}

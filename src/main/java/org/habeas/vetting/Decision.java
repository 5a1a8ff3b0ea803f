package org.habeas.vetting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The engine's answer for one movement: every rule's outcome and whether the movement may go ahead. A decision
 * that denies, or that used an override, is stored and journaled under its {@code id}; a dry run has no id.
 */
public record Decision(UUID id, VettingRequest request, List<RuleOutcome> outcomes, List<UUID> overridesUsed,
                       Instant decidedAt) {

    public Decision {
        outcomes = List.copyOf(outcomes);
        overridesUsed = List.copyOf(overridesUsed);
    }

    public boolean allowed() {
        return outcomes.stream().noneMatch(RuleOutcome::blocks);
    }

    public List<RuleOutcome> denials() {
        return outcomes.stream().filter(RuleOutcome::blocks).toList();
    }

    /** Throws {@link MovementDenied} unless the movement may go ahead. */
    public Decision requireAllowed() {
        if (!allowed()) {
            throw new MovementDenied(this);
        }
        return this;
    }
}

package org.habeas.estate;

import org.habeas.vetting.Decision;
import org.habeas.vetting.RuleOutcome;

/** How far {@link Occupancy#occupy} may fill a cell. */
public enum CapacityLimit {
    /**
     * The normal limit: operational capacity, or the figure of a temporary capacity override while one is in force
     * for the cell (REQ-23, REQ-29).
     */
    OPERATIONAL,
    /** Up to maximum capacity: only for a caller holding an approved override of the operational limit. */
    MAXIMUM;

    /**
     * The limit a movement that passed {@code decision} may fill its cell to: maximum when a two-person override
     * lifted {@link EstateRule#CAPACITY}, operational otherwise (also for a movement that was not vetted).
     */
    public static CapacityLimit after(Decision decision) {
        boolean capacityOverridden = decision != null && decision.outcomes().stream()
                .anyMatch(o -> o.rule().equals(EstateRule.CAPACITY.name())
                        && o.verdict() == RuleOutcome.Verdict.OVERRIDDEN);
        return capacityOverridden ? MAXIMUM : OPERATIONAL;
    }
}

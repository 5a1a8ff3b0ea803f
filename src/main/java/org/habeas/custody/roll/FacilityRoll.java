package org.habeas.custody.roll;

import java.time.Instant;
import java.util.List;

/**
 * The roll of a facility at an instant. {@code fromLedger} says whether it was recomputed from the movement ledger
 * (any past instant) or read from the whereabouts projection (now); the two must agree (invariant 6).
 */
public record FacilityRoll(String facility, Instant at, boolean fromLedger, RollCounts totals, List<RollLevel> levels) {
}

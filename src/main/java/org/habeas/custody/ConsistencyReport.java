package org.habeas.custody;

import java.time.Instant;
import java.util.List;

/**
 * The result of recomputing whereabouts and occupancy from the ledger and comparing them with what is stored
 * (invariant 6). {@code differences} lists each mismatch in words; none means consistent.
 */
public record ConsistencyReport(Instant checkedAt, int peopleInCustody, int locationsChecked,
                                List<String> differences) {

    public boolean consistent() {
        return differences.isEmpty();
    }
}

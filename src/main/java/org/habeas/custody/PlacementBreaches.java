package org.habeas.custody;

import java.util.List;
import java.util.UUID;

/**
 * The placements that break who-may-be-held-with-whom now, contributed by the part of custody that judges it
 * (custody.placement), for the modules above custody that must list them (oversight's safeguards). The same hook
 * pattern as {@link PlacementLocks}: the core names what it needs, the part above provides it.
 */
public interface PlacementBreaches {

    /**
     * {@code people} of one category in {@code cellPath} who should not be there: {@code reasonKey} is the message key
     * of why (the SEPARATION rule's own), {@code reasonParams} its arguments in words.
     */
    record CellBreach(UUID cell, String cellPath, int people, String reasonKey, List<Object> reasonParams) {
    }

    /** The separation breaches in {@code facility} now, in path order; refused as out of scope like the estate. */
    List<CellBreach> separation(String facility);

    /** Every open non-association breached in {@code facility} now (REQ-22). */
    List<HeldTogether> nonAssociations(String facility);
}

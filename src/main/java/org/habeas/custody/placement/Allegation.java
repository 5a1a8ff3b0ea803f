package org.habeas.custody.placement;

import java.time.Instant;
import java.util.UUID;

/**
 * An alleged affiliation (e.g. to a gang): always an allegation with its source and status, never a fact
 * (SCENARIO.md). Group non-associations use it unless it is WITHDRAWN.
 */
public record Allegation(UUID id, UUID person, Kind kind, String group, String source, String evidenceReference,
                         Status status, Instant recordedAt, String recordedBy) {

    public enum Kind { GANG_AFFILIATION, OTHER_AFFILIATION }

    public enum Status {
        /** Said by a source; not admitted, not decided. */
        ALLEGED,
        /** The person admits it. */
        ADMITTED,
        /** A court decided it. */
        ADJUDICATED,
        /** The person disputes it. */
        DISPUTED,
        /** The allegation was withdrawn; it no longer counts for anything. */
        WITHDRAWN
    }
}

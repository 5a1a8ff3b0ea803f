package org.habeas.estate;

import java.time.Instant;

/**
 * A location as other modules read it. {@code capacity} is {@code null} for places that hold nobody (modules,
 * yards); {@code population} is the stored count kept by {@link Occupancy}; {@code version} grows with every
 * change and is what an edit names to refuse a lost update.
 */
public record Location(LocationId id, String facilityCode, LocationId parent, String pathKey, String name,
                       LocationKind kind, LocationStatus status, InactiveReason inactiveReason, ExpansionId expansion,
                       Capacity capacity, int population, CellAttributes attributes, AreaCapacity areaCapacity,
                       SeparationPolicy separation, long version, Instant createdAt) {

    /** The path key without the facility code: {@code M1-C07} for {@code CECOT-M1-C07}. */
    public String relativePath() {
        return pathKey.substring(facilityCode.length() + 1);
    }

    public int depth() {
        return (int) relativePath().chars().filter(c -> c == '-').count();
    }
}

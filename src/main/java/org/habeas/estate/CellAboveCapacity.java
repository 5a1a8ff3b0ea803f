package org.habeas.estate;

/**
 * A cell holding more people than its operational capacity or than its floor area allows (REQ-26, REQ-28).
 * {@code limitInForce} is the figure of a temporary capacity override in force, else the operational capacity:
 * a cell above operational capacity under an override is a breach someone answered for, and still shows.
 * The area-based figures are null for a cell whose floor area is not recorded.
 */
public record CellAboveCapacity(LocationId cell, String facility, String pathKey, int population, int operational,
                                int limitInForce, Integer icrcPlaces, Integer cptPlaces) {

    public boolean aboveOperational() {
        return population > operational;
    }

    public boolean aboveIcrc() {
        return icrcPlaces != null && population > icrcPlaces;
    }
}

package org.habeas.estate;

/** How far {@link Occupancy#occupy} may fill a cell. */
public enum CapacityLimit {
    /**
     * The normal limit: operational capacity, or the figure of a temporary capacity override while one is in force
     * for the cell (REQ-23, REQ-29).
     */
    OPERATIONAL,
    /** Up to maximum capacity: only for a caller holding an approved override of the operational limit. */
    MAXIMUM
}

package org.habeas.estate;

/** Whether a location is in use. */
public enum LocationStatus {
    /** In use: people may be placed here and its capacity counts. */
    ACTIVE,
    /** Out of use for a recorded {@link InactiveReason}; holds nobody and counts for nothing. */
    INACTIVE,
    /** Part of an expansion project that has not opened; counts only in capacity forecasts. */
    PLANNED
}

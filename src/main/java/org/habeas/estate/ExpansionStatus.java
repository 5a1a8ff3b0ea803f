package org.habeas.estate;

/** Where an expansion project stands. Its locations are PLANNED until it opens. */
public enum ExpansionStatus {
    /** Approved on paper; its layout counts in forecasts from its planned date. */
    PLANNED,
    /** Being built; still counts only in forecasts. */
    UNDER_CONSTRUCTION,
    /** Opened: its locations became active on the opening date. Never reopened or undone. */
    OPEN;

    public boolean canBecome(ExpansionStatus next) {
        return switch (this) {
            case PLANNED -> next == UNDER_CONSTRUCTION || next == OPEN;
            case UNDER_CONSTRUCTION -> next == OPEN;
            case OPEN -> false;
        };
    }
}

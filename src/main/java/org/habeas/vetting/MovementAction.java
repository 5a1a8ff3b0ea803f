package org.habeas.vetting;

/** What a movement would do to a person; every one of them is vetted before it executes. */
public enum MovementAction {
    /** Into a cell from reception or on admission. */
    PLACEMENT,
    /** From one cell to another in the same facility. */
    CELL_MOVE,
    /** Out of the facility towards another facility of the estate. */
    TRANSFER,
    /** Out for a while (court, hospital), expected back. */
    TEMPORARY_ABSENCE,
    /** Custody ends here: set free. */
    RELEASE,
    /** Removal or deportation to another country (REQ-40). */
    REMOVAL,
    /** Handed to a foreign authority under an agreement (REQ-46, REQ-48). */
    HANDOVER
}

package org.habeas.vetting;

/** The life of a two-person override (REQ-53). The database carries the same list as a CHECK. */
public enum OverrideStatus {
    /** Requested with a reason; waits for a second person with the required role. Lifts nothing yet. */
    PENDING,
    /** Approved by a different person; may lift its one rule for its one person and movement until it expires. */
    APPROVED,
    /** Refused by the approver, with a reason. Final. */
    REFUSED,
    /** Consumed by the movement it was for. Final: an override is used once. */
    USED;

    public boolean canBecome(OverrideStatus next) {
        return switch (this) {
            case PENDING -> next == APPROVED || next == REFUSED;
            case APPROVED -> next == USED;
            case REFUSED, USED -> false;
        };
    }
}

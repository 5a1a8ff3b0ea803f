package org.habeas.custody;

/** Where a person in custody is; "unknown" is not one of them (invariant 1, docs/architecture.md). */
public enum WhereaboutsKind {
    /** In a cell of the facility. */
    IN_CELL,
    /** In the facility's reception, admitted or returned but not yet placed. */
    RECEPTION,
    /** Between two facilities with an escort; the destination acknowledges the arrival (REQ-35). */
    IN_TRANSIT,
    /** Out for a while (court, hospital) and expected back; still the facility's responsibility. */
    TEMPORARILY_OUT,
    /** Handed to a foreign authority, with the legal responsibility recorded (REQ-47). */
    HANDED_OVER;

    /** Whether the person counts on the facility's roll: held by it, physically or at court or hospital. */
    public boolean onTheRoll() {
        return this == IN_CELL || this == RECEPTION || this == TEMPORARILY_OUT;
    }
}

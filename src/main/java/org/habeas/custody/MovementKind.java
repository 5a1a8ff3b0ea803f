package org.habeas.custody;

import java.util.EnumSet;
import java.util.Set;

import org.habeas.vetting.MovementAction;


/**
 * Every kind of entry in the movement ledger, with the states it may start from and where it leads. The table
 * below is the whole transition model: anything else is refused with {@code INVALID_TRANSITION}.
 */
public enum MovementKind {
    /** Custody begins, in reception, on a legal authority (REQ-02). */
    ADMITTED(EnumSet.noneOf(WhereaboutsKind.class), WhereaboutsKind.RECEPTION, null, null),
    /** Reception to a cell. */
    PLACED(EnumSet.of(WhereaboutsKind.RECEPTION), WhereaboutsKind.IN_CELL, null, MovementAction.PLACEMENT),
    /** One cell to another. */
    MOVED(EnumSet.of(WhereaboutsKind.IN_CELL), WhereaboutsKind.IN_CELL, null, MovementAction.CELL_MOVE),
    /** Out to court, hospital or elsewhere, expected back. */
    TEMPORARILY_OUT(EnumSet.of(WhereaboutsKind.IN_CELL, WhereaboutsKind.RECEPTION), WhereaboutsKind.TEMPORARILY_OUT, null,
            MovementAction.TEMPORARY_ABSENCE),
    /** Back from a temporary absence, into reception. */
    RETURNED(EnumSet.of(WhereaboutsKind.TEMPORARILY_OUT), WhereaboutsKind.RECEPTION, null, null),
    /** Leaves for another facility with an escort; in transit until the destination records the arrival. */
    TRANSFERRED_OUT(EnumSet.of(WhereaboutsKind.IN_CELL, WhereaboutsKind.RECEPTION), WhereaboutsKind.IN_TRANSIT, null, MovementAction.TRANSFER),
    /** The destination acknowledges receipt (REQ-35); into its reception. */
    ARRIVED(EnumSet.of(WhereaboutsKind.IN_TRANSIT), WhereaboutsKind.RECEPTION, null, null),
    /** Handed to a foreign authority under an agreement, still on this register (REQ-47). */
    HANDED_OVER(EnumSet.of(WhereaboutsKind.IN_CELL, WhereaboutsKind.RECEPTION), WhereaboutsKind.HANDED_OVER, null, MovementAction.HANDOVER),
    /** Set free (REQ-39). */
    RELEASED(EnumSet.of(WhereaboutsKind.IN_CELL, WhereaboutsKind.RECEPTION, WhereaboutsKind.TEMPORARILY_OUT), null, CustodyEnd.RELEASED, MovementAction.RELEASE),
    /** Removed to another country (REQ-40). */
    REMOVED(EnumSet.of(WhereaboutsKind.IN_CELL, WhereaboutsKind.RECEPTION, WhereaboutsKind.HANDED_OVER), null, CustodyEnd.REMOVED,
            MovementAction.REMOVAL),
    /** Died in custody, wherever the person was. */
    DIED(EnumSet.allOf(WhereaboutsKind.class), null, CustodyEnd.DECEASED, null),
    /** Escaped, wherever the person was. */
    ESCAPED(EnumSet.of(WhereaboutsKind.IN_CELL, WhereaboutsKind.RECEPTION, WhereaboutsKind.IN_TRANSIT, WhereaboutsKind.TEMPORARILY_OUT), null, CustodyEnd.ESCAPED, null),
    /**
     * Not a movement: a correction of one (invariant 5), recorded by {@link CustodyService#correct} and never by
     * {@link CustodyService#move}. It names the entry it corrects and restates that movement with the corrected facts
     * ({@link Movement#correctedKind()}), or says it never happened ({@link Movement#enteredInError()}).
     */
    CORRECTED(EnumSet.noneOf(WhereaboutsKind.class), null, null, null);

    private final Set<WhereaboutsKind> from;
    private final WhereaboutsKind to;
    private final CustodyEnd ends;
    private final MovementAction vettedAs;

    MovementKind(Set<WhereaboutsKind> from, WhereaboutsKind to, CustodyEnd ends, MovementAction vettedAs) {
        this.from = from;
        this.to = to;
        this.ends = ends;
        this.vettedAs = vettedAs;
    }

    public boolean allowedFrom(WhereaboutsKind current) {
        return from.contains(current);
    }

    /** The whereabouts it leads to; null when it ends custody. */
    public WhereaboutsKind to() {
        return to;
    }

    /** How custody ends with it; null when custody goes on. */
    public CustodyEnd ends() {
        return ends;
    }

    /** The vetting action it must pass; null for facts that are recorded, not decided (a death, an arrival). */
    public MovementAction vettedAs() {
        return vettedAs;
    }

    /** The ledger's name for the resulting state: a whereabouts kind or how custody ended. */
    public String toState() {
        if (this == CORRECTED) {
            throw new IllegalStateException("A correction leads to the state of the movement it restates");
        }
        return to != null ? to.name() : ends.name();
    }
}

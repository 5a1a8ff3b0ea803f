package org.habeas.custody;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.habeas.people.PersonId;

/**
 * One entry of the append-only ledger (REQ-06, REQ-35). {@code toState} is a whereabouts kind or how custody ended.
 *
 * <p>Corrections (invariant 5): an entry of kind {@link MovementKind#CORRECTED} names the entry it corrects
 * ({@code corrects}) and restates that movement with the corrected facts: {@code correctedKind} is the kind of
 * movement it stands for, and its time, cell and state are the corrected ones. One with {@code enteredInError} says
 * the movement never happened: it restates the state before it, at the time of the entry before it, and has no
 * {@code correctedKind}. An entry that a later one corrects has {@code supersededBy} set: it stays in the ledger as it
 * was recorded, and the roll, the whereabouts and the day's counts read its correction in its place.
 */
public record Movement(UUID id, long seq, PersonId person, UUID episode, MovementKind kind, Instant occurredAt,
                       Instant recordedAt, String toState, String facility, UUID fromLocation, UUID toLocation,
                       String destination, String detail, String authority, String reason, String actor,
                       UUID decision, UUID corrects, Map<String, Object> particulars, MovementKind correctedKind,
                       boolean enteredInError, UUID supersededBy) {

    /** Whether a later entry corrects this one, so that it no longer stands. */
    public boolean superseded() {
        return supersededBy != null;
    }

    /** The kind of movement this entry stands for: its own, or the one a correction restates (null: in error). */
    public MovementKind standsFor() {
        return kind == MovementKind.CORRECTED ? correctedKind : kind;
    }
}

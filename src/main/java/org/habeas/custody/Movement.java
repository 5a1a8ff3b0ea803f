package org.habeas.custody;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

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
 *
 * <p>The fields for corrections were added to the published shape after the others: read back (an idempotent
 * replay of a response stored before them) without them, an entry is one no correction touches.
 */
@JsonIgnoreProperties(value = "enteredInError", allowGetters = true)
public record Movement(UUID id, long seq, PersonId person, UUID episode, MovementKind kind, Instant occurredAt,
                       Instant recordedAt, String toState, String facility, UUID fromLocation, UUID toLocation,
                       String destination, String detail, String authority, String reason, String actor,
                       UUID decision, UUID corrects, Map<String, Object> particulars, MovementKind correctedKind,
                       UUID supersededBy) {

    /** A correction that says the movement it corrects never happened (it restates nothing). */
    @JsonProperty("enteredInError")
    public boolean enteredInError() {
        return kind == MovementKind.CORRECTED && correctedKind == null;
    }

    /** Whether a later entry corrects this one, so that it no longer stands. */
    public boolean superseded() {
        return supersededBy != null;
    }

    /** The kind of movement this entry stands for: its own, or the one a correction restates (null: in error). */
    public MovementKind standsFor() {
        return kind == MovementKind.CORRECTED ? correctedKind : kind;
    }
}

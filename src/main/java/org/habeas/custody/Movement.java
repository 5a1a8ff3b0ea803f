package org.habeas.custody;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.habeas.people.PersonId;

/** One entry of the append-only ledger (REQ-06, REQ-35). {@code toState} is a whereabouts kind or how custody ended. */
public record Movement(UUID id, long seq, PersonId person, UUID episode, MovementKind kind, Instant occurredAt,
                       Instant recordedAt, String toState, String facility, UUID fromLocation, UUID toLocation,
                       String destination, String detail, String authority, String reason, String actor,
                       UUID decision, UUID corrects, Map<String, Object> particulars) {
}

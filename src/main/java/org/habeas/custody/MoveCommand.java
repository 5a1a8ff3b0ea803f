package org.habeas.custody;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.habeas.estate.LocationId;
import org.habeas.people.PersonId;

/**
 * One movement of one person. Which fields are required depends on the kind (CustodyService checks them and names
 * the missing ones): a cell to place or move into; a destination facility and escort for a transfer; a place and
 * purpose for a temporary absence; a country and receiving authority for a removal or handover; the identity
 * check for a release (REQ-39); circumstances, cause, remains and the authority notified for a death (REQ-13).
 *
 * @param expectedVersion when set, the whereabouts version the officer saw; a different one is refused
 * @param overrides       approved two-person overrides this movement uses (REQ-53)
 * @param particulars     the kind's own facts (identity check, cause of death, ...), kept with the ledger entry;
 *                        a temporary absence with {@code purpose} {@value #HOSPITAL} is a move to hospital, which
 *                        the family must be told of (REQ-31)
 */
public record MoveCommand(PersonId person, MovementKind kind, Instant occurredAt, LocationId toLocation,
                          String destination, String detail, String authority, String agreement, String reason,
                          Long expectedVersion, List<UUID> overrides, Map<String, Object> particulars) {

    /** The {@code particulars.purpose} of a temporary absence that is a move to hospital. */
    public static final String HOSPITAL = "HOSPITAL";

    public MoveCommand {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(kind, "kind");
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        // A JSON null is a value left out, not a fact: dropped, so it can never reach the ledger as one.
        particulars = particulars == null ? Map.of() : particulars.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

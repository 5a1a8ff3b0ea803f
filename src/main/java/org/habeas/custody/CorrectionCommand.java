package org.habeas.custody;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.habeas.estate.LocationId;
import org.habeas.people.PersonId;

/**
 * A correction of one ledger entry of one person (invariant 5; {@link CustodyService#correct}): its right time, its
 * right cell (a placement or cell move), or both; or that the movement never happened ({@code enteredInError}, with
 * neither). The reason is always required: it is what the journal and the ledger keep of why the record changed.
 *
 * @param movement        the entry to correct: the person's latest one that stands
 * @param occurredAt      the right time of the movement; null: its time was right
 * @param toLocation      the right cell of a placement or cell move; null: its cell was right
 * @param expectedVersion when set, the whereabouts version the officer saw; a different one is refused
 * @param overrides       approved two-person overrides the vetting of a corrected cell uses (REQ-53)
 */
public record CorrectionCommand(PersonId person, UUID movement, Instant occurredAt, LocationId toLocation,
                                boolean enteredInError, String reason, Long expectedVersion, List<UUID> overrides) {

    public CorrectionCommand {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(movement, "movement");
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
}

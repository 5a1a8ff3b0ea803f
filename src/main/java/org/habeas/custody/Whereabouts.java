package org.habeas.custody;

import java.time.Instant;
import java.util.UUID;

import org.habeas.estate.LocationId;
import org.habeas.people.PersonId;

/**
 * Where a person in custody is now. {@code location} is set exactly when IN_CELL; {@code destination} is the
 * facility of a transfer, the place of a temporary absence or the country of a handover; {@code detail} the escort,
 * purpose or receiving authority. {@code version} grows with every movement; a command may name it to refuse
 * acting on a stale view.
 */
public record Whereabouts(PersonId person, UUID episode, WhereaboutsKind kind, String facility, LocationId location,
                          String locationPath, String destination, String detail, Instant since, UUID lastMovement,
                          long version) {
}

package org.habeas.custody;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.habeas.estate.LocationId;
import org.habeas.people.PersonId;

/**
 * Where a person in custody is now: exactly one of five states, each with what that state means and nothing else
 * (invariant 1, docs/architecture.md; "unknown" is not one of them). Every state names the facility responsible for
 * the person, the episode, since when, the movement that put them there and a {@code version} that grows with every
 * movement, which a command may name to refuse acting on a stale view.
 *
 * <p>The API publishes it in one flat shape ({@link Json}), unchanged since the first version.
 */
public sealed interface Whereabouts {

    PersonId person();

    UUID episode();

    /** The facility whose roll the person is on, or which sent them (in transit, handed over). */
    String facility();

    Instant since();

    UUID lastMovement();

    long version();

    WhereaboutsKind kind();

    /** In {@code location} of the facility; {@code locationPath} is its path, when it has been looked up. */
    record InCell(PersonId person, UUID episode, String facility, LocationId location, String locationPath,
                  Instant since, UUID lastMovement, long version) implements Whereabouts {

        @Override
        @JsonValue
        public Json json() {
            return new Json(person, episode, kind(), facility, location, locationPath, null, null, since,
                    lastMovement, version);
        }

        @Override
        public WhereaboutsKind kind() {
            return WhereaboutsKind.IN_CELL;
        }

        public InCell withPath(String path) {
            return new InCell(person, episode, facility, location, path, since, lastMovement, version);
        }
    }

    /** In the facility's reception, admitted or returned but not yet placed. */
    record InReception(PersonId person, UUID episode, String facility, Instant since, UUID lastMovement,
                       long version) implements Whereabouts {

        @Override
        @JsonValue
        public Json json() {
            return new Json(person, episode, kind(), facility, null, null, null, null, since,
                    lastMovement, version);
        }

        @Override
        public WhereaboutsKind kind() {
            return WhereaboutsKind.RECEPTION;
        }
    }

    /** On the way from {@code facility} to {@code toFacility}, with {@code escort}; the destination acknowledges. */
    record InTransit(PersonId person, UUID episode, String facility, String toFacility, String escort,
                     Instant since, UUID lastMovement, long version) implements Whereabouts {

        @Override
        @JsonValue
        public Json json() {
            return new Json(person, episode, kind(), facility, null, null, toFacility, escort, since,
                    lastMovement, version);
        }

        @Override
        public WhereaboutsKind kind() {
            return WhereaboutsKind.IN_TRANSIT;
        }
    }

    /** Out at {@code place} (a court, a hospital) for {@code purpose}, expected back; still the facility's. */
    record TemporarilyOut(PersonId person, UUID episode, String facility, String place, String purpose,
                          Instant since, UUID lastMovement, long version) implements Whereabouts {

        @Override
        @JsonValue
        public Json json() {
            return new Json(person, episode, kind(), facility, null, null, place, purpose, since,
                    lastMovement, version);
        }

        @Override
        public WhereaboutsKind kind() {
            return WhereaboutsKind.TEMPORARILY_OUT;
        }
    }

    /** Handed by {@code facility} to {@code authority} of {@code country} (REQ-47). */
    record HandedOver(PersonId person, UUID episode, String facility, String country, String authority,
                      Instant since, UUID lastMovement, long version) implements Whereabouts {

        @Override
        @JsonValue
        public Json json() {
            return new Json(person, episode, kind(), facility, null, null, country, authority, since,
                    lastMovement, version);
        }

        @Override
        public WhereaboutsKind kind() {
            return WhereaboutsKind.HANDED_OVER;
        }
    }

    /**
     * The whereabouts of one stored row: {@code destination} is the facility of a transfer, the place of an absence
     * or the country of a handover, {@code detail} the escort, purpose or receiving authority, as the table keeps them.
     */
    static Whereabouts of(PersonId person, UUID episode, WhereaboutsKind kind, String facility, LocationId location,
                          String locationPath, String destination, String detail, Instant since, UUID lastMovement,
                          long version) {
        return switch (kind) {
            case IN_CELL -> new InCell(person, episode, facility, location, locationPath, since, lastMovement,
                    version);
            case RECEPTION -> new InReception(person, episode, facility, since, lastMovement, version);
            case IN_TRANSIT -> new InTransit(person, episode, facility, destination, detail, since, lastMovement,
                    version);
            case TEMPORARILY_OUT -> new TemporarilyOut(person, episode, facility, destination, detail, since,
                    lastMovement, version);
            case HANDED_OVER -> new HandedOver(person, episode, facility, destination, detail, since, lastMovement,
                    version);
        };
    }

    /** The cell the person is in; null in any other state. */
    default LocationId cell() {
        return this instanceof InCell inCell ? inCell.location() : null;
    }

    /** The published shape of these whereabouts. */
    @JsonValue
    Json json();

    @JsonCreator
    static Whereabouts fromJson(Json json) {
        return of(json.person(), json.episode(), json.kind(), json.facility(), json.location(), json.locationPath(),
                json.destination(), json.detail(), json.since(), json.lastMovement(), json.version());
    }

    /**
     * Whereabouts as the API and the pages show them, one object whatever the state: {@code location} and
     * {@code locationPath} are set exactly when IN_CELL; {@code destination} is the facility of a transfer, the place
     * of a temporary absence or the country of a handover; {@code detail} the escort, purpose or receiving authority.
     */
    record Json(PersonId person, UUID episode, WhereaboutsKind kind, String facility, LocationId location,
                String locationPath, String destination, String detail, Instant since, UUID lastMovement,
                long version) {
    }
}

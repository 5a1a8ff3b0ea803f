package org.habeas.custody;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.habeas.people.PersonId;

/**
 * What custody tells the modules above it once a movement has been recorded: past-tense facts, published inside the
 * recording transaction into the event publication registry (the outbox, docs/decisions/0010), so that a listener
 * that fails or a crash after the commit loses none of them. {@code movement} is the ledger entry, and so the
 * event's identity: a listener that sees one twice acts once.
 */
public sealed interface CustodyEvent {

    UUID movement();

    PersonId person();

    /** The facility the movement was recorded in. */
    String facility();

    Instant at();

    /** Admitted into {@code facility}'s reception; {@code contacts} are those recorded at admission, children left out. */
    record PersonAdmitted(UUID movement, PersonId person, String facility, Instant at, List<Contact> contacts)
            implements CustodyEvent {
        public PersonAdmitted {
            Objects.requireNonNull(movement, "movement");
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    /** Left {@code facility} for {@code toFacility}, in transit (REQ-35); {@code reason} is the one recorded. */
    record PersonTransferred(UUID movement, PersonId person, String facility, Instant at, String toFacility,
                             String reason) implements CustodyEvent {
    }

    /** Set free; custody ended. */
    record PersonReleased(UUID movement, PersonId person, String facility, Instant at) implements CustodyEvent {
    }

    /** Removed to {@code country}; custody ended. */
    record PersonRemoved(UUID movement, PersonId person, String facility, Instant at, String country)
            implements CustodyEvent {
    }

    /** Handed to {@code authority} of {@code country}, still on this register (REQ-47). */
    record PersonHandedOver(UUID movement, PersonId person, String facility, Instant at, String country,
                            String authority) implements CustodyEvent {
    }

    /** Taken out of {@code facility} to hospital, at {@code hospital}, still in its custody (REQ-31). */
    record PersonTakenToHospital(UUID movement, PersonId person, String facility, Instant at, String hospital)
            implements CustodyEvent {
    }

    /** Died in custody. */
    record PersonDied(UUID movement, PersonId person, String facility, Instant at) implements CustodyEvent {
    }

    /**
     * The event a movement of {@code kind} publishes, or null for a movement within custody that tells nobody;
     * {@code toHospital} marks a temporary absence that is a move to hospital.
     */
    static CustodyEvent of(MovementKind kind, UUID movement, PersonId person, String facility, Instant at,
                           String destination, String detail, String reason, boolean toHospital) {
        return switch (kind) {
            case TEMPORARILY_OUT -> toHospital ? new PersonTakenToHospital(movement, person, facility, at, destination)
                    : null;
            case TRANSFERRED_OUT -> new PersonTransferred(movement, person, facility, at, destination, reason);
            case RELEASED -> new PersonReleased(movement, person, facility, at);
            case REMOVED -> new PersonRemoved(movement, person, facility, at, destination);
            case HANDED_OVER -> new PersonHandedOver(movement, person, facility, at, destination, detail);
            case DIED -> new PersonDied(movement, person, facility, at);
            case ADMITTED, PLACED, MOVED, RETURNED, ARRIVED, ESCAPED, CORRECTED -> null;
        };
    }
}

package org.habeas.rights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a verified representative sees of the person they represent (REQ-16): who, where they stand now as the
 * locator tells it, where they have been (the facility of each movement, where each transfer, handover or removal
 * went; never a cell), and the state of every notification duty. While a restriction on a recorded legal ground is in
 * force, only the restriction, its ground and who ordered it.
 */
public record RepresentedPerson(UUID person, String registerNumber, String name, Representation.Kind as,
                                LocatorAnswer now, List<Step> history, List<Duty> notifications,
                                String restrictionGround, String restrictionOrderedBy) {

    /** One movement: when, what, in which facility, and to where for a transfer, an absence, a handover. */
    public record Step(Instant at, String movement, String facility, String to) {
    }

    /** A notification duty: on what occasion, to whom (family, counsel, the person), by when, and how it stands. */
    public record Duty(String occasion, String recipient, Instant dueAt, String status, Instant doneAt,
                       boolean overdue) {
    }
}

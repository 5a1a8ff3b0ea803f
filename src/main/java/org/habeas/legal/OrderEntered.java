package org.habeas.legal;

import java.time.Instant;

/**
 * An order as entered, with what the entry found: when the person's custody had already ended by removal before the
 * order was recorded (an order entered the same second a removal completed), {@code removedAt} and
 * {@code removedTo} say so, and the answer invites a return case (REQ-45) rather than pretending the order stopped
 * anything.
 */
public record OrderEntered(CourtOrder order, Instant removedAt, String removedTo) {

    public boolean personAlreadyRemoved() {
        return removedAt != null;
    }
}

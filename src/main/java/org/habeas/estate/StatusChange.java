package org.habeas.estate;

import java.util.Objects;

/** Takes a location out of use (with why) or back into use; containers take everything under them along. */
public record StatusChange(LocationStatus status, InactiveReason inactiveReason, String reason) {

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }
}

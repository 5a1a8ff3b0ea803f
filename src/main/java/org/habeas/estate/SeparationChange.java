package org.habeas.estate;

import java.util.Objects;

/** Sets whom a location is for (REQ-20); the whole designation is replaced, {@code null} fields setting nothing. */
public record SeparationChange(SeparationPolicy policy, String reason, Long expectedVersion) {

    public SeparationChange {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reason, "reason");
    }
}

package org.habeas.estate;

import java.time.Instant;
import java.util.Objects;

/** Records a temporary capacity above operational capacity for one place, approved by the signed-in director. */
public record NewCapacityOverride(int capacity, String reason, String decisionReference, Instant expiresAt) {

    public NewCapacityOverride {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}

package org.habeas.vetting;

import java.time.Instant;
import java.util.Objects;

/** The command to request an override: which rule to lift for which movement, why, on what basis, until when. */
public record NewOverride(VettingRequest movement, String rule, String reason, String legalBasis, Instant expiresAt) {

    public NewOverride {
        Objects.requireNonNull(movement, "movement");
        Objects.requireNonNull(rule, "rule");
    }
}

package org.habeas.estate;

import java.util.Objects;

/**
 * Sets some of a place's declared capacity figures; {@code null} leaves a figure as it is. With
 * {@code expectedVersion} the change applies only to the version the director looked at (else
 * {@code LOCATION_CHANGED}); without it, the figures not named keep whatever a concurrent edit wrote.
 */
public record CapacityChange(Integer certifiedNormal, Integer operational, Integer maximum, String reason,
                             Long expectedVersion) {

    public CapacityChange {
        Objects.requireNonNull(reason, "reason");
    }
}

package org.habeas.estate;

import java.math.BigDecimal;
import java.util.Objects;

/** Changes a location's name or physical attributes (REQ-24, REQ-25); {@code null} leaves a value as it is. */
public record AttributeChange(String name, BigDecimal floorAreaM2, Boolean sanitaryAnnexPartitioned,
                              BigDecimal ceilingHeightM, BigDecimal minWallDistanceM, Boolean naturalLight,
                              Boolean ventilation, String reason, Long expectedVersion) {

    public AttributeChange {
        Objects.requireNonNull(reason, "reason");
    }
}

package org.habeas.estate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * What a planned facility will hold before its cells are laid out (REQ-47): its declared places and, when known, its
 * total cell floor area. The area-based figures divide that floor by the shared-cell standards (REQ-26: ICRC 3.4 m²,
 * CPT 4 m² per person); they are an upper bound, since a floor split into single cells holds fewer.
 */
public record PlannedCapacity(String facilityCode, int places, BigDecimal floorAreaM2, Instant updatedAt,
                              String updatedBy) {

    public static final BigDecimal ICRC_SHARED_M2 = new BigDecimal("3.4");
    public static final BigDecimal CPT_SHARED_M2 = new BigDecimal("4");

    /** Places the floor area allows under ICRC; {@code null} without a floor area. */
    public Long icrcPlaces() {
        return floorAreaM2 == null ? null : floorAreaM2.divide(ICRC_SHARED_M2, 0, RoundingMode.FLOOR).longValue();
    }

    public Long cptPlaces() {
        return floorAreaM2 == null ? null : floorAreaM2.divide(CPT_SHARED_M2, 0, RoundingMode.FLOOR).longValue();
    }
}

package org.habeas.estate;

import java.math.BigDecimal;

/**
 * The physical attributes of a place (REQ-24, REQ-25). The floor area excludes the sanitary annex; any value may
 * be unknown ({@code null}).
 */
public record CellAttributes(BigDecimal floorAreaM2, Boolean sanitaryAnnexPartitioned, BigDecimal ceilingHeightM,
                             BigDecimal minWallDistanceM, Boolean naturalLight, Boolean ventilation) {

    public static final CellAttributes UNKNOWN = new CellAttributes(null, null, null, null, null, null);
}

package org.habeas.estate;

import java.math.BigDecimal;
import java.util.List;

/**
 * A whole layout as posted (docs/estate-layout.md): a flat list of locations, each naming its parent by relative
 * path. Kinds are plain strings here so that a wrong one is listed with every other error instead of stopping
 * the reading of the document.
 */
public record Layout(String format, List<Entry> locations) {

    public static final String FORMAT = "habeas-layout/1";
    public static final int MAX_LOCATIONS = 20_000;

    /**
     * One location. {@code path} is relative to the facility ({@code M1-C07}); {@code parent} is the parent's
     * relative path and must equal {@code path} without its last segment.
     */
    public record Entry(String path, String parent, String kind, String name, Integer certifiedNormal,
                        Integer operationalCapacity, Integer maximumCapacity, BigDecimal floorAreaM2,
                        Boolean sanitaryAnnexPartitioned, BigDecimal ceilingHeightM, BigDecimal minWallDistanceM,
                        Boolean naturalLight, Boolean ventilation, SeparationPolicy.Sex forSex,
                        SeparationPolicy.AgeGroup forAgeGroup, SeparationPolicy.Detention forDetention) {

        /** Whom the location is designated for (REQ-20); every part may be absent. */
        public SeparationPolicy separation() {
            return new SeparationPolicy(forSex, forAgeGroup, forDetention);
        }
    }

    /** One reason the layout was refused, with where in the document ({@code locations[3].parent}). */
    public record Error(String path, String code, String detail) {
    }

    /** What an import did: locations created, and those already present exactly as described. */
    public record Imported(String facilityCode, ExpansionId expansion, int created, int unchanged, long places) {
    }
}

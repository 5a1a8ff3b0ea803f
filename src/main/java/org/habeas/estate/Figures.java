package org.habeas.estate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Capacity and occupancy of one level (a cell, a module, a facility, the estate), summed over its active cells
 * (REQ-27, REQ-28). Declared figures beside the area-based ones (REQ-26): {@code icrcPlaces} and
 * {@code cptPlaces} sum the cells whose floor area is known, and {@code cellsWithoutArea} says how many are not.
 *
 * @param cells                 active cells counted
 * @param population            everybody held at this level, special places (segregation, medical) included
 * @param aboveCertifiedNormal  people above certified normal accommodation, cell by cell ("crowded", REQ-28)
 * @param inCrowdedCells        people in cells holding more than their certified normal accommodation
 * @param cellsOverIcrc         cells whose declared maximum exceeds what ICRC space standards allow
 */
public record Figures(int cells, long certifiedNormal, long operational, long maximum, long population,
                      long aboveCertifiedNormal, long inCrowdedCells, BigDecimal floorAreaM2, long icrcPlaces,
                      long cptPlaces, int cellsWithoutArea, int cellsOverIcrc, int cellsOverCpt,
                      BigDecimal occupiedFloorAreaM2, long populationInMeasuredCells) {

    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0,
            BigDecimal.ZERO, 0);

    /** Population × 100 / operational capacity (REQ-28, the official capacity); {@code null} without capacity. */
    public BigDecimal occupancyRate() {
        return rate(population, operational);
    }

    /** Population × 100 / certified normal accommodation ("% pop to in-use CNA", REQ-27). */
    public BigDecimal rateToCertifiedNormal() {
        return rate(population, certifiedNormal);
    }

    /** Population × 100 / the ICRC area-based capacity: above 100 the floor area does not meet the standard. */
    public BigDecimal rateToIcrc() {
        return rate(population, icrcPlaces);
    }

    /** Population × 100 / maximum capacity (the declared ceiling of the place). */
    public BigDecimal rateToMaximum() {
        return rate(population, maximum);
    }

    /** Population × 100 / the CPT area-based capacity. */
    public BigDecimal rateToCpt() {
        return rate(population, cptPlaces);
    }

    /** The figures of several levels together (an estate of facilities): every count added. */
    public static Figures total(Collection<Figures> parts) {
        Figures t = NONE;
        for (Figures f : parts) {
            t = new Figures(t.cells + f.cells, t.certifiedNormal + f.certifiedNormal, t.operational + f.operational,
                    t.maximum + f.maximum, t.population + f.population, t.aboveCertifiedNormal + f.aboveCertifiedNormal,
                    t.inCrowdedCells + f.inCrowdedCells, t.floorAreaM2.add(f.floorAreaM2), t.icrcPlaces + f.icrcPlaces,
                    t.cptPlaces + f.cptPlaces, t.cellsWithoutArea + f.cellsWithoutArea, t.cellsOverIcrc + f.cellsOverIcrc,
                    t.cellsOverCpt + f.cellsOverCpt, t.occupiedFloorAreaM2.add(f.occupiedFloorAreaM2),
                    t.populationInMeasuredCells + f.populationInMeasuredCells);
        }
        return t;
    }

    /** Square metres of floor per person held in cells whose area is known; {@code null} when nobody is. */
    public BigDecimal squareMetresPerPerson() {
        return populationInMeasuredCells == 0 ? null
                : occupiedFloorAreaM2.divide(BigDecimal.valueOf(populationInMeasuredCells), 2, RoundingMode.HALF_UP);
    }

    /** The declared maximum exceeds what the floor area allows under ICRC (REQ-26 flag). */
    public boolean declaredExceedsIcrc() {
        return cellsOverIcrc > 0;
    }

    public boolean declaredExceedsCpt() {
        return cellsOverCpt > 0;
    }

    /** A level whose operational capacity is above its certified normal accommodation is "crowded" (REQ-27). */
    public boolean crowded() {
        return operational > certifiedNormal || aboveCertifiedNormal > 0;
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}

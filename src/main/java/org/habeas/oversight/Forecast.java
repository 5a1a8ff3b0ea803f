package org.habeas.oversight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The capacity forecast (the "five more places" question, REQ-28): the population projected at the end of each of
 * the next {@link CapacityForecast#MONTHS} months against the declared and the area-based capacity then in use, the
 * month each limit is first exceeded, and the places that would be needed at the worst month.
 *
 * @param population   on the rolls today, where the projection starts
 * @param arrived      admissions and transfers in over the window (the trend)
 * @param left         departures of every kind over the window
 * @param netPerDay    (arrived - left) / window days, rounded for reading; the projection uses the exact fraction
 * @param unscheduled  planned facilities without a planned opening date, which the forecast cannot count
 * @param withoutArea  planned facilities counted with declared places but no floor area, so no area-based places
 */
public record Forecast(LocalDate today, String facility, int windowDays, LocalDate windowFrom, LocalDate windowTo,
                       long population, long arrived, long left, BigDecimal netPerDay, List<Intake> intakes,
                       List<Month> months, Crossings crossed, Needed needed, List<String> unscheduled,
                       List<String> withoutArea) {

    /** People expected in a month beyond the trend, as a director enters them (an agreement's transfers, say). */
    public record Intake(YearMonth month, int people) {
    }

    /** One month's end: the projected population and the capacity in use by then. */
    public record Month(YearMonth month, LocalDate end, long projected, long certifiedNormal, long operational,
                        long maximum, long icrcPlaces, long cptPlaces) {
    }

    /** The first month whose projected population exceeds each limit; null when it never does within the horizon. */
    public record Crossings(YearMonth certifiedNormal, YearMonth operational, YearMonth maximum, YearMonth icrc,
                           YearMonth cpt) {
    }

    /**
     * Places needed at the worst month of the horizon beyond each capacity (0 when the capacity suffices), and the
     * floor area the ICRC shortfall means at the shared-cell standard of 3.4 m² per person.
     */
    public record Needed(long declared, long maximum, long icrc, long cpt, BigDecimal icrcFloorAreaM2) {
    }
}

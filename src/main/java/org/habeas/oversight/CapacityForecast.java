package org.habeas.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.custody.PopulationHistory;
import org.habeas.estate.EstateService;
import org.habeas.estate.Facility;
import org.habeas.estate.FacilityFigures;
import org.habeas.estate.FacilityStatus;
import org.habeas.estate.Figures;
import org.habeas.estate.PlannedCapacity;
import org.habeas.estate.TimelinePoint;
import org.springframework.stereotype.Service;

/**
 * The capacity forecast for one facility or the estate the reader may see. The method, stated on the page too:
 * <ol>
 *   <li>Trend: arrivals (admissions, transfers in) less departures (every kind) over the {@code window} whole days
 *       before today, divided by the window: the net change per day.</li>
 *   <li>Projection at the end of month m: the population on the rolls today + the net change per day × the days from
 *       today to that month's end (rounded half up, never below 0) + every planned intake of month m or earlier.</li>
 *   <li>Capacity at the end of month m: each open facility's cells, with every expansion project whose planned date
 *       has come (its planned layout); each planned facility from its planned opening date, by its layout or, before
 *       it has cells, by its planned places and floor area (3.4 m² a place under ICRC, 4 m² under CPT).</li>
 *   <li>A limit is crossed in the first month whose projection exceeds it; the places needed are the largest
 *       excess over the horizon.</li>
 * </ol>
 * Refused with FORECAST_INPUT_INVALID for a window outside 7 to 730 days, or an intake outside the horizon.
 */
@Service
public class CapacityForecast {

    public static final int MONTHS = 24;
    public static final int DEFAULT_WINDOW_DAYS = 90;
    public static final int SHORTEST_WINDOW_DAYS = 7;
    public static final int LONGEST_WINDOW_DAYS = 730;
    public static final int MOST_INTAKES = 48;

    private final EstateService estate;
    private final PopulationHistory history;
    private final Clock clock;

    CapacityForecast(EstateService estate, PopulationHistory history, Clock clock) {
        this.estate = estate;
        this.history = history;
        this.clock = clock;
    }

    /** A facility's capacity over time: steps at the dates its capacity changes (none: it holds nobody yet). */
    private record Steps(List<LocalDate> dates, List<Figures> figures) {

        Figures at(LocalDate date) {
            Figures found = Figures.NONE;
            for (int i = 0; i < dates.size() && !dates.get(i).isAfter(date); i++) {
                found = figures.get(i);
            }
            return found;
        }
    }

    public Forecast forecast(String facility, Integer window, List<Forecast.Intake> intakes) {
        int days = window == null ? DEFAULT_WINDOW_DAYS : window;
        if (days < SHORTEST_WINDOW_DAYS || days > LONGEST_WINDOW_DAYS) {
            throw new InvalidRequest(ErrorCode.FORECAST_INPUT_INVALID, "window must be between "
                    + SHORTEST_WINDOW_DAYS + " and " + LONGEST_WINDOW_DAYS + " days", "window");
        }
        List<FacilityFigures> facilities = facility != null ? List.of(estate.facility(facility)) : estate.facilities();
        // The earliest local day among the facilities: the window then holds whole days in every one of them.
        LocalDate today = facilities.stream().map(f -> f.facility().today(clock.instant())).min(LocalDate::compareTo)
                .orElse(LocalDate.now(clock));
        YearMonth first = YearMonth.from(today);
        YearMonth last = first.plusMonths(MONTHS - 1);
        if (intakes.size() > MOST_INTAKES) {
            throw new InvalidRequest(ErrorCode.FORECAST_INPUT_INVALID, "at most " + MOST_INTAKES + " intakes",
                    "intake");
        }
        for (Forecast.Intake intake : intakes) {
            if (intake.month().isBefore(first) || intake.month().isAfter(last)) {
                throw new InvalidRequest(ErrorCode.FORECAST_INPUT_INVALID, "the intake of " + intake.month()
                        + " is outside the forecast's months, " + first + " to " + last, "intake");
            }
        }

        Map<String, PlannedCapacity> plannedCapacities = estate.plannedCapacities();
        List<String> open = new ArrayList<>();
        List<Steps> steps = new ArrayList<>();
        List<String> unscheduled = new ArrayList<>();
        List<String> withoutArea = new ArrayList<>();
        for (FacilityFigures f : facilities) {
            Facility fa = f.facility();
            if (fa.status() == FacilityStatus.OPEN) {
                open.add(fa.code());
                steps.add(steps(estate.timeline(fa.code()), null));
            } else if (fa.status() == FacilityStatus.PLANNED) {
                if (fa.openedOn() == null) {
                    unscheduled.add(fa.code());
                } else if (f.figures().cells() > 0) {
                    steps.add(steps(estate.timeline(fa.code()), fa.openedOn()));
                } else {
                    PlannedCapacity planned = plannedCapacities.get(fa.code());
                    if (planned == null) {
                        unscheduled.add(fa.code());
                        continue;
                    }
                    if (planned.floorAreaM2() == null) {
                        withoutArea.add(fa.code());
                    }
                    long icrc = planned.icrcPlaces() == null ? 0 : planned.icrcPlaces();
                    long cpt = planned.cptPlaces() == null ? 0 : planned.cptPlaces();
                    Figures figures = new Figures(0, planned.places(), planned.places(), planned.places(), 0, 0, 0,
                            planned.floorAreaM2() == null ? BigDecimal.ZERO : planned.floorAreaM2(), icrc, cpt, 0, 0,
                            0, BigDecimal.ZERO, 0);
                    steps.add(new Steps(List.of(fa.openedOn()), List.of(figures)));
                }
            }
        }

        LocalDate windowFrom = today.minusDays(days);
        LocalDate windowTo = today.minusDays(1);
        long[] flows = history.arrivedAndLeft(open, windowFrom, windowTo);
        long population = history.onTheRollNow(open);
        long net = flows[0] - flows[1];

        List<Forecast.Month> months = new ArrayList<>();
        long intaken = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth();
            for (Forecast.Intake intake : intakes) {
                if (intake.month().equals(m)) {
                    intaken += intake.people();
                }
            }
            long trend = BigDecimal.valueOf(net * ChronoUnit.DAYS.between(today, end))
                    .divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_UP).longValue();
            long projected = Math.max(0, population + trend) + intaken;
            Figures capacity = Figures.total(steps.stream().map(s -> s.at(end)).toList());
            months.add(new Forecast.Month(m, end, projected, capacity.certifiedNormal(), capacity.operational(),
                    capacity.maximum(), capacity.icrcPlaces(), capacity.cptPlaces()));
        }
        Forecast.Crossings crossed = new Forecast.Crossings(
                crossing(months, Forecast.Month::certifiedNormal), crossing(months, Forecast.Month::operational),
                crossing(months, Forecast.Month::maximum), crossing(months, Forecast.Month::icrcPlaces),
                crossing(months, Forecast.Month::cptPlaces));
        long icrcNeeded = needed(months, Forecast.Month::icrcPlaces);
        Forecast.Needed needed = new Forecast.Needed(needed(months, Forecast.Month::operational),
                needed(months, Forecast.Month::maximum), icrcNeeded, needed(months, Forecast.Month::cptPlaces),
                PlannedCapacity.ICRC_SHARED_M2.multiply(BigDecimal.valueOf(icrcNeeded)));
        BigDecimal perDay = BigDecimal.valueOf(net).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
        return new Forecast(today, facility, days, windowFrom, windowTo, population, flows[0], flows[1], perDay,
                List.copyOf(intakes), months, crossed, needed, unscheduled, withoutArea);
    }

    // Capacity steps from the estate's timeline (today, then each expansion not yet open at its planned date); a
    // planned facility counts from its opening date.
    private static Steps steps(List<TimelinePoint> timeline, LocalDate opensOn) {
        List<LocalDate> dates = new ArrayList<>();
        List<Figures> figures = new ArrayList<>();
        for (TimelinePoint p : timeline) {
            dates.add(opensOn != null && p.date().isBefore(opensOn) ? opensOn : p.date());
            figures.add(p.figures());
        }
        return new Steps(dates, figures);
    }

    private static YearMonth crossing(List<Forecast.Month> months,
                                      ToLongFunction<Forecast.Month> limit) {
        return months.stream().filter(m -> m.projected() > limit.applyAsLong(m)).map(Forecast.Month::month)
                .findFirst().orElse(null);
    }

    private static long needed(List<Forecast.Month> months, ToLongFunction<Forecast.Month> limit) {
        return months.stream().mapToLong(m -> Math.max(0, m.projected() - limit.applyAsLong(m))).max().orElse(0);
    }
}

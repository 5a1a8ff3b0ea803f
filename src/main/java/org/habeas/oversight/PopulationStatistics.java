package org.habeas.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.habeas.audit.Journal;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.custody.DailyPopulation;
import org.habeas.custody.PopulationCategory;
import org.habeas.custody.PopulationHistory;
import org.habeas.estate.EstateService;
import org.habeas.estate.Facility;
import org.springframework.stereotype.Service;

/**
 * Population statistics over time for oversight bodies (REQ-19): per day, for one facility or the estate the reader
 * may see, in total or by legal status, sex, nationality or age group, from the movement ledger. Counts only: no
 * person is named; every report is journaled (REQ-03). Refused with STATISTICS_RANGE_INVALID (a range that ends before it starts, ends after today, or
 * spans more than {@link #LONGEST_RANGE_DAYS} days) and STATISTICS_CATEGORY_UNKNOWN.
 */
@Service
public class PopulationStatistics {

    /** Two years and a day: enough for any year-on-year comparison, bounded so one request stays cheap. */
    public static final int LONGEST_RANGE_DAYS = 731;
    /** The range when none is given: the last thirty days. */
    public static final int DEFAULT_RANGE_DAYS = 30;

    /** The figures asked for: which facility (null: the estate), the range, the category, and one row per day. */
    public record Report(String facility, LocalDate from, LocalDate to, String by, List<DailyPopulation> rows) {
    }

    private final PopulationHistory history;
    private final EstateService estate;
    private final Journal journal;
    private final Clock clock;

    PopulationStatistics(PopulationHistory history, EstateService estate, Journal journal, Clock clock) {
        this.history = history;
        this.estate = estate;
        this.journal = journal;
        this.clock = clock;
    }

    public Report population(String facility, LocalDate from, LocalDate to, String by) {
        List<Facility> facilities = facility != null ? List.of(estate.facilityOnly(facility))
                : estate.facilities().stream().map(f -> f.facility()).toList();
        PopulationCategory category = by == null || by.isBlank() ? null : PopulationCategory.ofParameter(by)
                .orElseThrow(() -> new InvalidRequest(ErrorCode.STATISTICS_CATEGORY_UNKNOWN, "Unknown category '"
                        + by + "': use legalStatus, sex, nationality or ageGroup", "by"));
        // The latest today among the facilities: a day that has begun somewhere in the estate may be asked for.
        LocalDate today = facilities.stream().map(f -> f.today(clock.instant())).max(LocalDate::compareTo)
                .orElse(LocalDate.now(clock));
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_RANGE_DAYS - 1);
        if (first.isAfter(last)) {
            throw new InvalidRequest(ErrorCode.STATISTICS_RANGE_INVALID,
                    "from (" + first + ") is after to (" + last + ")", "from");
        }
        if (last.isAfter(today)) {
            throw new InvalidRequest(ErrorCode.STATISTICS_RANGE_INVALID,
                    "to (" + last + ") is after today (" + today + "): statistics are of days that have begun", "to");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > LONGEST_RANGE_DAYS) {
            throw new InvalidRequest(ErrorCode.STATISTICS_RANGE_INVALID,
                    "The range spans " + (ChronoUnit.DAYS.between(first, last) + 1) + " days; at most "
                            + LONGEST_RANGE_DAYS + " may be asked for at once", "from");
        }
        List<DailyPopulation> rows = history.daily(facilities.stream().map(Facility::code).toList(), first, last,
                category);
        // REQ-03: every export to an oversight body is logged, with what was asked for (counts only, no person).
        journal.recordRead("population-statistics", (facility == null ? "estate" : facility) + " " + first + ".."
                + last + (category == null ? "" : " by " + category.parameter()), facility);
        return new Report(facility, first, last, category == null ? PopulationCategory.ALL : category.parameter(),
                rows);
    }
}

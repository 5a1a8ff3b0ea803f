package org.habeas.oversight.internal;

import org.habeas.custody.DailyPopulation;
import org.habeas.oversight.PopulationStatistics;

/** Population statistics as CSV for oversight bodies: a header row, then one row per day and category. */
final class StatisticsCsv {

    static final String HEADER = "day,category,population,admissions,transfers_in,transfers_out,releases,removals,"
            + "handovers,deaths,escapes";

    private StatisticsCsv() {
    }

    // Categories are codes (statuses, sexes, ISO countries, age bands): no field needs quoting.
    static String of(PopulationStatistics.Report report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (DailyPopulation d : report.rows()) {
            csv.append(d.day()).append(',').append(d.category()).append(',').append(d.population()).append(',')
                    .append(d.admissions()).append(',').append(d.transfersIn()).append(',')
                    .append(d.transfersOut()).append(',').append(d.releases()).append(',').append(d.removals())
                    .append(',').append(d.handovers()).append(',').append(d.deaths()).append(',')
                    .append(d.escapes()).append("\r\n");
        }
        return csv.toString();
    }
}

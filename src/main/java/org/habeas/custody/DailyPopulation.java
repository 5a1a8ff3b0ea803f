package org.habeas.custody;

import java.time.LocalDate;

/**
 * One day of one category: the population on the roll at the end of the day (people in cells, in reception and
 * temporarily out; not people in transit) and the movements of the day that change it, each counted by the kind it
 * stands for after corrections. Days are the facility's own; an estate's figures add its facilities' days.
 */
public record DailyPopulation(LocalDate day, String category, long population, long admissions, long transfersIn,
                              long transfersOut, long releases, long removals, long handovers, long deaths,
                              long escapes) {

    /** Everyone who came: admissions and transfers in. */
    public long arrivals() {
        return admissions + transfersIn;
    }

    /** Everyone who left the facility's custody, whichever way. */
    public long departures() {
        return transfersOut + releases + removals + handovers + deaths + escapes;
    }
}

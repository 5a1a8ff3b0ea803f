package org.habeas.custody.internal;

import org.habeas.custody.ComingOfAge;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reclassifies people who turned 18 while held. Hourly, so a birthday is taken into account within the hour in
 * every time zone and a missed run is caught up; a run with nobody to reclassify reads one small index.
 */
@Component
class ComingOfAgeSchedule {

    private final ComingOfAge comingOfAge;

    ComingOfAgeSchedule(ComingOfAge comingOfAge) {
        this.comingOfAge = comingOfAge;
    }

    @Scheduled(cron = "${habeas.custody.coming-of-age-cron:0 40 * * * *}", zone = "UTC")
    void reclassify() {
        comingOfAge.reclassify();
    }
}

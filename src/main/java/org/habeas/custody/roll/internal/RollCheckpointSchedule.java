package org.habeas.custody.roll.internal;

import org.habeas.custody.roll.RollCall;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a roll checkpoint at the start of every UTC day, so the roll at a past instant reads one checkpoint and at
 * most a day of movements. Hourly, so a missed run (the server was down at midnight) is caught up soon after; a run
 * with nothing to do costs one query.
 */
@Component
class RollCheckpointSchedule {

    private final RollCall rollCall;

    RollCheckpointSchedule(RollCall rollCall) {
        this.rollCall = rollCall;
    }

    @Scheduled(cron = "${habeas.custody.roll-checkpoint-cron:0 15 * * * *}", zone = "UTC")
    void checkpointDays() {
        rollCall.checkpointDays();
    }
}

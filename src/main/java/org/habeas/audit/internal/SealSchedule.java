package org.habeas.audit.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the sealer just behind the writers, so every committed entry is sealed and signed within seconds. */
@Component
class SealSchedule {

    private final Sealer sealer;

    SealSchedule(Sealer sealer) {
        this.sealer = sealer;
    }

    @Scheduled(fixedDelayString = "${habeas.journal.seal-interval-ms:1000}")
    void seal() {
        sealer.sealNow();
    }
}

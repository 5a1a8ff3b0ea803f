package org.habeas.rights.internal;

import java.time.Duration;

import org.habeas.rights.EventOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries what the outbox still holds: every {@code habeas.events.retry-interval}, each publication incomplete for
 * longer than {@code habeas.events.retry-after} is resubmitted (a listener that failed, or a restart that cut one
 * short). Administrators see and resubmit them by hand too ({@code /api/admin/events}).
 */
@Component
class OutboxRetrySchedule {

    private final EventOutbox outbox;
    private final Duration retryAfter;

    OutboxRetrySchedule(EventOutbox outbox, @Value("${habeas.events.retry-after:PT10M}") Duration retryAfter) {
        this.outbox = outbox;
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${habeas.events.retry-interval:PT5M}",
            initialDelayString = "${habeas.events.retry-interval:PT5M}")
    void retry() {
        outbox.resubmitOlderThan(retryAfter);
    }
}

package org.habeas.audit.internal;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.habeas.audit.Verification;
import org.springframework.stereotype.Component;

/**
 * The journal's health for Prometheus: how far the sealer is behind the writers, and what the last verification
 * found. The gauges read the database when scraped (two small indexed queries), so they say what is stored, not
 * what this instance last saw: several instances agree.
 */
@Component
public class JournalMetrics {

    private final MeterRegistry registry;

    JournalMetrics(MeterRegistry registry, JournalRepository repository, Clock clock) {
        this.registry = registry;
        Gauge.builder("habeas.journal.sealing.lag", repository, r -> r.oldestUnsealed()
                        .map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis()) / 1000.0).orElse(0.0))
                .baseUnit("seconds")
                .description("Age of the oldest committed journal entry not yet sealed into the chain; 0 when all are")
                .register(registry);
        Gauge.builder("habeas.journal.unsealed", repository, r -> r.countUnsealed())
                .description("Committed journal entries waiting for the sealer").register(registry);
        Gauge.builder("habeas.journal.verification.ok", repository, r -> r.lastVerification()
                        .map(v -> v.ok() ? 1.0 : 0.0).orElse(Double.NaN))
                .description("1 when the last journal verification found the chain intact, 0 when broken, "
                        + "NaN before the first")
                .register(registry);
    }

    /** Counts a verification run by its result. */
    public void verified(Verification result) {
        Counter.builder("habeas.journal.verifications").tag("status", result.status().name())
                .description("Journal verification runs by result").register(registry).increment();
    }
}

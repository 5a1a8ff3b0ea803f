package org.habeas.custody.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.habeas.common.AfterCommit;
import org.springframework.stereotype.Component;

/** Counts entries appended to the movement ledger, by kind, once their transaction commits. */
@Component
public class LedgerMetrics {

    /** The kind under which corrections are counted: a correction restates a kind, it is not one. */
    public static final String CORRECTION = "CORRECTION";

    private final MeterRegistry registry;

    LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void recorded(String kind, int entries) {
        AfterCommit.run(() -> Counter.builder("habeas.movements").tag("kind", kind)
                .description("Movement ledger entries committed, by kind (ADMITTED, MOVED_TO_CELL, ..., CORRECTION)")
                .register(registry).increment(entries));
    }
}

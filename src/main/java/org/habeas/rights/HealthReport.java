package org.habeas.rights;

import java.time.Instant;
import java.util.Objects;

import org.habeas.people.PersonId;

/** An officer's report that the person is seriously ill, injured or moved to hospital (REQ-31); {@code at} defaults to now. */
public record HealthReport(PersonId person, Occasion occasion, Instant at) {

    public HealthReport {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(occasion, "occasion");
    }
}

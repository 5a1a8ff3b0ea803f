package org.habeas.legal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The command to add a step, a contact with the receiving state or a status report to the court to a case. */
public record ReturnCaseStep(UUID id, ReturnCase.Step.Kind kind, Instant happenedAt, String summary) {

    public ReturnCaseStep {
        Objects.requireNonNull(id, "id");
    }
}

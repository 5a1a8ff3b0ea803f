package org.habeas.legal;

import java.util.Objects;
import java.util.UUID;

/**
 * The command to close a return case: {@code status} RETURNED (the person's return) or CLOSED_BY_COURT (a court's
 * decision, whose {@code reference} is then required), with a summary of what closed it.
 */
public record ReturnCaseClosure(UUID id, ReturnCase.Status status, String reference, String summary) {

    public ReturnCaseClosure {
        Objects.requireNonNull(id, "id");
    }
}

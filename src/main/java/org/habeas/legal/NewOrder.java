package org.habeas.legal;

import java.time.LocalDate;
import java.util.Objects;

import org.habeas.people.PersonId;

/** The command to enter a court order or protection decision; {@code country} is an ISO 3166-1 alpha-2 code. */
public record NewOrder(PersonId person, OrderType type, String issuedBy, String caseNumber, LocalDate decidedOn,
                       RecordStatus status, String country, LocalDate effectiveFrom, LocalDate expiresOn,
                       String documentReference, String text) {

    public NewOrder {
        Objects.requireNonNull(person, "person");
    }
}

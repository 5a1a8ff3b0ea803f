package org.habeas.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.habeas.common.CountryCode;

/**
 * A court order or protection decision for one person (REQ-41, REQ-43). Its facts never change; its status does,
 * with each change kept in {@link #history}. {@code flags} are the data-quality guard's findings at entry (REQ-42):
 * an order with flags waits for legal review until {@code qualityReviewedAt}, and binds all the same.
 *
 * @param country the protected-against country of a protection decision, or the country a final order names
 */
public record CourtOrder(UUID id, UUID person, OrderType type, String issuedBy, String caseNumber,
                         LocalDate decidedOn, RecordStatus status, CountryCode country, LocalDate effectiveFrom,
                         LocalDate expiresOn, String documentReference, String text, List<QualityFlag> flags,
                         List<String> countriesInText, Instant qualityReviewedAt, String qualityReviewedBy,
                         Instant recordedAt, String recordedBy, List<StatusChange> history) {

    public CourtOrder {
        flags = List.copyOf(flags);
        countriesInText = List.copyOf(countriesInText);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Whether it binds on {@code day}: in force, effective, and not expired. */
    public boolean bindsOn(LocalDate day) {
        return status.inForce() && !effectiveFrom.isAfter(day) && (expiresOn == null || !expiresOn.isBefore(day));
    }

    public boolean awaitsReview() {
        return !flags.isEmpty() && qualityReviewedAt == null;
    }
}

package org.habeas.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The person's own record, as given to them (REQ-15, Mandela Rule 9): identity, every custody episode on its legal
 * authority, every movement with the cell, the court orders and holds, the notification duties; with the redactions
 * applied and the ground of each listed. Produced on request, the same as JSON and as PDF.
 */
public record PersonRecord(Instant producedAt, String producedBy, Identity identity, List<Episode> custody,
                           List<Movement> movements, List<Order> orders, List<Hold> holds,
                           List<Notification> notifications, List<Redaction> redactions) {

    public record Identity(String registerNumber, String fullName, List<String> aliases, String birth,
                           String birthPlace, String recordedSex, List<String> nationalities, List<String> documents,
                           List<String> languages) {
    }

    public record Episode(String facility, String legalStatus, String authorityType, String issuingAuthority,
                          LocalDate authorityIssuedOn, String authorityReference, String grounds, Instant admittedAt,
                          Instant endedAt, String ended) {
    }

    /** A ledger entry that stands; {@code cell} is the cell's path when it went into one. */
    public record Movement(Instant occurredAt, String kind, String facility, String cell, String destination,
                           String detail, String authority, String reason) {
    }

    public record Order(String type, String issuedBy, String caseNumber, LocalDate decidedOn, String status,
                        String country, LocalDate effectiveFrom, LocalDate expiresOn, String documentReference) {
    }

    public record Hold(String source, String issuedBy, String caseNumber, Instant receivedAt, String summary,
                       String status) {
    }

    public record Notification(String occasion, String recipient, String contactName, Instant occurredAt,
                               Instant dueAt, String status, Instant doneAt, List<Attempt> attempts) {
    }

    /** An attempt to notify; who made it is redacted (staff safety), when, how and whether it reached them is not. */
    public record Attempt(Instant at, String method, boolean delivered) {
    }

    /** What was left out or blanked, and the legal ground for it; {@code code} names it in every language. */
    public record Redaction(String code, String what, String ground) {
    }
}

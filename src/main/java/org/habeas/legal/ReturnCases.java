package org.habeas.legal;

import static org.habeas.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.Conflict;
import org.habeas.common.CountryCode;
import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;
import org.habeas.legal.internal.ReturnCaseRepository;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return-facilitation cases (REQ-45): when a removal proves unlawful, or a court orders the authority to facilitate
 * a return, a case records the order, every step taken, contacts with the receiving state and status reports to the
 * court, and closes only on the person's return or a court's decision. Every change is journaled in its
 * transaction; nothing is deleted. A case belongs to the facility the person was removed from, and facility scope
 * applies to it: a case out of the reader's scope answers RETURN_CASE_NOT_FOUND, as one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class ReturnCases {

    /** The longest list a page or the API answers at once. */
    public static final int LIST_LIMIT = 500;

    private final ReturnCaseRepository repository;
    private final PeopleService people;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;

    ReturnCases(ReturnCaseRepository repository, PeopleService people, FacilityScope scope, Journal journal,
                Clock clock) {
        this.repository = repository;
        this.people = people;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Opens a case for a person, for return to them from {@code country}. Refused with PERSON_NOT_FOUND (also for a
     * person out of scope), UNKNOWN_COUNTRY_CODE, and VALIDATION_FAILED naming {@code orderId} for an order that is
     * not this person's, or {@code grounds} when they are missing.
     */
    @Transactional
    public ReturnCase open(NewReturnCase command) {
        people.requireVisible(command.person());
        UUID person = command.person().value();
        CountryCode country = CountryCode.of(command.country(), "country");
        String grounds = required(command.grounds(), "grounds", "The grounds for the return are required");
        if (command.order() != null) {
            // Another person's order is answered as no order at all, so a case never reveals whose orders exist.
            if (!repository.orderPerson(command.order()).map(person::equals).orElse(false)) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "No such order of this person", "orderId");
            }
        }
        Instant now = clock.instant();
        String facility = repository.facilityOfRemoval(person).orElse(null);
        var opened = new ReturnCase(UUID.randomUUID(), person, command.order(), country, grounds,
                ReturnCase.Status.OPEN, now, scope.actorName(), null, null, null, null, facility, List.of(), List.of());
        repository.insertCase(opened);
        repository.insertStatusChange(opened.id(), new StatusChange(now, opened.openedBy(), null,
                ReturnCase.Status.OPEN.name(), "opened: " + abbreviated(grounds)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("returnCase", opened.id().toString());
        details.put("country", country.value());
        details.put("order", command.order() == null ? null : command.order().toString());
        journal.append(JournalEntry.of("LEGAL_RETURN_CASE_OPENED", "person", person.toString())
                .withFacility(facility).withDetails(details));
        return repository.returnCase(opened.id()).orElseThrow();
    }

    /**
     * Adds a step, a contact with the receiving state or a status report to the court. Refused with
     * RETURN_CASE_NOT_FOUND, RETURN_CASE_CLOSED once the case is closed, and VALIDATION_FAILED naming {@code kind},
     * {@code happenedAt} (missing or in the future) or {@code summary}.
     */
    @Transactional
    public ReturnCase addStep(ReturnCaseStep command) {
        ReturnCase seen = returnCase(command.id());
        if (command.kind() == null) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The kind of step is required", "kind");
        }
        Instant now = clock.instant();
        if (command.happenedAt() == null || command.happenedAt().isAfter(now.plusSeconds(120))) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "When the step happened is required, and not in the future", "happenedAt");
        }
        String summary = required(command.summary(), "summary", "What was done is required");
        ReturnCase locked = repository.lockCase(seen.id()).orElseThrow();
        if (!locked.open()) {
            throw closed(locked);
        }
        repository.appendStep(locked.id(), command.kind(), command.happenedAt(), summary, now, scope.actorName());
        journal.append(JournalEntry.of("LEGAL_RETURN_CASE_STEP", "person", locked.person().toString())
                .withFacility(locked.facility()).withDetails(Map.of("returnCase", locked.id().toString(),
                        "kind", command.kind().name(), "happenedAt", command.happenedAt().toString())));
        return repository.returnCase(locked.id()).orElseThrow();
    }

    /**
     * Closes a case on the person's return (RETURNED) or on a court's decision (CLOSED_BY_COURT, with the decision's
     * reference). Refused with RETURN_CASE_CLOSURE_INVALID naming {@code status} for any other status or
     * {@code reference} for a court's closure without one, VALIDATION_FAILED naming {@code summary}, and
     * RETURN_CASE_CLOSED when the case is already closed.
     */
    @Transactional
    public ReturnCase close(ReturnCaseClosure command) {
        ReturnCase seen = returnCase(command.id());
        if (command.status() == null || !ReturnCase.Status.OPEN.canBecome(command.status())) {
            throw new InvalidRequest(ErrorCode.RETURN_CASE_CLOSURE_INVALID, "A return case closes only on the"
                    + " person's return (RETURNED) or a court's decision (CLOSED_BY_COURT)", "status");
        }
        String reference = blankToNull(command.reference());
        if (command.status() == ReturnCase.Status.CLOSED_BY_COURT && reference == null) {
            throw new InvalidRequest(ErrorCode.RETURN_CASE_CLOSURE_INVALID,
                    "A case closed by a court cites the court's decision by its reference", "reference");
        }
        String summary = required(command.summary(), "summary", "What closed the case is required");
        ReturnCase locked = repository.lockCase(seen.id()).orElseThrow();
        if (!locked.status().canBecome(command.status())) {
            throw closed(locked);
        }
        Instant now = clock.instant();
        if (!repository.closeOpenCase(locked.id(), command.status(), now, scope.actorName(), reference, summary)) {
            throw closed(locked);
        }
        repository.insertStatusChange(locked.id(), new StatusChange(now, scope.actorName(),
                locked.status().name(), command.status().name(), abbreviated(summary)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("returnCase", locked.id().toString());
        details.put("status", command.status().name());
        details.put("reference", reference);
        journal.append(JournalEntry.of("LEGAL_RETURN_CASE_CLOSED", "person", locked.person().toString())
                .withFacility(locked.facility()).withReason(abbreviated(summary)).withDetails(details));
        return repository.returnCase(locked.id()).orElseThrow();
    }

    /** One case with its steps and history; RETURN_CASE_NOT_FOUND when there is none in the reader's scope. */
    public ReturnCase returnCase(UUID id) {
        return repository.returnCase(id).filter(this::visible).orElseThrow(() -> notFound(id));
    }

    /** The cases of {@code status} (null: all), newest first, within the reader's scope; without their steps. */
    public List<ReturnCase> cases(ReturnCase.Status status) {
        return repository.cases(status, scope.limitedTo().orElse(null), LIST_LIMIT);
    }

    /** How many cases are open within the reader's scope, for the dashboard. */
    public int openCount() {
        return repository.countOpen(scope.limitedTo().orElse(null));
    }

    /** The time zone pages show a case's times in: its facility's, or UTC for a case without one. */
    public ZoneId zone(ReturnCase c) {
        return c.facility() == null ? ZoneOffset.UTC
                : repository.zone(c.facility()).map(ZoneId::of).orElse(ZoneOffset.UTC);
    }

    // A case of a person never held anywhere has no facility: only a reader of every facility sees it, as for orders.
    private boolean visible(ReturnCase c) {
        return c.facility() == null ? scope.limitedTo().isEmpty() : scope.allows(c.facility());
    }

    private static HabeasException notFound(UUID id) {
        return new NotFound(ErrorCode.RETURN_CASE_NOT_FOUND, "No return case " + id);
    }

    private static HabeasException closed(ReturnCase c) {
        return new Conflict(ErrorCode.RETURN_CASE_CLOSED, "The return case is already " + c.status());
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, what, field);
        }
        return value.strip();
    }

    // legal_status_change keeps a reason of at most 2,000 characters; the full text stays on the case.
    private static String abbreviated(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}

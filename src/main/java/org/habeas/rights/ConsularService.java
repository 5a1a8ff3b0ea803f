package org.habeas.rights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.CountryCode;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.custody.CustodyService;
import org.habeas.legal.CourtOrder;
import org.habeas.legal.FearClaim;
import org.habeas.legal.LegalService;
import org.habeas.legal.LegalSummary;
import org.habeas.legal.OrderType;
import org.habeas.people.Nationality;
import org.habeas.people.PeopleService;
import org.habeas.people.Person;
import org.habeas.people.PersonId;
import org.habeas.rights.internal.RightsRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consular notification (REQ-32 to REQ-34, VCCR Art. 36): the person's nationalities and how each was determined,
 * when they were told of the right, whether they asked, the countries whose consulates must be told regardless
 * (dated reference data), and each notification. A notification to a country the person holds protection against
 * (a protection order in force naming it) or has claimed fear of (a claim not withdrawn) is held for human review
 * and its notice names neither the claim nor where the person is. Facility scope applies through the person.
 */
@Service
@Transactional(readOnly = true)
public class ConsularService {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final RightsRepository repository;
    private final PeopleService people;
    private final CustodyService custody;
    private final LegalService legal;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;

    ConsularService(RightsRepository repository, PeopleService people, CustodyService custody, LegalService legal,
                    FacilityScope scope, Journal journal, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.custody = custody;
        this.legal = legal;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    /** The person's consular record; PERSON_NOT_FOUND out of scope. A read of the identity, journaled. */
    @Transactional
    public ConsularRecord record(PersonId person) {
        Person found = people.person(person);
        var facts = repository.consularFacts(person.value())
                .orElse(new RightsRepository.ConsularFacts(null, null, null, null));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<String> mandatory = mandatoryOn(today);
        List<String> mustTell = found.identity().nationalities().stream().map(n -> n.country().value())
                .filter(mandatory::contains).sorted().toList();
        return new ConsularRecord(person.value(), found.identity().nationalities(), facts.rightsToldAt(),
                facts.rightsToldBy(), facts.language(), facts.requested(), mustTell,
                repository.consularNotifications(person.value()), repository.consularCommunications(person.value()));
    }

    /** Records that the person was told of the right to consular notification, when and in which language. */
    @Transactional
    public ConsularRecord recordRightsTold(PersonId person, Instant at, String language) {
        people.requireVisible(person);
        Instant now = clock.instant();
        Instant told = notInTheFuture(at, now, "at");
        repository.recordRightsTold(person.value(), told, scope.actorName(), language, now);
        journal.append(JournalEntry.of("CONSULAR_RIGHTS_TOLD", "person", person.toString())
                .withFacility(custody.facilityHolding(person).orElse(null))
                .withDetails(Map.of("at", told.toString(), "language", language == null ? "" : language)));
        return record(person);
    }

    /** Records whether the person asked for their consulate to be notified. */
    @Transactional
    public ConsularRecord recordRequest(PersonId person, boolean requested) {
        people.requireVisible(person);
        repository.recordRequested(person.value(), requested, clock.instant());
        journal.append(JournalEntry.of("CONSULAR_NOTIFICATION_REQUEST_RECORDED", "person", person.toString())
                .withFacility(custody.facilityHolding(person).orElse(null))
                .withDetails(Map.of("requested", requested)));
        return record(person);
    }

    /**
     * Records a notification to {@code country}'s post: SENT, or HELD_FOR_REVIEW when the person holds or claims
     * protection against that country (REQ-34), in which case nothing is sent and the notice names neither the claim
     * nor the facility. Refused with UNKNOWN_COUNTRY_CODE, VALIDATION_FAILED (a post is required; a time in the
     * future) and PERSON_NOT_FOUND out of scope.
     */
    @Transactional
    public ConsularNotification notify(NewConsularNotification command) {
        CountryCode country = CountryCode.of(command.country(), "country");
        if (command.post() == null || command.post().isBlank()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The consular post is required", "post");
        }
        Person person = people.person(command.person());
        Instant now = clock.instant();
        Instant at = notInTheFuture(command.at(), now, "at");
        String facility = custody.facilityHolding(command.person()).orElse(null);
        boolean protectedAgainst = protectedAgainst(legal.summary(command.person()), country,
                LocalDate.ofInstant(now, ZoneOffset.UTC));
        boolean mandatory = mandatoryOn(LocalDate.ofInstant(now, ZoneOffset.UTC)).contains(country.value())
                && person.identity().nationalities().stream().map(Nationality::country).anyMatch(country::equals);

        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("name", person.displayName());
        notice.put("registerNumber", person.registerNumber());
        notice.put("nationality", country.value());
        notice.put("detained", true);
        if (!protectedAgainst && facility != null) {
            notice.put("facility", facility);
        }
        var status = protectedAgainst ? ConsularNotification.Status.HELD_FOR_REVIEW : ConsularNotification.Status.SENT;
        var notification = new ConsularNotification(UUID.randomUUID(), command.person().value(), country.value(),
                command.post().strip(), command.method(), mandatory, notice, status, now, scope.actorName(),
                protectedAgainst ? null : at, null, null, null);
        repository.insertConsularNotification(notification, facility);
        // The journal says it was held, not why: the reviewers read the legal record for that.
        journal.append(JournalEntry.of(protectedAgainst ? "CONSULAR_NOTIFICATION_HELD" : "CONSULAR_NOTIFIED",
                "person", command.person().toString()).withFacility(facility)
                .withDetails(Map.of("notification", notification.id().toString(), "country", country.value(),
                        "method", command.method().name(), "mandatory", mandatory)));
        return notification;
    }

    /**
     * Records a consular visit, call or letter, or the person's objection to a visit (REQ-33). Refused with
     * UNKNOWN_COUNTRY_CODE, VALIDATION_FAILED (a time in the future) and PERSON_NOT_FOUND out of scope.
     */
    @Transactional
    public ConsularRecord recordCommunication(PersonId person, ConsularCommunication.Kind kind, String country,
                                              String post, Instant at, String note) {
        CountryCode code = CountryCode.of(country, "country");
        people.requireVisible(person);
        Instant now = clock.instant();
        var communication = new ConsularCommunication(UUID.randomUUID(), person.value(), kind, code.value(),
                post == null || post.isBlank() ? null : post.strip(), notInTheFuture(at, now, "at"),
                note == null || note.isBlank() ? null : note.strip(), now, scope.actorName());
        repository.insertConsularCommunication(communication);
        journal.append(JournalEntry.of("CONSULAR_COMMUNICATION_RECORDED", "person", person.toString())
                .withFacility(custody.facilityHolding(person).orElse(null))
                .withDetails(Map.of("communication", communication.id().toString(), "kind", kind.name(),
                        "country", code.value())));
        return record(person);
    }

    /** The notifications held for review that the reviewer may see, oldest first. */
    @Transactional(readOnly = true)
    public List<ConsularNotification> held() {
        return repository.consularNotificationsHeld(RightsService.LIST_LIMIT).stream()
                .filter(h -> h.facility() == null ? scope.limitedTo().isEmpty() : scope.allows(h.facility()))
                .map(RightsRepository.Held::notification).toList();
    }

    /**
     * A reviewer's decision on a held notification: {@code send} releases it (SENT now, the notice unchanged: still
     * no claim, no place), otherwise it is WITHDRAWN; with a reason. Refused with CONSULAR_NOTIFICATION_NOT_FOUND
     * (none, or out of scope) and CONSULAR_NOTIFICATION_NOT_HELD (already sent or withdrawn).
     */
    @Transactional
    public ConsularNotification review(UUID id, boolean send, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The reason for the decision is required", "reason");
        }
        var held = repository.lockConsularNotification(id)
                .filter(h -> h.facility() == null || scope.allows(h.facility()))
                .orElseThrow(() -> RightsRefused.consularNotificationNotFound(id));
        var next = send ? ConsularNotification.Status.SENT : ConsularNotification.Status.WITHDRAWN;
        if (!held.notification().status().canBecome(next)) {
            throw RightsRefused.consularNotificationNotHeld(id);
        }
        repository.markReviewed(id, next, clock.instant(), scope.actorName(), reason);
        journal.append(JournalEntry.of("CONSULAR_NOTIFICATION_REVIEWED", "person",
                held.notification().person().toString()).withFacility(held.facility()).withReason(reason)
                .withDetails(Map.of("notification", id.toString(), "decision", next.name())));
        return repository.lockConsularNotification(id).orElseThrow().notification();
    }

    /** The dated list of mandatory-notification countries, every version. */
    public List<MandatoryCountry> mandatoryCountries() {
        return repository.mandatoryCountries();
    }

    /**
     * Records that {@code country}'s nationals must be notified from {@code from} (until before {@code to}); the
     * same country and start replaces the earlier entry. Refused with UNKNOWN_COUNTRY_CODE and VALIDATION_FAILED
     * (an end not after the start).
     */
    @Transactional
    public MandatoryCountry recordMandatoryCountry(String country, LocalDate from, LocalDate to, String citation) {
        CountryCode code = CountryCode.of(country, "country");
        if (to != null && !to.isAfter(from)) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The end is not after the start", "effectiveTo");
        }
        var entry = new MandatoryCountry(code.value(), from, to, citation.strip(), clock.instant(), scope.actorName());
        repository.insertMandatoryCountry(entry);
        journal.append(JournalEntry.of("CONSULAR_MANDATORY_COUNTRY_RECORDED", "country", code.value())
                .withDetails(Map.of("effectiveFrom", from.toString(), "effectiveTo", to == null ? "" : to.toString(),
                        "citation", entry.citation())));
        return entry;
    }

    private Set<String> mandatoryOn(LocalDate day) {
        return repository.mandatoryCountries().stream().filter(c -> c.inForceOn(day)).map(MandatoryCountry::country)
                .collect(Collectors.toSet());
    }

    /** Protection in force against {@code country}, or a fear claim about it that was not withdrawn (REQ-34). */
    static boolean protectedAgainst(LegalSummary summary, CountryCode country, LocalDate today) {
        for (CourtOrder order : summary.orders()) {
            if (order.type().category() == OrderType.Category.PROTECTION && country.equals(order.country())
                    && order.status().inForce()) {
                return true;
            }
        }
        for (FearClaim claim : summary.fearClaims()) {
            if (country.equals(claim.country()) && claim.status() != FearClaim.Status.WITHDRAWN) {
                return true;
            }
        }
        return false;
    }

    private static Instant notInTheFuture(Instant at, Instant now, String field) {
        Instant value = at == null ? now : at;
        if (value.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The time cannot be in the future", field);
        }
        return value;
    }
}

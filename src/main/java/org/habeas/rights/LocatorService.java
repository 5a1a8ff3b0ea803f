package org.habeas.rights;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.ErrorCode;
import org.habeas.common.NotFound;
import org.habeas.common.TooManyRequests;
import org.habeas.custody.CustodyService;
import org.habeas.custody.CustodyStanding;
import org.habeas.estate.EstateService;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonEnquiry;
import org.habeas.people.PersonId;
import org.habeas.rights.LocatorAnswer.Outcome;
import org.habeas.rights.LocatorAnswer.PublicFacility;
import org.habeas.rights.internal.LocatorRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public locator (REQ-16, ICPPED Art. 18): anyone who gives a person's full name and birth date, or a register or
 * document number, learns the facility responsible for them (never the cell), or that nobody is held by that
 * enquiry. Every enquiry is recorded and journaled, without the words asked; one client may ask
 * {@code habeas.locator.per-minute} times a minute and {@code habeas.locator.per-day} times a day, so the register
 * cannot be walked through by trying names (LOCATOR_RATE_LIMITED, 429). An answer is restricted only while a
 * restriction on a recorded legal ground is in force, and then says so, with the ground and who ordered it.
 */
@Service
public class LocatorService {

    private final PeopleService people;
    private final CustodyService custody;
    private final EstateService estate;
    private final LocatorRepository repository;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;
    private final int perMinute;
    private final int perDay;
    private volatile SecretKeySpec clientKey;

    LocatorService(PeopleService people, CustodyService custody, EstateService estate, LocatorRepository repository,
                   FacilityScope scope, Journal journal, Clock clock,
                   @Value("${habeas.locator.per-minute:10}") int perMinute,
                   @Value("${habeas.locator.per-day:100}") int perDay) {
        this.people = people;
        this.custody = custody;
        this.estate = estate;
        this.repository = repository;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
        this.perMinute = perMinute;
        this.perDay = perDay;
    }

    /**
     * Answers one enquiry from the client at {@code clientAddress}. The refusal of a client over its limit is
     * recorded and journaled too, and commits: it is not rolled back by the 429.
     */
    @Transactional(noRollbackFor = TooManyRequests.class)
    public LocatorAnswer enquire(PersonEnquiry enquiry, String clientAddress) {
        String client = clientKey(clientAddress);
        Instant now = clock.instant();
        repository.lockClient(client);
        LocatorRepository.Counted counted = repository.counted(client, now);
        if (counted.inMinute() >= perMinute || counted.inDay() >= perDay) {
            record(enquiry, client, now, "RATE_LIMITED", null, null);
            // Until the oldest enquiry counted leaves its window (a limit set to 0 waits a whole window).
            Duration wait = counted.inDay() >= perDay
                    ? until(now, counted.oldestInDay(), Duration.ofDays(1))
                    : until(now, counted.oldestInMinute(), Duration.ofMinutes(1));
            throw new TooManyRequests(ErrorCode.LOCATOR_RATE_LIMITED, "Too many enquiries from this client: at most "
                    + perMinute + " a minute and " + perDay + " a day", wait);
        }
        List<PersonId> found = people.exactly(enquiry);
        if (found.size() > 1) {
            record(enquiry, client, now, Outcome.AMBIGUOUS.name(), null, null);
            return LocatorAnswer.of(Outcome.AMBIGUOUS);
        }
        Optional<CustodyStanding> standing = found.isEmpty() ? Optional.empty() : custody.standing(found.get(0));
        if (standing.isEmpty()) {
            // Registered but never held answers as unknown does: the locator says nothing of the people register.
            record(enquiry, client, now, Outcome.NOT_HELD.name(), null, null);
            return LocatorAnswer.of(Outcome.NOT_HELD);
        }
        PersonId person = found.get(0);
        CustodyStanding s = standing.get();
        Optional<LocatorRestriction> restriction = repository.restrictionInForce(person);
        if (restriction.isPresent()) {
            record(enquiry, client, now, Outcome.RESTRICTED.name(), person, s.facility());
            return new LocatorAnswer(Outcome.RESTRICTED, null, null, null, null, null, null, null,
                    restriction.get().ground(), restriction.get().orderedBy());
        }
        record(enquiry, client, now, Outcome.FOUND.name(), person, s.facility());
        return found(s);
    }

    /** The answer for a person who stands as {@code s}: what the locator tells, never the cell. */
    LocatorAnswer found(CustodyStanding s) {
        boolean abroad = s.state() == CustodyStanding.State.HANDED_OVER || s.state() == CustodyStanding.State.REMOVED;
        return new LocatorAnswer(Outcome.FOUND, s.state(), facility(s.facility()), s.since(),
                s.state() == CustodyStanding.State.IN_TRANSIT ? facility(s.destination()) : null,
                abroad ? s.destination() : null, abroad ? s.receivingAuthority() : null, s.orderingAuthority(),
                null, null);
    }

    /** The restriction in force on what may be told about the person, if any; unscoped, for rights' own views. */
    Optional<LocatorRestriction> restrictionInForce(PersonId person) {
        return repository.restrictionInForce(person);
    }

    /** The person's restrictions, newest first; PERSON_NOT_FOUND outside the reader's scope. */
    public List<LocatorRestriction> restrictions(PersonId person) {
        people.requireVisible(person);
        return repository.restrictions(person);
    }

    /**
     * Restricts what the locator tells about the person, on a legal ground, with the authority that ordered it and
     * its reference (REQ-16: only exceptionally, by law); journaled.
     */
    @Transactional
    public LocatorRestriction restrict(PersonId person, String ground, String orderedBy, String reference) {
        people.requireVisible(person);
        UUID id = UUID.randomUUID();
        repository.insertRestriction(id, person, ground, orderedBy, reference, clock.instant(), scope.actorName());
        journal.append(JournalEntry.of("LOCATOR_RESTRICTED", "person", person.toString())
                .withReason(ground).withDetails(Map.of("restriction", id.toString(), "orderedBy", orderedBy,
                        "reference", reference)));
        return repository.restrictions(person).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** Lifts a restriction in force; LOCATOR_RESTRICTION_NOT_FOUND for another person's, or one already lifted. */
    @Transactional
    public LocatorRestriction lift(PersonId person, UUID restriction) {
        people.requireVisible(person);
        LocatorRestriction lifted = repository.lift(person, restriction, clock.instant(), scope.actorName())
                .orElseThrow(() -> new NotFound(ErrorCode.LOCATOR_RESTRICTION_NOT_FOUND,
                        "No restriction " + restriction + " in force for this person"));
        journal.append(JournalEntry.of("LOCATOR_RESTRICTION_LIFTED", "person", person.toString())
                .withDetails(Map.of("restriction", restriction.toString())));
        return lifted;
    }

    private static Duration until(Instant now, Instant oldest, Duration window) {
        return oldest == null ? window : Duration.between(now, oldest.plus(window));
    }

    private PublicFacility facility(String code) {
        return estate.publicFacility(code)
                .map(f -> PublicFacility.of(f, estate.publicContact(code).orElse(null))).orElse(null);
    }

    // In the ledger of enquiries and the journal: the kind of enquiry and its outcome, never the words asked.
    private void record(PersonEnquiry enquiry, String client, Instant now, String outcome, PersonId person,
                        String facility) {
        UUID id = UUID.randomUUID();
        repository.recordEnquiry(id, now, client, enquiry.kind(), outcome, person);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enquiry", id.toString());
        details.put("kind", enquiry.kind());
        details.put("outcome", outcome);
        details.put("client", client.substring(0, 16));
        JournalEntry entry = person == null ? JournalEntry.of("LOCATOR_ENQUIRY", "locator", id.toString())
                : JournalEntry.of("LOCATOR_ENQUIRY", "person", person.toString()).withFacility(facility);
        journal.append(entry.withDetails(details));
    }

    private String clientKey(String address) {
        try {
            SecretKeySpec key = clientKey;
            if (key == null) {
                key = new SecretKeySpec(repository.key().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
                clientKey = key;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

package org.habeas.legal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.Conflict;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.legal.internal.DetentionAuthorityRepository;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents a detention rests on, with their review dates (REQ-02), and the list of people held whose
 * detention has no valid authority or is past its review date. The admission's authority, recorded by custody with
 * the episode, is the first document; a renewal, a review decision or a new order recorded here governs from then
 * on (see {@link DetentionStanding}). Every document is journaled in its transaction and never changed or deleted:
 * a correction is a new document. Facility scope applies through the facility holding the person.
 */
@Service
@Transactional(readOnly = true)
public class DetentionAuthorities {

    /** The longest list a page or the API answers at once. */
    public static final int LIST_LIMIT = 500;

    private final DetentionAuthorityRepository repository;
    private final PeopleService people;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;

    DetentionAuthorities(DetentionAuthorityRepository repository, PeopleService people, FacilityScope scope,
                         Journal journal, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Records a document the person's open custody episode rests on. Refused with PERSON_NOT_FOUND (also out of
     * scope), NOT_IN_CUSTODY when no episode is open, DETENTION_AUTHORITY_DATES_INVALID naming {@code validUntil} or
     * {@code reviewDue} when either is before the date of issue, and VALIDATION_FAILED naming {@code type},
     * {@code issuedBy}, {@code issuedOn} (missing or in the future), {@code documentReference} or {@code reviewDue}.
     */
    @Transactional
    public DetentionAuthority record(NewDetentionAuthority command) {
        DetentionStanding held = heldVisible(command.person()).orElseThrow(() -> new Conflict(ErrorCode.NOT_IN_CUSTODY,
                "Person " + command.person() + " is not in custody: a detention authority belongs to an open episode"));
        if (command.type() == null) {
            throw invalid("type", "The type of document is required");
        }
        String issuedBy = required(command.issuedBy(), "issuedBy", "Who issued the document is required");
        if (command.issuedOn() == null || command.issuedOn().isAfter(held.today().plusDays(1))) {
            throw invalid("issuedOn", "The date of issue is required, and not in the future");
        }
        String reference = required(command.documentReference(), "documentReference",
                "The document's reference is required");
        if (command.reviewDue() == null) {
            throw invalid("reviewDue", "The date by which the detention must be reviewed is required");
        }
        if (command.validUntil() != null && command.validUntil().isBefore(command.issuedOn())) {
            throw new InvalidRequest(ErrorCode.DETENTION_AUTHORITY_DATES_INVALID,
                    "The document cannot end before it was issued", "validUntil");
        }
        if (command.reviewDue().isBefore(command.issuedOn())) {
            throw new InvalidRequest(ErrorCode.DETENTION_AUTHORITY_DATES_INVALID,
                    "The review cannot be due before the document was issued", "reviewDue");
        }
        var document = new DetentionAuthority(UUID.randomUUID(), command.person().value(), held.episode(),
                command.type(), issuedBy, command.issuedOn(), reference, command.validUntil(), command.reviewDue(),
                clock.instant(), scope.actorName(), false);
        repository.insert(document);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("document", document.id().toString());
        details.put("episode", held.episode().toString());
        details.put("type", document.type().name());
        details.put("issuedOn", document.issuedOn().toString());
        details.put("validUntil", document.validUntil() == null ? null : document.validUntil().toString());
        details.put("reviewDue", document.reviewDue().toString());
        journal.append(JournalEntry.of("LEGAL_DETENTION_AUTHORITY_RECORDED", "person", document.person().toString())
                .withFacility(held.facility()).withDetails(details));
        return document;
    }

    /**
     * The person's documents, newest first with the open episode's admission authority among them, and the open
     * episode's standing. Refused with PERSON_NOT_FOUND. A sensitive read, journaled (REQ-49).
     */
    @Transactional
    public PersonAuthorities of(PersonId person) {
        Optional<DetentionStanding> held = heldVisible(person);
        List<DetentionAuthority> documents = new ArrayList<>(repository.documents(person.value()));
        held.ifPresent(h -> {
            if (!h.current().fromAdmission()) {
                documents.add(admission(person));
            } else {
                documents.add(h.current());
            }
        });
        journal.recordRead("detention-authorities", person.toString(), held.map(DetentionStanding::facility)
                .orElse(null));
        return new PersonAuthorities(person.value(), held.orElse(null), documents);
    }

    /** Held people whose detention has no valid authority or is past its review date, within the reader's scope. */
    public List<DetentionStanding> due() {
        return repository.due(scope.limitedTo().orElse(null), clock.instant(), LIST_LIMIT);
    }

    /** How many held people are on {@link #due()}, for the dashboard. */
    public int dueCount() {
        return repository.countDue(scope.limitedTo().orElse(null), clock.instant());
    }

    // The admission's authority as the first document, when later documents govern.
    private DetentionAuthority admission(PersonId person) {
        return repository.admission(person.value()).orElseThrow();
    }

    private Optional<DetentionStanding> heldVisible(PersonId person) {
        people.requireVisible(person);
        Optional<DetentionStanding> held = repository.standing(person.value(), clock.instant());
        if (held.isPresent() && !scope.allows(held.get().facility())) {
            throw PeopleService.notFound(person);
        }
        return held;
    }

    private static InvalidRequest invalid(String field, String what) {
        return new InvalidRequest(ErrorCode.VALIDATION_FAILED, what, field);
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw invalid(field, what);
        }
        return value.strip();
    }
}

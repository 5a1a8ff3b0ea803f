package org.habeas.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.CountryCode;
import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.common.PageRequest;
import org.habeas.common.Replica;
import org.habeas.people.internal.NameKeys;
import org.habeas.people.internal.CandidateSearch;
import org.habeas.people.internal.CandidateSearch.Ranked;
import org.habeas.people.internal.NameSearch;
import org.habeas.people.internal.PeopleRepository;
import org.habeas.people.internal.PeopleRepository.Candidate;
import org.habeas.people.internal.PeopleRepository.Filter;
import org.habeas.people.internal.PeopleRepository.Row;
import org.habeas.people.internal.PeopleRepository.SearchKeys;
import org.habeas.people.internal.PeopleRepository.StoredIdentity;
import org.habeas.people.internal.PeopleRepository.StoredPerson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Identity records: register, correct, read, search, find duplicates, merge. Every change is a new
 * revision with its journal entry in the same transaction (REQ-06); every read of a record is journaled (REQ-49).
 * A user limited to some facilities sees only people linked to them; anyone else is {@code PERSON_NOT_FOUND}.
 *
 * <p>Refusals: {@code PERSON_NOT_FOUND} (404), {@code INVALID_BIRTH_DATE}, {@code UNKNOWN_COUNTRY_CODE},
 * {@code VALIDATION_FAILED} (400), {@code DOCUMENT_NUMBER_TAKEN}, {@code POSSIBLE_DUPLICATE},
 * {@code PERSON_ALREADY_MERGED}, {@code PERSON_REVISION_STALE} (409), {@code MERGE_INTO_ITSELF} (422),
 * {@code FACILITY_NOT_FOUND} (404, a facility outside the user's scope).
 */
@Service
@Transactional(readOnly = true)
public class PeopleService {

    /** A name search scores at most this many candidates; past it the total is a lower bound. */
    public static final int CANDIDATE_CAP = 3000;
    /** Combined score from which a registration is held back as a possible duplicate. */
    public static final double DUPLICATE_THRESHOLD = 0.85;

    private static final Pattern FACILITY = Pattern.compile("[A-Z0-9-]{2,20}");
    private static final Pattern AGENCY = Pattern.compile("[A-Z0-9-]{2,20}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final PeopleRepository repository;
    private final List<PersonReferences> references;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;
    private final JsonMapper json;
    private final String registerPrefix;
    private final Replica replica;

    PeopleService(PeopleRepository repository, List<PersonReferences> references, FacilityScope scope,
                  Journal journal, Clock clock, JsonMapper json,
                  @Value("${habeas.register-prefix:HAB}") String registerPrefix, Replica replica) {
        this.replica = replica;
        if (!registerPrefix.matches("[A-Z0-9]{1,12}")) {
            throw new IllegalStateException("habeas.register-prefix must be 1 to 12 capital letters or digits");
        }
        this.repository = repository;
        this.references = List.copyOf(references);
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
        this.json = json;
        this.registerPrefix = registerPrefix;
    }

    /**
     * Registers a person, or links the arrival to an existing record ({@code linkTo}). Refused with
     * {@code POSSIBLE_DUPLICATE} (with the candidates) when the name, birth date or a document number match an
     * existing record above {@link #DUPLICATE_THRESHOLD}, unless the registration confirms a new person with a
     * reason; with {@code DOCUMENT_NUMBER_TAKEN} when a document is already in force for someone else.
     */
    @Transactional
    public Registered register(Registration registration) {
        requireLength(registration.confirmedNewReason(), JournalEntry.MAX_REASON, "newPersonReason");
        Identity identity = checked(registration.identity());
        String facility = facilityInScope(registration.facility());
        Instant now = clock.instant();
        if (registration.linkTo() != null) {
            return link(registration.linkTo(), identity, facility, now);
        }
        // Two officers registering the same arrival at once: the second waits here and then sees the first.
        repository.lockKeys(duplicateLocks(identity));
        refuseTakenDocuments(identity.documents(), null);
        if (registration.confirmedNewReason() == null) {
            List<DuplicateCandidate> candidates = duplicatesOf(identity, null);
            if (!candidates.isEmpty()) {
                throw PeopleRefused.possibleDuplicate(candidates);
            }
        }
        var id = PersonId.random();
        String registerNumber = "%s-%d-%06d".formatted(registerPrefix, now.atZone(ZoneOffset.UTC).getYear(),
                repository.nextRegisterNumber());
        repository.insertPerson(id, registerNumber, stored(identity), searchKeys(identity, now), now);
        writeIdentifiers(id, identity, 1, new Current(List.of(), List.of(), List.of(), List.of()));
        if (facility != null) {
            repository.linkFacility(id, facility, now);
        }
        Person person = assemble(repository.findPerson(id).orElseThrow());
        repository.insertRevision(id, 1, "REGISTERED", now, actor(), registration.confirmedNewReason(),
                snapshot(person.identity()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registerNumber", registerNumber);
        details.put("identityStatus", identity.status().name());
        details.put("confirmedNewPerson", registration.confirmedNewReason() != null);
        journal.append(JournalEntry.of("PERSON_REGISTERED", "person", id.toString()).withFacility(facility)
                .withReason(registration.confirmedNewReason()).withDetails(details));
        return new Registered(person, true);
    }

    /** Appends a correction as a new revision (REQ-06); see {@link Correction} for what a null part means. */
    @Transactional
    public Person correct(Correction correction) {
        StoredPerson stored = repository.lockPerson(correction.person()).filter(this::visible)
                .orElseThrow(() -> PeopleRefused.notFound(correction.person()));
        Person current = assemble(stored);
        if (current.merged()) {
            throw PeopleRefused.alreadyMerged(current);
        }
        if (correction.expectedRevision() != null && correction.expectedRevision() != stored.revision()) {
            throw PeopleRefused.staleRevision(stored.revision());
        }
        Identity next = checked(correction.applyTo(current.identity()));
        refuseTakenDocuments(next.documents(), stored.id());
        int revision = stored.revision() + 1;
        Instant now = clock.instant();
        writeIdentifiers(stored.id(), next, revision, current(stored.id()));
        if (!repository.updatePerson(stored.id(), stored.revision(), stored(next),
                searchKeys(next, stored.registeredAt()), now)) {
            throw PeopleRefused.staleRevision(stored.revision());
        }
        Person person = assemble(repository.findPerson(stored.id()).orElseThrow());
        repository.insertRevision(stored.id(), revision, "CORRECTED", now, actor(), correction.reason(),
                snapshot(person.identity()));
        journal.append(JournalEntry.of("PERSON_CORRECTED", "person", stored.id().toString())
                .withFacility(firstFacility(person)).withReason(correction.reason())
                .withDetails(Map.of("revision", revision, "changed",
                        changes(snapshotMap(current.identity()), snapshotMap(person.identity())).keySet())));
        return person;
    }

    /** The current record, journaled as a read (REQ-49). A merged record answers itself, pointing at the survivor. */
    @Transactional
    public Person person(PersonId id) {
        Person person = repository.findPerson(id).filter(this::visible).map(this::assemble)
                .orElseThrow(() -> PeopleRefused.notFound(id));
        journal.recordRead("person", id.toString(), firstFacility(person));
        return person;
    }

    /**
     * Refuses exactly as {@link #person} does, and reads nothing of the identity: {@code PERSON_NOT_FOUND} (404)
     * for a record that does not exist or that a reader limited to some facilities may not see (a record merged
     * into another is seen through its survivor's facilities, and passes when {@link #person} would answer it). One
     * statement, not journaled: it is for commands and pages that only need to know the person is there and theirs
     * to act on, and show nothing of the record (REQ-49: only reads that happened are journaled). Anything that
     * shows the record calls {@link #person} instead. A refusal does not mark the caller's transaction
     * rollback-only, since nothing was read or written.
     */
    @Transactional(readOnly = true, noRollbackFor = HabeasException.class)
    public void requireVisible(PersonId id) {
        if (!repository.visible(id, scope.limitedTo().orElse(null))) {
            throw PeopleRefused.notFound(id);
        }
    }

    /** Every revision of the record, oldest first, with what each changed (REQ-06); journaled as a read. */
    @Transactional
    public List<PersonRevision> history(PersonId id) {
        StoredPerson stored = repository.findPerson(id).filter(this::visible)
                .orElseThrow(() -> PeopleRefused.notFound(id));
        List<PersonRevision> history = revisions(id);
        journal.append(JournalEntry.of("READ", "person", id.toString())
                .withFacility(repository.facilities(stored.id()).stream().findFirst().orElse(null))
                .withDetails(Map.of("what", "history")));
        return history;
    }

    /**
     * The record with every revision of it, for the person page, which shows both: one view, one READ journaled
     * (REQ-49), saying it was the record and its history; refused as {@link #person}.
     */
    @Transactional
    public PersonWithHistory personWithHistory(PersonId id) {
        Person person = repository.findPerson(id).filter(this::visible).map(this::assemble)
                .orElseThrow(() -> PeopleRefused.notFound(id));
        List<PersonRevision> history = revisions(id);
        journal.append(JournalEntry.of("READ", "person", id.toString()).withFacility(firstFacility(person))
                .withDetails(Map.of("what", "record-and-history")));
        return new PersonWithHistory(person, history);
    }

    private List<PersonRevision> revisions(PersonId id) {
        List<PersonRevision> history = new ArrayList<>();
        Map<String, Object> before = Map.of();
        for (var r : repository.revisions(id)) {
            Map<String, Object> after = json.readValue(r.snapshot(), MAP);
            history.add(new PersonRevision(r.revision(), r.supersedes(), r.kind(), r.recordedAt(), r.recordedBy(),
                    r.reason(), changes(before, after)));
            before = after;
        }
        return history;
    }

    /**
     * Ranked search (see {@link PersonQuery}); the search is journaled with which criteria were used and how many
     * matched, never the name itself (REQ-49). Outside a command the ranking runs on the read replica when one is
     * usable ({@link Replica}); the journal entry is always written on the primary.
     */
    @Transactional(propagation = Propagation.SUPPORTS)   // the ranking may go to the replica; the entry never does
    public SearchResults search(PersonQuery query, PageRequest page) {
        if (query.facility() != null) {
            facilityInScope(query.facility());
        }
        Filter filter = new Filter(query.birthYear(), query.birthDate(),
                query.nationality() == null ? null : query.nationality().value(), query.facility(),
                scope.limitedTo().orElse(null));
        boolean byIdentifier = query.identifier() != null && !query.identifier().isBlank();
        List<String> tokens = byIdentifier ? List.of() : NameKeys.tokens(query.name());
        if (!byIdentifier && tokens.isEmpty()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "Give a name (two letters or more) or an identifier", "q");
        }
        record Found(List<PersonMatch> page, int total, boolean capped) {
        }
        Found found = replica.read(() -> {
            List<PersonMatch> matches;
            boolean capped = false;
            if (byIdentifier) {
                String identifier = query.identifier().strip().toUpperCase(Locale.ROOT);
                matches = repository.byIdentifier(identifier, IdentityDocument.key(identifier), filter).stream()
                        .map(c -> new PersonMatch(c.summary(), 1.0, c.summary().fullName())).toList();
            } else {
                var ranked = rank(tokens, filter, (int) Math.min(Integer.MAX_VALUE, page.offset() + page.size()));
                matches = ranked.matches();
                capped = ranked.capped();
            }
            int from = (int) Math.min(matches.size(), page.offset());
            int to = Math.min(matches.size(), from + page.size());
            return new Found(withNationalities(matches.subList(from, to)), matches.size(), capped);
        });
        journal.append(JournalEntry.of("PEOPLE_SEARCHED", "person", "search")
                .withDetails(Map.of("criteria", criteria(query), "total", found.total())));
        return new SearchResults(found.page(), page.page(), page.size(), found.total(), found.capped());
    }

    /**
     * For each query (a name, and a birth date when known), the people its ranked search scores at or above
     * {@link #DUPLICATE_THRESHOLD}, best first, at most five: the identity check of a batch of arrivals (a
     * manifest's version, REQ-54). One read (on the replica when usable) and one journal entry for the batch, with
     * how many names were checked and how many people matched, never the names (REQ-49).
     */
    @Transactional(propagation = Propagation.SUPPORTS)   // as search: the ranking may go to the replica
    public List<List<PersonId>> resembling(List<PersonQuery> queries) {
        Collection<String> limited = scope.limitedTo().orElse(null);
        List<List<PersonId>> found = replica.read(() -> queries.stream().map(q -> {
            List<String> tokens = NameKeys.tokens(q.name());
            if (tokens.isEmpty()) {
                return List.<PersonId>of();
            }
            return rank(tokens, new Filter(null, q.birthDate(), null, null, limited), 5, DUPLICATE_THRESHOLD)
                    .matches().stream()
                    .filter(m -> m.score() >= DUPLICATE_THRESHOLD).limit(5).map(m -> m.person().id()).toList();
        }).toList());
        journal.append(JournalEntry.of("PEOPLE_SEARCHED", "person", "search").withDetails(Map.of(
                "criteria", List.of("name", "birthDate"), "names", queries.size(),
                "total", found.stream().mapToInt(List::size).sum())));
        return found;
    }

    /** Likely duplicate pairs in the user's scope, strongest evidence first. */
    @Transactional
    public List<DuplicatePair> duplicates(int limit) {
        var pairs = repository.duplicatePairs(scope.limitedTo().orElse(null), limit);
        Set<UUID> ids = new HashSet<>();
        pairs.forEach(p -> {
            ids.add(p.first());
            ids.add(p.second());
        });
        Map<UUID, Candidate> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            repository.summaries(ids).forEach(c -> byId.put(c.summary().id().value(), c));
        }
        List<DuplicatePair> report = new ArrayList<>();
        for (var p : pairs) {
            Candidate a = byId.get(p.first());
            Candidate b = byId.get(p.second());
            List<String> evidence = new ArrayList<>();
            double score = 0;
            if (p.sharedKeys() > 0) {
                int k = Math.min(primaryTokens(a).size(), primaryTokens(b).size());
                score = 0.8 * Math.min(1.0, p.sharedKeys() / (double) Math.max(1, k * (k - 1) / 2));
                evidence.add("NAME");
            }
            if (a.birth().text() != null && a.birth().text().equals(b.birth().text())) {
                score += 0.2;
                evidence.add("BIRTH_DATE");
            }
            if (p.sameDocument()) {
                score = Math.max(score, 0.9);
                evidence.add("DOCUMENT_NUMBER");
            }
            report.add(new DuplicatePair(a.summary(), b.summary(), round(score), evidence));
        }
        journal.append(JournalEntry.of("DUPLICATES_LISTED", "person", "duplicates")
                .withDetails(Map.of("pairs", report.size())));
        return report;
    }

    /**
     * Merges {@code duplicate} into {@code survivor} in one transaction: every registered {@link PersonReferences}
     * bean re-points its rows, the duplicate's name becomes an alias of the survivor, and the duplicate stays as a
     * pointer. Refused with {@code MERGE_INTO_ITSELF}, {@code PERSON_ALREADY_MERGED} (either side) or
     * {@code PERSON_NOT_FOUND}; nothing is written then.
     */
    @Transactional
    public Person merge(Merge merge) {
        if (merge.survivor().equals(merge.duplicate())) {
            throw PeopleRefused.mergeIntoItself();
        }
        // Lock in id order so two merges of the same pair in opposite directions cannot deadlock.
        List<PersonId> order = new ArrayList<>(List.of(merge.survivor(), merge.duplicate()));
        order.sort(Comparator.comparing(PersonId::value));
        Map<PersonId, StoredPerson> locked = new HashMap<>();
        for (PersonId id : order) {
            locked.put(id, repository.lockPerson(id).filter(this::visible)
                    .orElseThrow(() -> PeopleRefused.notFound(id)));
        }
        StoredPerson survivor = locked.get(merge.survivor());
        StoredPerson duplicate = locked.get(merge.duplicate());
        for (StoredPerson p : List.of(duplicate, survivor)) {
            if (p.mergedInto() != null) {
                throw PeopleRefused.alreadyMerged(assemble(p));
            }
        }
        Instant now = clock.instant();
        Person duplicateBefore = assemble(duplicate);
        Person survivorBefore = assemble(survivor);
        Map<String, Object> moved = new LinkedHashMap<>();
        // Marked first: the custody ledger lets a row's person change only along a recorded merge.
        repository.markMerged(duplicate.id(), survivor.id(), now);
        for (PersonReferences module : references) {
            moved.put(module.name(), module.repoint(duplicate.id(), survivor.id()));
        }
        repository.insertRevision(duplicate.id(), duplicate.revision() + 1, "MERGED_INTO", now, actor(),
                merge.reason(), snapshot(duplicateBefore.identity()));
        int revision = survivor.revision() + 1;
        addNameAsAlias(survivor.id(), survivorBefore.identity(), duplicateBefore.identity(), revision);
        Identity absorbed = identityOf(survivor.id(), survivor.identity());
        repository.updatePerson(survivor.id(), survivor.revision(), stored(absorbed),
                searchKeys(absorbed, survivor.registeredAt()), now);
        Person result = assemble(repository.findPerson(survivor.id()).orElseThrow());
        repository.insertRevision(survivor.id(), revision, "ABSORBED", now, actor(), merge.reason(),
                snapshot(result.identity()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("survivor", survivor.id().toString());
        details.put("survivorRegisterNumber", survivor.registerNumber());
        details.put("duplicate", duplicate.id().toString());
        details.put("duplicateRegisterNumber", duplicate.registerNumber());
        details.put("moved", moved);
        journal.append(JournalEntry.of("PERSON_MERGED", "person", survivor.id().toString())
                .withFacility(firstFacility(result)).withReason(merge.reason()).withDetails(details));
        journal.append(JournalEntry.of("PERSON_MERGED_INTO", "person", duplicate.id().toString())
                .withFacility(firstFacility(result)).withReason(merge.reason()).withDetails(details));
        return result;
    }

    /**
     * Records that the person is or was held in {@code facilityCode}; custody calls it at admission. It widens who
     * may see the person, so it is journaled; linking twice changes nothing.
     */
    @Transactional
    public void linkToFacility(PersonId person, String facilityCode) {
        if (facilityCode == null || !FACILITY.matcher(facilityCode).matches()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A facility code is 2 to 20 capitals, digits or dashes",
                    "facility");
        }
        StoredPerson stored = repository.lockPerson(person).orElseThrow(() -> PeopleRefused.notFound(person));
        PersonId target = stored.mergedInto() != null ? stored.mergedInto() : stored.id();
        if (!repository.facilities(target).contains(facilityCode)) {
            repository.linkFacility(target, facilityCode, clock.instant());
            journal.append(JournalEntry.of("PERSON_LINKED_TO_FACILITY", "person", target.toString())
                    .withFacility(facilityCode));
        }
    }

    /**
     * The admission facts of many people in one read (bulk admission): only of records that exist, are not
     * merged into another and the reader may see; an id missing from the answer is refused as {@link #notFound}.
     * Not journaled as a read: it shows the caller nothing of the identity, and the admission it serves is journaled.
     */
    public Map<PersonId, AdmissionFacts> admissionFacts(Collection<PersonId> ids) {
        Map<PersonId, AdmissionFacts> facts = new HashMap<>();
        if (!ids.isEmpty()) {
            repository.admissionFacts(Set.copyOf(ids), scope.limitedTo().orElse(null))
                    .forEach(f -> facts.put(f.id(), f));
        }
        return facts;
    }

    /**
     * The people an exact enquiry names, whoever asks and whatever their facility scope, for the public locator
     * (REQ-16): by register number, by an identity document's number (compared as {@link IdentityDocument#key}, with
     * its issuer when given), or by the full name with the full birth date, where the name must have the same words as
     * the record's full name, accents, case, order and particles aside: a partial name finds no one. A merged record
     * answers with the one it was merged into. Not journaled here: the locator journals every enquiry.
     */
    public List<PersonId> exactly(PersonEnquiry enquiry) {
        if (enquiry instanceof PersonEnquiry.ByRegisterNumber r) {
            return repository.byRegisterNumber(r.number().strip().toUpperCase(Locale.ROOT));
        }
        if (enquiry instanceof PersonEnquiry.ByDocument d) {
            return repository.byDocument(IdentityDocument.key(d.number()),
                    d.issuer() == null || d.issuer().isBlank() ? null : d.issuer().strip().toUpperCase(Locale.ROOT));
        }
        PersonEnquiry.ByNameAndBirth n = (PersonEnquiry.ByNameAndBirth) enquiry;
        List<String> asked = NameKeys.tokens(n.fullName()).stream().sorted().toList();
        return asked.isEmpty() ? List.of() : repository.bornOn(n.birthDate()).entrySet().stream()
                .filter(e -> NameKeys.tokens(e.getValue()).stream().sorted().toList().equals(asked))
                .map(Map.Entry::getKey).toList();
    }

    /** The refusal of {@link #person} for a record that does not exist or the reader cannot see. */
    public static HabeasException notFound(PersonId id) {
        return PeopleRefused.notFound(id);
    }

    /**
     * {@link #linkToFacility} for many people at once, in one statement: each record (a merged one: its survivor)
     * locked, linked if it was not, and each new link journaled. Every id must exist (custody calls it for people
     * it has just admitted); a missing one is a programming error.
     */
    @Transactional
    public void linkAllToFacility(Collection<PersonId> people, String facilityCode) {
        if (facilityCode == null || !FACILITY.matcher(facilityCode).matches()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A facility code is 2 to 20 capitals, digits or dashes",
                    "facility");
        }
        if (people.isEmpty()) {
            return;
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (PersonId linked : repository.linkAllToFacility(Set.copyOf(people), facilityCode, clock.instant())) {
            entries.add(JournalEntry.of("PERSON_LINKED_TO_FACILITY", "person", linked.toString())
                    .withFacility(facilityCode));
        }
        journal.appendAll(entries);
    }

    /** Recounts how many people carry each name token; the search uses the counts to pick its starting keys. */
    @Transactional
    public int refreshNameStatistics() {
        return repository.refreshFrequencies();
    }

    // ---- registration helpers

    /**
     * Links an arrival to an existing record. A record the officer cannot see yet (held only in other facilities)
     * may be linked only when the arrival's own particulars match it, as the duplicate warning showed; otherwise
     * any intake officer could pull anyone's record into their scope by its id.
     */
    private Registered link(PersonId linkTo, Identity arrival, String facility, Instant now) {
        StoredPerson stored = repository.lockPerson(linkTo).orElseThrow(() -> PeopleRefused.notFound(linkTo));
        if (!visible(stored) && duplicatesOf(arrival, null).stream()
                .noneMatch(c -> c.person().id().equals(stored.id()))) {
            throw PeopleRefused.notFound(linkTo);
        }
        if (stored.mergedInto() != null) {
            throw PeopleRefused.alreadyMerged(assemble(stored));
        }
        if (facility != null) {
            repository.linkFacility(stored.id(), facility, now);
        }
        journal.append(JournalEntry.of("PERSON_ARRIVAL_LINKED", "person", stored.id().toString())
                .withFacility(facility).withDetails(Map.of("registerNumber", stored.registerNumber())));
        return new Registered(assemble(repository.findPerson(stored.id()).orElseThrow()), false);
    }

    /** Existing records that look like {@code identity}: by name and birth date, and by any shared document number. */
    List<DuplicateCandidate> duplicatesOf(Identity identity, PersonId except) {
        Map<PersonId, DuplicateCandidate> found = new LinkedHashMap<>();
        List<String> tokens = NameKeys.tokens(identity.name().fullName());
        if (tokens.size() >= 2) {
            var ranked = rank(tokens, new Filter(null, null, null, null, null), 20);
            var best = ranked.matches().subList(0, Math.min(20, ranked.matches().size()));
            for (PersonMatch match : withNationalities(best)) {
                Candidate c = ranked.candidates().get(match.person().id());
                List<String> evidence = new ArrayList<>();
                evidence.add(match.matchedName().equals(match.person().fullName()) ? "NAME" : "ALIAS");
                double score = match.score();
                Birth theirs = c.birth();
                Birth ours = identity.birth();
                if (ours.date() != null && theirs.date() != null) {
                    if (compatible(ours, theirs)) {
                        score += 0.1;
                        evidence.add("BIRTH_DATE");
                    } else {
                        score -= 0.3;
                    }
                }
                if (score >= DUPLICATE_THRESHOLD) {
                    found.put(match.person().id(), new DuplicateCandidate(match.person(), round(Math.min(1, score)),
                            evidence));
                }
            }
        }
        List<String> numbers = identity.documents().stream().map(IdentityDocument::numberKey)
                .filter(k -> k.length() >= 4).toList();
        if (!numbers.isEmpty()) {
            List<UUID> holders = repository.holdersOfNumbers(numbers);
            if (!holders.isEmpty()) {
                for (Candidate c : repository.summaries(holders)) {
                    found.merge(c.summary().id(), new DuplicateCandidate(c.summary(), 0.9, List.of("DOCUMENT_NUMBER")),
                            (a, b) -> new DuplicateCandidate(a.person(), Math.max(a.score(), 0.95),
                                    concat(a.evidence(), "DOCUMENT_NUMBER")));
                }
            }
        }
        found.remove(except);
        return found.values().stream().map(this::redactedOutOfScope)
                .sorted(Comparator.comparingDouble(DuplicateCandidate::score).reversed()).toList();
    }

    // Someone held elsewhere is still a duplicate, but an officer limited to other facilities only learns that the
    // record exists and its number, which is what linking or asking a supervisor needs (REQ-14).
    private DuplicateCandidate redactedOutOfScope(DuplicateCandidate c) {
        if (scope.limitedTo().isEmpty() || repository.linkedToAny(c.person().id(), scope.limitedTo().get())) {
            return c;
        }
        var p = c.person();
        return new DuplicateCandidate(new PersonSummary(p.id(), p.registerNumber(), null, null, null, List.of()),
                c.score(), c.evidence());
    }

    private static boolean compatible(Birth a, Birth b) {
        if (a.date().getYear() != b.date().getYear()) {
            return false;
        }
        if (a.precision() == Birth.Precision.YEAR || b.precision() == Birth.Precision.YEAR) {
            return true;
        }
        if (a.date().getMonth() != b.date().getMonth()) {
            return false;
        }
        return a.precision() != Birth.Precision.FULL || b.precision() != Birth.Precision.FULL
                || a.date().equals(b.date());
    }

    private void refuseTakenDocuments(List<IdentityDocument> documents, PersonId owner) {
        for (int i = 0; i < documents.size(); i++) {
            var d = documents.get(i);
            var holder = repository.documentHolder(d);
            if (holder.isPresent() && !holder.get().equals(owner)) {
                throw PeopleRefused.documentTaken(d, "documents[" + i + "].number");
            }
        }
    }

    private List<String> duplicateLocks(Identity identity) {
        Set<String> keys = new TreeSet<>();
        String year = identity.birth().year() == null ? "?" : identity.birth().year().toString();
        NameKeys.tokens(identity.name().fullName()).forEach(t -> keys.add("name:" + NameKeys.phonetic(t) + ":" + year));
        identity.documents().forEach(d -> keys.add("document:" + d.numberKey()));
        return List.copyOf(keys);
    }

    // ---- search

    private Ranked rank(List<String> tokens, Filter filter, int wanted) {
        return rank(tokens, filter, wanted, 0);
    }

    // Only matches scoring at least floor are wanted: the reads that cannot reach it are left out.
    private Ranked rank(List<String> tokens, Filter filter, int wanted, double floor) {
        repository.planEachSearch();
        NameSearch plan = NameSearch.plan(tokens, repository.variants(tokens));
        return CandidateSearch.rank(plan, filter, wanted, floor, CANDIDATE_CAP, repository::candidates);
    }

    private List<PersonMatch> withNationalities(List<PersonMatch> matches) {
        var countries = repository.nationalitiesOf(matches.stream().map(m -> m.person().id().value()).toList());
        return matches.stream().map(m -> {
            var p = m.person();
            return new PersonMatch(new PersonSummary(p.id(), p.registerNumber(), p.fullName(), p.birth(),
                    p.identityStatus(), countries.getOrDefault(p.id().value(), List.of())), m.score(), m.matchedName());
        }).toList();
    }

    private static List<String> criteria(PersonQuery query) {
        List<String> used = new ArrayList<>();
        if (query.name() != null && !query.name().isBlank()) {
            used.add("name");
        }
        if (query.identifier() != null && !query.identifier().isBlank()) {
            used.add("identifier");
        }
        if (query.birthDate() != null) {
            used.add("birthDate");
        }
        if (query.birthYear() != null) {
            used.add("birthYear");
        }
        if (query.nationality() != null) {
            used.add("nationality");
        }
        if (query.facility() != null) {
            used.add("facility");
        }
        return used;
    }

    // ---- keys, identifiers, assembly

    private SearchKeys searchKeys(Identity identity, Instant registeredAt) {
        SearchColumns columns = SearchColumns.of(identity, registeredAt);
        repository.addTokens(columns.tokens());
        return new SearchKeys(columns.tokens(), columns.pairs(), columns.names(), columns.birthYears(),
                columns.duplicateKeys());
    }

    private record Current(List<Row<Alias>> aliases, List<Row<Nationality>> nationalities,
                           List<Row<IdentityDocument>> documents, List<Row<String>> languages) {
    }

    private Current current(PersonId id) {
        return new Current(repository.aliases(id), repository.nationalities(id), repository.documents(id),
                repository.languages(id));
    }

    /** Keeps rows whose value is still wanted, retracts the rest, inserts what is new (REQ-06: nothing deleted). */
    private void writeIdentifiers(PersonId id, Identity identity, int revision, Current current) {
        sync("person_alias", current.aliases(), identity.aliases(), revision, a -> repository.insertAlias(id, a, revision));
        sync("person_nationality", current.nationalities(), identity.nationalities(), revision,
                n -> repository.insertNationality(id, n, revision));
        List<IdentityDocument> documents = identity.documents();
        sync("person_document", current.documents(), documents, revision, d -> {
            if (!repository.insertDocument(id, d, revision)) {
                throw PeopleRefused.documentTaken(d, "documents[" + documents.indexOf(d) + "].number");
            }
        });
        sync("person_language", current.languages(), identity.languages(), revision,
                l -> repository.insertLanguage(id, l, revision));
    }

    private <T> void sync(String table, List<Row<T>> rows, List<T> wanted, int revision,
                          java.util.function.Consumer<T> insert) {
        List<T> toAdd = new ArrayList<>(wanted);
        List<UUID> retract = new ArrayList<>();
        for (Row<T> row : rows) {
            if (!toAdd.remove(row.value())) {
                retract.add(row.id());
            }
        }
        repository.retract(table, retract, revision);   // first, so a number moved between types can be re-added
        toAdd.forEach(insert);
    }

    private void addNameAsAlias(PersonId survivor, Identity survivorIdentity, Identity duplicate, int revision) {
        String name = duplicate.name().fullName();
        if (name == null) {
            return;
        }
        String key = NameKeys.normalise(name);
        boolean known = key.equals(NameKeys.normalise(survivorIdentity.name().fullName()))
                || repository.aliases(survivor).stream().anyMatch(a -> key.equals(NameKeys.normalise(a.value().name())));
        if (!known) {
            repository.insertAlias(survivor, new Alias(Alias.Kind.ALIAS, name), revision);
        }
    }

    private Identity identityOf(PersonId id, StoredIdentity s) {
        return new Identity(s.name(), values(repository.aliases(id)), s.birth(), s.birthPlace(), s.recordedSex(),
                s.genderIdentity(), values(repository.nationalities(id)), values(repository.documents(id)),
                values(repository.languages(id)), s.interpreterNeeded(), s.status(), s.statusNote());
    }

    private Person assemble(StoredPerson s) {
        return new Person(s.id(), s.registerNumber(), identityOf(s.id(), s.identity()),
                repository.facilities(s.id()), s.mergedInto(), s.revision(), s.registeredAt(), s.updatedAt());
    }

    private static <T> List<T> values(List<Row<T>> rows) {
        return rows.stream().map(Row::value).toList();
    }

    private static StoredIdentity stored(Identity i) {
        return new StoredIdentity(i.name(), i.birth(), i.birthPlace(), i.recordedSex(), i.genderIdentity(),
                i.interpreterNeeded(), i.status(), i.statusNote());
    }

    private boolean visible(StoredPerson person) {
        Optional<Set<String>> limited = scope.limitedTo();
        if (limited.isEmpty()) {
            return true;
        }
        PersonId target = person.mergedInto() != null ? person.mergedInto() : person.id();
        return repository.linkedToAny(target, limited.get());
    }

    private String facilityInScope(String facility) {
        if (facility == null || facility.isBlank()) {
            if (scope.limitedTo().isPresent()) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                        "You see only some facilities: name the facility the person arrives at", "facility");
            }
            return null;
        }
        String code = facility.strip().toUpperCase(Locale.ROOT);
        if (!FACILITY.matcher(code).matches()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A facility code is 2 to 20 capitals, digits or dashes",
                    "facility");
        }
        scope.require(code);
        return code;
    }

    /** Domain checks a request record cannot express: names, document issuers, languages, repeats. */
    private Identity checked(Identity identity) {
        var name = identity.name();
        requireLength(name.givenNames(), 200, "name.givenNames");
        requireLength(name.firstFamilyName(), 200, "name.firstFamilyName");
        requireLength(name.secondFamilyName(), 200, "name.secondFamilyName");
        requireLength(name.fullName(), 400, "name.fullName");
        requireLength(identity.birthPlace(), 200, "birthPlace");
        requireLength(identity.genderIdentity(), 100, "genderIdentity");
        requireLength(identity.statusNote(), 2000, "identityNote");
        identity.aliases().forEach(a -> requireLength(a.name(), 400, "aliases"));
        identity.documents().forEach(d -> requireLength(d.number(), 100, "documents"));
        if (identity.name().isEmpty() && identity.status() != IdentityStatus.UNKNOWN) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "A name is needed unless the identity is UNKNOWN", "name.fullName");
        }
        Set<String> countries = new HashSet<>();
        for (var n : identity.nationalities()) {
            if (!countries.add(n.country().value())) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A nationality is listed twice", "nationalities");
            }
        }
        Set<String> documents = new HashSet<>();
        for (int i = 0; i < identity.documents().size(); i++) {
            var d = identity.documents().get(i);
            String field = "documents[" + i + "]";
            if (d.type() == IdentityDocument.Type.PASSPORT || d.type() == IdentityDocument.Type.NATIONAL_ID) {
                CountryCode.of(d.issuer(), field + ".issuer");
            } else if (d.issuer() == null || !AGENCY.matcher(d.issuer()).matches()) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                        "An issuer is 2 to 20 capitals, digits or dashes (e.g. US-DHS)", field + ".issuer");
            }
            if (d.numberKey().isEmpty()) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A document number needs letters or digits",
                        field + ".number");
            }
            if (!documents.add(d.type() + "/" + d.issuer() + "/" + d.numberKey())) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A document is listed twice", field + ".number");
            }
        }
        for (String language : identity.languages()) {
            if (!LANGUAGE.matcher(language).matches()
                    || (language.length() == 2 && !ISO_LANGUAGES.contains(language))) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                        "A language is an ISO 639 code such as es, en or mam: " + language, "languages");
            }
        }
        if (new HashSet<>(identity.languages()).size() != identity.languages().size()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A language is listed twice", "languages");
        }
        return identity;
    }

    private static void requireLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "At most " + max + " characters", field);
        }
    }

    private String snapshot(Identity identity) {
        return json.writeValueAsString(identity);
    }

    private Map<String, Object> snapshotMap(Identity identity) {
        return json.readValue(snapshot(identity), MAP);
    }

    private static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object from = before.get(key);
            Object to = after.get(key);
            if (!Objects.equals(from, to)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", to);
                changes.put(key, change);
            }
        }
        return changes;
    }

    private String actor() {
        return scope.actorName();
    }

    private static String firstFacility(Person person) {
        return person.facilities().isEmpty() ? null : person.facilities().get(0);
    }

    private static List<String> primaryTokens(Candidate c) {
        return List.of(c.searchNames().split("\\|")[0].split(" "));
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        if (!all.contains(more)) {
            all.add(more);
        }
        return all;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    /** Today in UTC, the bound for birth dates. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}

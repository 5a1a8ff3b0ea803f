package org.habeas.legal;

import static org.habeas.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.CountryCode;
import org.habeas.custody.CustodyService;
import org.habeas.legal.internal.LegalRepository;
import org.habeas.legal.internal.OrderQuality;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal record of a person: court orders and protection decisions (REQ-41, REQ-43), provisional holds
 * (REQ-57), class-wide injunctions (REQ-57), reviews (REQ-56), residences, notices and fear claims (REQ-44), and the
 * versioned policy the removal rules apply (REQ-44). Every entry and status change is journaled in its transaction;
 * nothing is deleted, and a status change keeps the old status in the record's history.
 *
 * <p>A person's record is changed under an advisory lock that the removal rules take in its shared form: an order
 * entered while a removal is being decided either commits first, and the removal reads it and is denied, or waits
 * for the removal to commit and then reports that the person was already removed (never both silently).
 */
@Service
@Transactional(readOnly = true)
public class LegalService {

    /** The longest list a page or the API answers at once. */
    public static final int LIST_LIMIT = 500;

    private final LegalRepository repository;
    private final PeopleService people;
    private final CustodyService custody;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;

    LegalService(LegalRepository repository, PeopleService people, CustodyService custody, FacilityScope scope,
                 Journal journal, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.custody = custody;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    // ---- orders

    /**
     * What the data-quality guard would say of {@code order} (REQ-42), without saving it: the page shows this before
     * the officer saves. Refused as {@link #enterOrder} would refuse the same input.
     */
    public OrderQuality.Finding checkOrder(NewOrder order) {
        people.requireVisible(order.person());
        CountryCode country = validated(order);
        return quality(order.person(), order.type(), country, order.text());
    }

    /**
     * Enters a court order or protection decision. Refused with UNKNOWN_COUNTRY_CODE, ORDER_COUNTRY_REQUIRED (a
     * protection decision without its country), STAY_NEEDS_COURT_AND_CASE, ORDER_DATES_INVALID or VALIDATION_FAILED,
     * each naming the field. A data-quality finding does not refuse: the order is saved, binds at once, and waits for
     * legal review.
     */
    @Transactional
    public OrderEntered enterOrder(NewOrder order) {
        people.requireVisible(order.person());
        CountryCode country = validated(order);
        UUID person = order.person().value();
        repository.lockPerson(person);
        OrderQuality.Finding finding = quality(order.person(), order.type(), country, order.text());
        Instant now = clock.instant();
        RecordStatus status = order.status() == null ? RecordStatus.ACTIVE : order.status();
        var entered = new CourtOrder(UUID.randomUUID(), person, order.type(), order.issuedBy().strip(),
                blankToNull(order.caseNumber()), order.decidedOn(), status, country,
                order.effectiveFrom() == null ? order.decidedOn() : order.effectiveFrom(), order.expiresOn(),
                order.documentReference().strip(), blankToNull(order.text()), finding.flags(),
                List.copyOf(finding.countriesInText()), null, null, now, scope.actorName(), List.of());
        String facility = custody.facilityHolding(order.person()).orElse(null);
        repository.insertOrder(entered, facility);
        repository.recordChanged(person, now);
        repository.insertStatusChange(entered.id(), "ORDER", new StatusChange(now, entered.recordedBy(), null,
                status.name(), "entered from " + entered.documentReference()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("order", entered.id().toString());
        details.put("type", entered.type().name());
        details.put("country", country == null ? null : country.value());
        details.put("caseNumber", entered.caseNumber());
        details.put("status", status.name());
        details.put("flags", finding.flags().stream().map(Enum::name).toList());
        var ended = facility == null && !repository.openEpisodes(List.of(person)).containsKey(person)
                ? repository.latestEnded(person).filter(e -> "REMOVED".equals(e.endKind())) : java.util.Optional
                .<LegalRepository.EndedEpisode>empty();
        ended.ifPresent(e -> details.put("personRemovedAt", e.endedAt().toString()));
        journal.append(JournalEntry.of("LEGAL_ORDER_ENTERED", "person", person.toString()).withFacility(
                facility != null ? facility : ended.map(LegalRepository.EndedEpisode::facility).orElse(null))
                .withDetails(details));
        CourtOrder saved = repository.order(entered.id()).orElseThrow();
        return new OrderEntered(saved, ended.map(LegalRepository.EndedEpisode::endedAt).orElse(null),
                ended.map(LegalRepository.EndedEpisode::destination).orElse(null));
    }

    public List<CourtOrder> orders(PersonId person) {
        people.requireVisible(person);
        return repository.orders(person.value());
    }

    public CourtOrder order(UUID id) {
        CourtOrder order = repository.order(id).orElseThrow(() -> LegalRefused.orderNotFound(id));
        requireVisible(order.person(), () -> LegalRefused.orderNotFound(id));
        return order;
    }

    /**
     * Changes an order's status (appealed, terminated, vacated, or active again) with a reason; the old status stays
     * in its history. Refused with STATUS_UNCHANGED when it already has that status.
     */
    @Transactional
    public CourtOrder changeOrderStatus(UUID id, RecordStatus status, String reason) {
        CourtOrder before = order(id);
        repository.lockPerson(before.person());
        before = repository.order(id).orElseThrow();
        if (before.status() == status) {
            throw LegalRefused.statusUnchanged(status);
        }
        Instant now = clock.instant();
        repository.setOrderStatus(id, status);
        repository.recordChanged(before.person(), now);
        repository.insertStatusChange(id, "ORDER", new StatusChange(now, scope.actorName(), before.status().name(),
                status.name(), reason));
        journal.append(JournalEntry.of("LEGAL_ORDER_STATUS_CHANGED", "person", before.person().toString())
                .withFacility(repository.orderFacility(id).orElse(null)).withReason(reason)
                .withDetails(Map.of("order", id.toString(), "from", before.status().name(), "to", status.name())));
        return repository.order(id).orElseThrow();
    }

    /**
     * Records that a legal officer reviewed the data-quality finding of an order (REQ-42): the structured country
     * was checked against the source. A wrong country is not edited: the order is vacated and a corrected one
     * entered. Reviewing an order without a finding, or twice, is refused with STATUS_UNCHANGED.
     */
    @Transactional
    public CourtOrder reviewOrderQuality(UUID id, String reason) {
        CourtOrder order = order(id);
        if (!order.awaitsReview() || !repository.markOrderReviewed(id, clock.instant(), scope.actorName())) {
            throw LegalRefused.statusUnchanged(RecordStatus.valueOf(order.status().name()));
        }
        journal.append(JournalEntry.of("LEGAL_ORDER_QUALITY_REVIEWED", "person", order.person().toString())
                .withFacility(repository.orderFacility(id).orElse(null)).withReason(reason)
                .withDetails(Map.of("order", id.toString(), "flags", order.flags().stream().map(Enum::name).toList())));
        return repository.order(id).orElseThrow();
    }

    /** The orders the data-quality guard flagged that wait for legal review, oldest first, within scope. */
    public List<CourtOrder> ordersToReview() {
        return repository.ordersToReview(scope.limitedTo().orElse(null), LIST_LIMIT);
    }

    // ---- holds

    /** Enters a provisional hold, which blocks every removal of the person at once (REQ-57). */
    @Transactional
    public Hold enterHold(NewHold command) {
        people.requireVisible(command.person());
        if (command.source() == null) {
            throw LegalRefused.missing("source", "Where the hold comes from is required");
        }
        require(command.summary(), "summary", "What the notice or order says is required");
        UUID person = command.person().value();
        repository.lockPerson(person);
        Instant now = clock.instant();
        Instant received = command.receivedAt() == null ? now : command.receivedAt();
        if (received.isAfter(now.plusSeconds(120))) {
            throw LegalRefused.missing("receivedAt", "A hold cannot be received in the future");
        }
        var hold = new Hold(UUID.randomUUID(), person, command.source(), blankToNull(command.issuedBy()),
                blankToNull(command.caseNumber()), received, command.summary().strip(),
                blankToNull(command.documentReference()), Hold.Status.PROVISIONAL, now, scope.actorName(), null, null,
                List.of());
        String facility = custody.facilityHolding(command.person()).orElse(null);
        repository.insertHold(hold, facility);
        repository.recordChanged(person, now);
        repository.insertStatusChange(hold.id(), "HOLD", new StatusChange(now, hold.recordedBy(), null,
                Hold.Status.PROVISIONAL.name(), "entered from " + hold.source()));
        journal.append(JournalEntry.of("LEGAL_HOLD_ENTERED", "person", person.toString()).withFacility(facility)
                .withDetails(Map.of("hold", hold.id().toString(), "source", hold.source().name())));
        return repository.hold(hold.id()).orElseThrow();
    }

    /** Verifies a provisional hold against its source; it goes on blocking until withdrawn. */
    @Transactional
    public Hold verifyHold(UUID id, String reason) {
        return decideHold(id, Hold.Status.VERIFIED, reason);
    }

    /** Withdraws a hold (the filing was not made, or an order replaced it); removals are no longer blocked by it. */
    @Transactional
    public Hold withdrawHold(UUID id, String reason) {
        return decideHold(id, Hold.Status.WITHDRAWN, reason);
    }

    public List<Hold> holds(PersonId person) {
        people.requireVisible(person);
        return repository.holds(person.value());
    }

    public Hold hold(UUID id) {
        Hold hold = repository.hold(id).orElseThrow(() -> LegalRefused.holdNotFound(id));
        requireVisible(hold.person(), () -> LegalRefused.holdNotFound(id));
        return hold;
    }

    /** Provisional holds not yet verified or withdrawn, oldest first, within scope. */
    public List<Hold> provisionalHolds() {
        return repository.provisionalHolds(scope.limitedTo().orElse(null), LIST_LIMIT);
    }

    private Hold decideHold(UUID id, Hold.Status status, String reason) {
        Hold seen = hold(id);
        repository.lockPerson(seen.person());
        Hold before = repository.lockHold(id).orElseThrow();
        if (before.recordedBy().equals(scope.actorName())) {
            throw LegalRefused.holdDecidedByItsEnterer();
        }
        boolean allowed = before.status() == Hold.Status.PROVISIONAL
                || before.status() == Hold.Status.VERIFIED && status == Hold.Status.WITHDRAWN;
        if (!allowed) {
            throw LegalRefused.holdAlreadyDecided(before.status());
        }
        Instant now = clock.instant();
        repository.decideHold(id, status, now, scope.actorName());
        repository.recordChanged(before.person(), now);
        repository.insertStatusChange(id, "HOLD", new StatusChange(now, scope.actorName(), before.status().name(),
                status.name(), reason));
        journal.append(JournalEntry.of(status == Hold.Status.VERIFIED ? "LEGAL_HOLD_VERIFIED" : "LEGAL_HOLD_WITHDRAWN",
                "person", before.person().toString()).withFacility(repository.holdFacility(id).orElse(null))
                .withReason(reason).withDetails(Map.of("hold", id.toString(), "from", before.status().name())));
        return repository.hold(id).orElseThrow();
    }

    // ---- injunctions

    /**
     * Enters a class-wide injunction. Refused with INJUNCTION_WITHOUT_CRITERIA when it names no class,
     * UNKNOWN_COUNTRY_CODE for a nationality that is not an ISO code, ORDER_DATES_INVALID or VALIDATION_FAILED.
     */
    @Transactional
    public Injunction enterInjunction(NewInjunction command) {
        require(command.issuedBy(), "issuedBy", "The court that issued the injunction is required");
        require(command.caseNumber(), "caseNumber", "The case number is required");
        require(command.documentReference(), "documentReference", "The document reference is required");
        if (command.decidedOn() == null) {
            throw LegalRefused.missing("decidedOn", "The decision date is required");
        }
        if (command.expiresOn() != null && command.expiresOn().isBefore(command.decidedOn())) {
            throw LegalRefused.expiryBeforeDecision("expiresOn");
        }
        if (command.arrestedFrom() != null && command.arrestedTo() != null
                && command.arrestedTo().isBefore(command.arrestedFrom())) {
            throw LegalRefused.missing("arrestedTo", "The class's last day of arrest is before its first");
        }
        Set<String> nationalities = new TreeSet<>();
        for (String n : command.nationalities()) {
            nationalities.add(CountryCode.of(n, "nationalities").value());
        }
        Set<String> facilities = new TreeSet<>();
        command.facilities().stream().filter(f -> f != null && !f.isBlank()).map(String::strip).forEach(facilities::add);
        String basis = blankToNull(command.removalBasis());
        if (basis != null && !basis.matches("[A-Z_]{2,40}")) {
            throw LegalRefused.missing("removalBasis", "The removal basis is a code such as ALIEN_ENEMIES_ACT");
        }
        if (nationalities.isEmpty() && basis == null && facilities.isEmpty() && command.arrestedFrom() == null
                && command.arrestedTo() == null) {
            throw LegalRefused.injunctionWithoutCriteria();
        }
        Instant now = clock.instant();
        RecordStatus status = command.status() == null ? RecordStatus.ACTIVE : command.status();
        var injunction = new Injunction(UUID.randomUUID(), command.issuedBy().strip(), command.caseNumber().strip(),
                command.decidedOn(), status, command.effectiveFrom() == null ? command.decidedOn()
                : command.effectiveFrom(), command.expiresOn(), command.documentReference().strip(),
                blankToNull(command.summary()), nationalities, basis, facilities, command.arrestedFrom(),
                command.arrestedTo(), now, scope.actorName(), List.of());
        repository.insertInjunction(injunction);
        repository.insertStatusChange(injunction.id(), "INJUNCTION", new StatusChange(now, injunction.recordedBy(),
                null, status.name(), "entered from " + injunction.documentReference()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("injunction", injunction.id().toString());
        details.put("caseNumber", injunction.caseNumber());
        details.put("nationalities", List.copyOf(nationalities));
        details.put("removalBasis", basis);
        details.put("facilities", List.copyOf(facilities));
        journal.append(JournalEntry.of("LEGAL_INJUNCTION_ENTERED", "injunction", injunction.id().toString())
                .withDetails(details));
        return repository.injunction(injunction.id()).orElseThrow();
    }

    public List<Injunction> injunctions() {
        return repository.injunctions();
    }

    public Injunction injunction(UUID id) {
        return repository.injunction(id).orElseThrow(() -> LegalRefused.injunctionNotFound(id));
    }

    @Transactional
    public Injunction changeInjunctionStatus(UUID id, RecordStatus status, String reason) {
        Injunction before = injunction(id);
        if (before.status() == status) {
            throw LegalRefused.statusUnchanged(status);
        }
        Instant now = clock.instant();
        repository.setInjunctionStatus(id, status);
        repository.insertStatusChange(id, "INJUNCTION", new StatusChange(now, scope.actorName(),
                before.status().name(), status.name(), reason));
        journal.append(JournalEntry.of("LEGAL_INJUNCTION_STATUS_CHANGED", "injunction", id.toString())
                .withReason(reason).withDetails(Map.of("from", before.status().name(), "to", status.name())));
        return injunction(id);
    }

    // ---- reviews, residences, notices, fear claims

    /**
     * Records a review of the person's legal record for removal to {@code country} (REQ-56): which sources were
     * checked (the court's docket, the immigration court's case status ...) and what they say.
     */
    @Transactional
    public LegalReview recordReview(PersonId person, String country, String sourcesChecked, String conclusion) {
        people.requireVisible(person);
        require(sourcesChecked, "sourcesChecked", "The sources checked are required");
        require(conclusion, "conclusion", "The review's conclusion is required");
        var review = new LegalReview(UUID.randomUUID(), person.value(), CountryCode.of(country, "country"),
                sourcesChecked.strip(), conclusion.strip(), clock.instant(), scope.actorName());
        repository.insertReview(review);
        journal.append(JournalEntry.of("LEGAL_REVIEW_RECORDED", "person", person.toString())
                .withFacility(custody.facilityHolding(person).orElse(null))
                .withDetails(Map.of("review", review.id().toString(), "country", review.country().value())));
        return review;
    }

    /** Records a country the person lived in, for the data-quality guard (REQ-42); recording it twice is a no-op. */
    @Transactional
    public Set<String> addResidence(PersonId person, String country) {
        people.requireVisible(person);
        String code = CountryCode.of(country, "country").value();
        if (repository.insertResidence(person.value(), code, clock.instant(), scope.actorName())) {
            journal.append(JournalEntry.of("LEGAL_RESIDENCE_RECORDED", "person", person.toString())
                    .withFacility(custody.facilityHolding(person).orElse(null)).withDetails(Map.of("country", code)));
        }
        return repository.residences(List.of(person.value())).getOrDefault(person.value(), Set.of());
    }

    /** Records notice of an intended destination to the person and counsel (REQ-44). */
    @Transactional
    public Notice recordNotice(PersonId person, String country, Instant servedAt, boolean toPerson, boolean toCounsel,
                               String language, String method, boolean explainsHowToContest) {
        people.requireVisible(person);
        CountryCode code = CountryCode.of(country, "country");
        Instant now = clock.instant();
        if (servedAt == null || servedAt.isAfter(now.plusSeconds(120))) {
            throw LegalRefused.missing("servedAt", "When the notice was served is required, and not in the future");
        }
        if (language == null || !language.strip().matches("[a-z]{2,3}")) {
            throw LegalRefused.missing("language", "The notice's language is an ISO 639 code such as es or en");
        }
        require(method, "method", "How the notice was served is required");
        var notice = new Notice(UUID.randomUUID(), person.value(), code, servedAt, toPerson, toCounsel,
                language.strip(), method.strip(), explainsHowToContest, now, scope.actorName());
        repository.insertNotice(notice);
        journal.append(JournalEntry.of("LEGAL_NOTICE_RECORDED", "person", person.toString())
                .withFacility(custody.facilityHolding(person).orElse(null))
                .withDetails(Map.of("notice", notice.id().toString(), "country", code.value())));
        return notice;
    }

    /** Records a fear or CAT claim about removal to {@code country} (REQ-44); it is unresolved until decided. */
    @Transactional
    public FearClaim raiseFearClaim(PersonId person, String country, Instant raisedAt, String summary) {
        people.requireVisible(person);
        CountryCode code = CountryCode.of(country, "country");
        require(summary, "summary", "What the person fears is required");
        Instant now = clock.instant();
        var claim = new FearClaim(UUID.randomUUID(), person.value(), code, raisedAt == null ? now : raisedAt,
                summary.strip(), FearClaim.Status.UNRESOLVED, now, scope.actorName(), null, null);
        repository.lockPerson(person.value());
        repository.insertFearClaim(claim);
        journal.append(JournalEntry.of("LEGAL_FEAR_CLAIM_RAISED", "person", person.toString())
                .withFacility(custody.facilityHolding(person).orElse(null))
                .withDetails(Map.of("fearClaim", claim.id().toString(), "country", code.value())));
        return claim;
    }

    /** Records the decision on a fear claim; refused with FEAR_CLAIM_RESOLVED once decided. */
    @Transactional
    public FearClaim resolveFearClaim(UUID id, FearClaim.Status status, String reason) {
        if (status == null || status == FearClaim.Status.UNRESOLVED) {
            throw LegalRefused.missing("status", "A decision is UPHELD, REJECTED or WITHDRAWN");
        }
        FearClaim before = repository.lockFearClaim(id).orElseThrow(() -> LegalRefused.fearClaimNotFound(id));
        requireVisible(before.person(), () -> LegalRefused.fearClaimNotFound(id));
        if (before.status() != FearClaim.Status.UNRESOLVED) {
            throw LegalRefused.fearClaimResolved(before.status());
        }
        Instant now = clock.instant();
        repository.resolveFearClaim(id, status, now, scope.actorName());
        journal.append(JournalEntry.of("LEGAL_FEAR_CLAIM_RESOLVED", "person", before.person().toString())
                .withReason(reason).withDetails(Map.of("fearClaim", id.toString(), "status", status.name())));
        return repository.lockFearClaim(id).orElseThrow();
    }

    // ---- policy

    /**
     * Records a new version of a policy value, effective from {@code effectiveFrom}, with its legal citation
     * (REQ-44). Refused with POLICY_VALUE_INVALID for a value the policy cannot take.
     */
    @Transactional
    public Policy setPolicy(Policy.Name name, String value, Instant effectiveFrom, String citation) {
        if (name == null) {
            throw LegalRefused.missing("name", "The policy's name is required");
        }
        require(citation, "citation", "The legal citation is required");
        if (effectiveFrom == null) {
            throw LegalRefused.missing("effectiveFrom", "From when the value applies is required");
        }
        String normalised = normalisedPolicy(name, value);
        repository.lockPolicy(name);
        Instant now = clock.instant();
        int version = repository.insertPolicy(name, normalised, effectiveFrom, citation.strip(), now,
                scope.actorName());
        journal.append(JournalEntry.of("LEGAL_POLICY_SET", "policy", name.name())
                .withDetails(Map.of("version", version, "value", normalised, "effectiveFrom",
                        effectiveFrom.toString(), "citation", citation.strip())));
        return repository.policies().stream().filter(p -> p.name() == name && p.version() == version).findFirst()
                .orElseThrow();
    }

    /** Every version of every policy value, by name and version. */
    public List<Policy> policies() {
        return repository.policies();
    }

    private static String normalisedPolicy(Policy.Name name, String value) {
        String v = value == null ? "" : value.strip();
        switch (name) {
            case FEAR_CLAIM_BLOCKS -> {
                if (!v.equals("true") && !v.equals("false")) {
                    throw LegalRefused.policyValueInvalid(name, "true or false");
                }
                return v;
            }
            case NOTICE_WINDOW_HOURS, REVIEW_FRESHNESS_DAYS -> {
                try {
                    int n = Integer.parseInt(v);
                    if (n < 0 || n > 10_000) {
                        throw LegalRefused.policyValueInvalid(name, "a whole number from 0 to 10000");
                    }
                    return Integer.toString(n);
                } catch (NumberFormatException e) {
                    throw LegalRefused.policyValueInvalid(name, "a whole number from 0 to 10000");
                }
            }
            default -> throw new IllegalStateException(name.name());
        }
    }

    // ---- the summary

    /**
     * The person's legal record for the legal tab and {@code GET /api/people/{id}/legal}: orders, holds, reviews,
     * notices, fear claims, countries, and the injunctions whose class the person falls in. A sensitive read,
     * journaled (REQ-49).
     */
    @Transactional
    public LegalSummary summary(PersonId person) {
        people.requireVisible(person);
        UUID id = person.value();
        List<UUID> one = List.of(id);
        var episode = repository.openEpisodes(one).get(id);
        Set<String> nationalities = repository.nationalities(one).getOrDefault(id, Set.of());
        List<Injunction> covering = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Injunction injunction : repository.injunctionsInForce()) {
            if (InjunctionClass.covers(injunction, nationalities, null, episode == null ? null : episode.facility(),
                    episode == null ? null : episode.arrestedAt() != null ? episode.arrestedAt()
                            : episode.admittedAt(), today) != InjunctionClass.Match.OUTSIDE) {
                covering.add(injunction);
            }
        }
        List<LegalReview> reviews = repository.reviews(one);
        var summary = new LegalSummary(id, episode == null ? null : episode.facility(),
                episode == null ? null : episode.legalStatus(), nationalities,
                repository.residences(one).getOrDefault(id, Set.of()), repository.orders(id), repository.holds(id),
                covering, reviews, repository.notices(one), repository.fearClaims(one));
        journal.recordRead("legal", id.toString(), episode == null ? null : episode.facility());
        return summary;
    }

    private CountryCode validated(NewOrder order) {
        if (order.type() == null) {
            throw LegalRefused.missing("type", "The type of order is required");
        }
        if (order.type().needsCaseNumber()) {
            if (blankToNull(order.issuedBy()) == null) {
                throw LegalRefused.stayNeedsCourtAndCase(order.type(), "issuedBy");
            }
            if (blankToNull(order.caseNumber()) == null) {
                throw LegalRefused.stayNeedsCourtAndCase(order.type(), "caseNumber");
            }
        }
        require(order.issuedBy(), "issuedBy", "The issuing court or authority is required");
        require(order.documentReference(), "documentReference", "The source document's reference is required");
        if (order.decidedOn() == null) {
            throw LegalRefused.missing("decidedOn", "The decision date is required");
        }
        if (order.decidedOn().isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1))) {
            throw LegalRefused.missing("decidedOn", "The decision date is in the future");
        }
        CountryCode country = blankToNull(order.country()) == null ? null : CountryCode.of(order.country(), "country");
        if (order.type().needsCountry() && country == null) {
            throw LegalRefused.countryRequired(order.type());
        }
        if (order.expiresOn() != null && order.expiresOn().isBefore(order.decidedOn())) {
            throw LegalRefused.expiryBeforeDecision("expiresOn");
        }
        if (order.effectiveFrom() != null && order.effectiveFrom().isBefore(order.decidedOn())) {
            throw LegalRefused.effectiveBeforeDecision();
        }
        return country;
    }

    private OrderQuality.Finding quality(PersonId person, OrderType type, CountryCode country, String text) {
        List<UUID> one = List.of(person.value());
        Set<String> ties = new TreeSet<>(repository.nationalities(one).getOrDefault(person.value(), Set.of()));
        ties.addAll(repository.residences(one).getOrDefault(person.value(), Set.of()));
        return OrderQuality.check(type, country, text, ties);
    }

    private void requireVisible(UUID person, java.util.function.Supplier<RuntimeException> notFound) {
        try {
            people.requireVisible(new PersonId(person));
        } catch (RuntimeException e) {
            throw notFound.get();
        }
    }

    private static void require(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw LegalRefused.missing(field, what);
        }
    }
}

package org.habeas.transfer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.CountryCode;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.habeas.transfer.internal.TransferRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agreements between governments (REQ-46). An agreement is never deleted; every change is a new version kept whole,
 * with its reason, and journaled in the same transaction. People are held under an agreement when their custody
 * episode rests on it (authority TRANSFER_AGREEMENT, reference the agreement's id); each needs a long-term
 * disposition before the term ends, and those without one are listed as the end approaches.
 *
 * <p>Days are UTC calendar days: the term's ends are dates agreed between governments, not a facility's local days.
 */
@Service
@Transactional(readOnly = true)
public class AgreementService {

    /** The longest list the API or a page answers at once. */
    public static final int LIST_LIMIT = 500;
    /** The longest statement period, in days: the charts draw one point a day. */
    public static final int LONGEST_PERIOD_DAYS = 3660;

    private final TransferRepository repository;
    private final PeopleService people;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;
    private final int defaultAlertDays;

    AgreementService(TransferRepository repository, PeopleService people, FacilityScope scope, Journal journal,
                     Clock clock, @Value("${habeas.transfer.expiry-alert-days:60}") int defaultAlertDays) {
        this.repository = repository;
        this.people = people;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
        this.defaultAlertDays = defaultAlertDays;
    }

    /**
     * Records a new agreement as its version 1. Refused with UNKNOWN_COUNTRY_CODE (a party's state),
     * AGREEMENT_TERM_INVALID (the term ends before it starts), VALIDATION_FAILED (a currency that is not three
     * letters) and AGREEMENT_REFERENCE_TAKEN.
     */
    @Transactional
    public Agreement record(AgreementTerms terms) {
        AgreementTerms checked = checked(terms);
        if (repository.agreementByReference(checked.reference()).isPresent()) {
            throw TransferRefused.referenceTaken(checked.reference());
        }
        var agreement = new Agreement(UUID.randomUUID(), 1, checked, clock.instant(), scope.actorName());
        repository.insertAgreement(agreement);
        repository.insertVersion(agreement, "recorded");
        journal.append(JournalEntry.of("AGREEMENT_RECORDED", "agreement", agreement.id().toString())
                .withDetails(summary(agreement)));
        return agreement;
    }

    /**
     * Changes an agreement: a new version with {@code reason}, the old one kept. Refused with AGREEMENT_NOT_FOUND,
     * AGREEMENT_VERSION_STALE (the caller changed a version that is no longer the latest), and as {@link #record}.
     */
    @Transactional
    public Agreement change(UUID id, int expectedVersion, AgreementTerms terms, String reason) {
        Agreement current = repository.lockAgreement(id).orElseThrow(() -> TransferRefused.agreementNotFound(id));
        if (current.version() != expectedVersion) {
            throw TransferRefused.versionStale(expectedVersion, current.version());
        }
        AgreementTerms checked = checked(terms);
        Optional<Agreement> other = repository.agreementByReference(checked.reference());
        if (other.isPresent() && !other.get().id().equals(id)) {
            throw TransferRefused.referenceTaken(checked.reference());
        }
        var next = new Agreement(id, current.version() + 1, checked, clock.instant(), scope.actorName());
        if (!repository.updateAgreement(next)) {
            throw TransferRefused.versionStale(expectedVersion, current.version() + 1);
        }
        repository.insertVersion(next, reason);
        Map<String, Object> details = summary(next);
        details.put("previousVersion", current.version());
        journal.append(JournalEntry.of("AGREEMENT_CHANGED", "agreement", id.toString()).withReason(reason)
                .withDetails(details));
        return next;
    }

    public Agreement agreement(UUID id) {
        return repository.agreement(id).orElseThrow(() -> TransferRefused.agreementNotFound(id));
    }

    public List<Agreement> agreements() {
        return repository.agreements(LIST_LIMIT);
    }

    /** Every version of the agreement, oldest first. */
    public List<AgreementVersion> versions(UUID id) {
        agreement(id);
        return repository.versions(id);
    }

    /**
     * Agreements in force whose term ends within their alert window from today (or within {@code withinDays} when
     * given), the soonest first, with how many of their people still have no disposition.
     */
    public List<ExpiringAgreement> expiring(Integer withinDays) {
        LocalDate today = today();
        List<ExpiringAgreement> expiring = new ArrayList<>();
        for (Agreement a : repository.agreements(LIST_LIMIT)) {
            long daysLeft = ChronoUnit.DAYS.between(today, a.terms().termEnd());
            int window = withinDays != null ? withinDays : a.terms().alertDays();
            if (daysLeft < 0 || daysLeft > window) {
                continue;
            }
            List<HeldPerson> held = repository.heldNow(a.id());
            expiring.add(new ExpiringAgreement(a.id(), a.terms().reference(), a.terms().termEnd(), daysLeft,
                    held.size(), held.stream().filter(h -> h.disposition() == null).count()));
        }
        expiring.sort(java.util.Comparator.comparing(ExpiringAgreement::termEnd));
        return expiring;
    }

    /** The people held now under the agreement, in the facilities the reader may see, with their disposition. */
    public List<HeldPerson> heldNow(UUID id) {
        agreement(id);
        return repository.heldNow(id).stream().filter(h -> scope.allows(h.facility())).toList();
    }

    /** How many people are held now under the agreement, in every facility (the figure its cap is measured by). */
    public long heldCount(UUID id) {
        return repository.heldNow(id).size();
    }

    /** The people held now under the agreement, that the reader may see, who have no long-term disposition yet. */
    public List<HeldPerson> withoutDisposition(UUID id) {
        return heldNow(id).stream().filter(h -> h.disposition() == null).toList();
    }

    public List<Disposition> dispositions(UUID id) {
        agreement(id);
        return repository.dispositions(id);
    }

    /**
     * Records a person's long-term disposition under the agreement; a later one replaces it in the lists, the earlier
     * stays on record. Refused with AGREEMENT_NOT_FOUND, PERSON_NOT_FOUND and NOT_HELD_UNDER_AGREEMENT.
     */
    @Transactional
    public Disposition recordDisposition(UUID id, PersonId person, DispositionKind kind, LocalDate decidedOn,
                                         String decidedBy, String note) {
        agreement(id);
        people.requireVisible(person);
        if (!repository.everHeldUnder(id, person.value())) {
            throw TransferRefused.notHeld(person.value(), id);
        }
        var d = new Disposition(UUID.randomUUID(), id, person.value(), kind, decidedOn, decidedBy.strip(),
                note == null || note.isBlank() ? null : note.strip(), clock.instant(), scope.actorName());
        repository.insertDisposition(d);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("agreement", id.toString());
        details.put("disposition", d.id().toString());
        details.put("kind", kind.name());
        details.put("decidedOn", decidedOn.toString());
        journal.append(JournalEntry.of("AGREEMENT_DISPOSITION_RECORDED", "person", person.toString())
                .withDetails(details));
        return d;
    }

    /**
     * The statement of the agreement for {@code from} to {@code to} (both included; by default the term up to today).
     * Refused with AGREEMENT_NOT_FOUND, and VALIDATION_FAILED for a period that ends before it starts or is longer
     * than {@link #LONGEST_PERIOD_DAYS}.
     */
    public AgreementStatement statement(UUID id, LocalDate from, LocalDate to) {
        Agreement a = agreement(id);
        AgreementTerms t = a.terms();
        LocalDate today = today();
        LocalDate start = from != null ? from : t.termStart();
        LocalDate end = to != null ? to : (today.isBefore(t.termEnd()) ? max(today, start) : t.termEnd());
        if (end.isBefore(start)) {
            throw TransferRefused.periodInvalid();
        }
        if (ChronoUnit.DAYS.between(start, end) >= LONGEST_PERIOD_DAYS) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "A statement covers at most %d days".formatted(LONGEST_PERIOD_DAYS), "from");
        }
        var counted = repository.peopleAndDays(id, start, end);
        var perDay = repository.heldPerDay(id, start, end);
        List<HeldPerson> heldNow = repository.heldNow(id);

        List<AgreementStatement.Day> days = new ArrayList<>();
        BigDecimal costToDate = BigDecimal.ZERO;
        long cumulativeDays = 0;
        long cumulativeArrivals = 0;
        // The per-person cost to date counts episodes as they begin; the period's total counts distinct people.
        for (var day : perDay) {
            cumulativeDays += day.held();
            cumulativeArrivals += day.arrived();
            costToDate = switch (t.priceModel()) {
                case LUMP_SUM -> lumpSumShare(t, start, day.day());
                case PER_PERSON -> t.priceAmount().multiply(BigDecimal.valueOf(cumulativeArrivals));
                case PER_DETAINEE_DAY -> t.priceAmount().multiply(BigDecimal.valueOf(cumulativeDays));
            };
            days.add(new AgreementStatement.Day(day.day(), day.held(), money(costToDate)));
        }
        BigDecimal cost = switch (t.priceModel()) {
            case LUMP_SUM -> lumpSumShare(t, start, end);
            case PER_PERSON -> t.priceAmount().multiply(BigDecimal.valueOf(counted.people()));
            case PER_DETAINEE_DAY -> t.priceAmount().multiply(BigDecimal.valueOf(counted.days()));
        };
        BigDecimal capUsage = t.capacityCap() == null ? null
                : BigDecimal.valueOf(heldNow.size()).divide(BigDecimal.valueOf(t.capacityCap()), 4,
                RoundingMode.HALF_UP);
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, t.termEnd()));
        List<HeldPerson> without = heldNow.stream().filter(h -> h.disposition() == null)
                .filter(h -> scope.allows(h.facility())).toList();
        return new AgreementStatement(id, t.reference(), start, end, counted.people(), counted.days(), t.currency(),
                money(cost), divided(cost, counted.people()), divided(cost, counted.days()), t.capacityCap(),
                heldNow.size(), capUsage, daysLeft, without, days);
    }

    /** Today's UTC date, the day the terms are judged on. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The agreement that {@code reference} (an episode's authority reference) names, if it is one on record. */
    public Optional<Agreement> byAuthorityReference(String reference) {
        try {
            return reference == null ? Optional.empty() : repository.agreement(UUID.fromString(reference.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    // A lump sum is spread evenly over the days of the term; the period's share covers its days within the term.
    private static BigDecimal lumpSumShare(AgreementTerms t, LocalDate from, LocalDate to) {
        long termDays = ChronoUnit.DAYS.between(t.termStart(), t.termEnd()) + 1;
        LocalDate a = max(from, t.termStart());
        LocalDate b = to.isAfter(t.termEnd()) ? t.termEnd() : to;
        long inTerm = b.isBefore(a) ? 0 : ChronoUnit.DAYS.between(a, b) + 1;
        return t.priceAmount().multiply(BigDecimal.valueOf(inTerm)).divide(BigDecimal.valueOf(termDays), 2,
                RoundingMode.HALF_UP);
    }

    private static BigDecimal divided(BigDecimal cost, long by) {
        return by == 0 ? null : cost.divide(BigDecimal.valueOf(by), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private AgreementTerms checked(AgreementTerms t) {
        CountryCode sending = CountryCode.of(t.sendingState(), "sendingState");
        CountryCode receiving = CountryCode.of(t.receivingState(), "receivingState");
        if (t.termEnd().isBefore(t.termStart())) {
            throw TransferRefused.termInvalid();
        }
        String currency = t.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The currency is an ISO 4217 code", "currency");
        }
        List<String> categories = t.acceptedCategories().stream().map(String::strip).filter(c -> !c.isEmpty())
                .map(c -> c.toUpperCase(Locale.ROOT)).distinct().sorted().toList();
        return new AgreementTerms(t.reference().strip(), t.title().strip(), sending.value(), t.sendingAgency().strip(),
                receiving.value(), t.receivingAgency().strip(), t.instrument(), t.binding(), t.termStart(),
                t.termEnd(), t.priceModel(), t.priceAmount(), currency, t.capacityCap(), categories,
                t.standards().strip(), t.access(), t.reportingDuties().strip(), t.returnClause().strip(),
                t.alertDays() == null ? defaultAlertDays : t.alertDays());
    }

    private static Map<String, Object> summary(Agreement a) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reference", a.terms().reference());
        details.put("version", a.version());
        details.put("termStart", a.terms().termStart().toString());
        details.put("termEnd", a.terms().termEnd().toString());
        details.put("sendingState", a.terms().sendingState());
        details.put("receivingState", a.terms().receivingState());
        return details;
    }
}

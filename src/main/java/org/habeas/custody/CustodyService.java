package org.habeas.custody;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.access.Permission;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.custody.internal.CustodyRepository;
import org.habeas.custody.internal.CustodyRepository.MovementInProgress;
import org.habeas.custody.internal.LedgerMetrics;
import org.habeas.estate.CapacityLimit;
import org.habeas.estate.EstateService;
import org.habeas.estate.Location;
import org.habeas.estate.LocationId;
import org.habeas.estate.Occupancy;
import org.habeas.people.AdmissionFacts;
import org.habeas.people.Birth;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.habeas.vetting.Decision;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.MovementDenied;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admission and all later movements (invariants 1..6, docs/architecture.md). Each command is one transaction that locks
 * the person's whereabouts, asks the vetting engine, keeps the estate's occupancy in step, appends to the ledger,
 * updates the whereabouts projection and journals, all in the same commit.
 */
@Service
@Transactional(readOnly = true)
public class CustodyService {

    /** The vetting rule whose approved override lets a placement fill a cell up to its maximum capacity. */
    /** The particular naming the kind of legal basis a movement rests on (see {@link #basisOf}). */
    public static final String BASIS = "basis";

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final Duration BACKDATING_NEEDS_REASON = Duration.ofMinutes(5);

    private final CustodyRepository repository;
    private final List<PlacementLocks> placementLocks;
    private final ApplicationEventPublisher events;
    private final VettingService vetting;
    private final Occupancy occupancy;
    private final EstateService estate;
    private final PeopleService people;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;
    private final Duration backdatingWindow;
    private final PlatformTransactionManager transactions;
    private final LedgerMetrics ledgerMetrics;

    CustodyService(CustodyRepository repository, List<PlacementLocks> placementLocks, ApplicationEventPublisher events,
                   VettingService vetting, Occupancy occupancy, EstateService estate,
                   PeopleService people, FacilityScope scope, Journal journal, Clock clock,
                   PlatformTransactionManager transactions,
                   @Value("${habeas.custody.backdating-window:PT24H}") Duration backdatingWindow,
                   LedgerMetrics ledgerMetrics) {
        this.ledgerMetrics = ledgerMetrics;
        this.repository = repository;
        this.placementLocks = placementLocks;
        this.events = events;
        this.vetting = vetting;
        this.occupancy = occupancy;
        this.estate = estate;
        this.people = people;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
        this.backdatingWindow = backdatingWindow;
        this.transactions = transactions;
    }

    /**
     * Opens a custody episode in the facility's reception. Refused without a legal authority (REQ-02,
     * VALIDATION_FAILED naming it), for a person already in custody (ALREADY_IN_CUSTODY), for a facility or person
     * the officer cannot see, or a record merged into another (FACILITY_NOT_FOUND, PERSON_NOT_FOUND), and for a time
     * outside the backdating window or inside an earlier episode (MOVEMENT_TIME_INVALID). A complaint of prior
     * ill-treatment opens a referral to an independent body (REQ-17). The same path as {@link #admitAll}.
     */
    @Transactional
    public Admitted admit(Admission admission) {
        Outcome outcome = admitEach(List.of(admission)).get(0);
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        // The officer who typed the record gets it back under the same field-level rules as any reader.
        return new Admitted(confidentialPartsFor(repository.episodes(admission.person()).get(0), new HashSet<>()),
                repository.whereabouts(admission.person()).map(this::withPath).orElseThrow(),
                outcome.opened().referral());
    }

    /**
     * Admits many people at once (a mass arrest, a manifest's arrivals). The batch is one transaction, so it costs
     * one commit (one flush of the write-ahead log) however long it is, and each person is still all-or-nothing:
     * the rules are checked per line against reads made once for the whole batch, the lines that pass are written
     * in one statement, and if the database refuses that statement (an admission time inside an earlier episode, a
     * concurrent admission of the same person) it is rolled back to its savepoint and every line is written again
     * under a savepoint of its own, so only the refused lines are left out. Answers one result per line, in order. A
     * second line for the same person is refused ALREADY_IN_CUSTODY.
     */
    @Transactional
    public List<AdmissionResult> admitAll(List<Admission> admissions) {
        List<Outcome> outcomes = admitEach(admissions);
        List<AdmissionResult> results = new ArrayList<>(admissions.size());
        for (int i = 0; i < admissions.size(); i++) {
            Outcome o = outcomes.get(i);
            UUID person = admissions.get(i).person().value();
            results.add(o.refused() == null ? new AdmissionResult(i, person, 201, null, null, o.opened().episode())
                    : new AdmissionResult(i, person, o.refused().status().value(), o.refused().code().name(),
                    o.refused().getMessage(), null));
        }
        return results;
    }

    /** What an admission opened: the episode and, for a complaint of ill-treatment, the referral. */
    private record Opened(UUID episode, UUID referral) {
    }

    /** One line's result: what it opened, or why it was refused. */
    private record Outcome(Opened opened, HabeasException refused) {
    }

    /**
     * The admissions of {@link #admit} and {@link #admitAll}: reads for the whole batch (the facilities, the people's
     * admission facts, who is in custody), the rules per line in the order a single admission checks them, one
     * statement for the lines that pass, then the facility links and the journal entries for the batch.
     */
    private List<Outcome> admitEach(List<Admission> admissions) {
        var savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        // A refusal thrown through another module's transactional method marks the transaction rollback-only;
        // under a savepoint, rolling back to it clears that again.
        Map<String, HabeasException> facilityRefusals = new HashMap<>();
        Map<String, ZoneId> zones = new HashMap<>();
        for (String facility : new java.util.LinkedHashSet<>(admissions.stream().map(Admission::facility).toList())) {
            try {
                zones.put(facility, savepoint.execute(status -> estate.facility(facility)).facility().timeZone());
            } catch (HabeasException refused) {
                facilityRefusals.put(facility, refused);
            }
        }
        List<PersonId> ids = admissions.stream().map(Admission::person).toList();
        Map<PersonId, AdmissionFacts> facts = people.admissionFacts(ids);
        Set<UUID> inCustody = repository.inCustody(ids);

        Instant now = clock.instant();
        Outcome[] outcomes = new Outcome[admissions.size()];
        Map<Integer, CustodyRepository.NewAdmission> passed = new LinkedHashMap<>();
        // Lines refused only because an earlier line of the batch admits the same person: if the database refuses
        // that earlier line, the later one is tried in its place, as it would have been line by line.
        Map<Integer, CustodyRepository.NewAdmission> repeated = new LinkedHashMap<>();
        Set<UUID> inBatch = new HashSet<>();
        for (int i = 0; i < admissions.size(); i++) {
            Admission admission = admissions.get(i);
            try {
                if (facilityRefusals.containsKey(admission.facility())) {
                    throw facilityRefusals.get(admission.facility());
                }
                var checked = checked(admission, facts.get(admission.person()), zones.get(admission.facility()),
                        now);
                if (inCustody.contains(admission.person().value())) {
                    throw CustodyRefused.alreadyInCustody(admission.person());
                }
                if (!inBatch.add(admission.person().value())) {
                    repeated.put(i, checked);
                    throw CustodyRefused.alreadyInCustody(admission.person());
                }
                passed.put(i, checked);
            } catch (HabeasException refused) {
                outcomes[i] = new Outcome(null, refused);
            }
        }
        if (!passed.isEmpty()) {
            try {
                savepoint.executeWithoutResult(status -> repository.insertAdmissions(List.copyOf(passed.values())));
            } catch (DataIntegrityViolationException refusedByTheDatabase) {
                Map<Integer, CustodyRepository.NewAdmission> lines = new java.util.TreeMap<>(passed);
                lines.putAll(repeated);
                passed.clear();
                Set<UUID> admitted = new HashSet<>();
                for (var line : lines.entrySet()) {
                    if (admitted.contains(line.getValue().person().value())) {
                        continue;   // a repeated line of a person admitted above: stays ALREADY_IN_CUSTODY
                    }
                    try {
                        savepoint.executeWithoutResult(status -> {
                            try {
                                repository.insertAdmissions(List.of(line.getValue()));
                            } catch (DataIntegrityViolationException e) {
                                throw refusal(e, line.getValue().person());
                            }
                        });
                        passed.put(line.getKey(), line.getValue());
                        admitted.add(line.getValue().person().value());
                        outcomes[line.getKey()] = null;
                    } catch (HabeasException refused) {
                        outcomes[line.getKey()] = new Outcome(null, refused);
                    }
                }
            }
        }
        if (passed.isEmpty()) {
            return List.of(outcomes);
        }
        ledgerMetrics.recorded(MovementKind.ADMITTED.name(), passed.size());
        passed.values().stream().map(CustodyRepository.NewAdmission::admittedAt)
                .filter(at -> at.isBefore(now.minus(BACKDATING_NEEDS_REASON))).min(Instant::compareTo)
                .ifPresent(at -> events.publishEvent(new LedgerBackdated(at)));
        Map<String, List<PersonId>> byFacility = new java.util.TreeMap<>();
        passed.values().forEach(a -> byFacility.computeIfAbsent(a.facility(), f -> new ArrayList<>()).add(a.person()));
        byFacility.forEach((facility, linked) -> people.linkAllToFacility(linked, facility));

        List<JournalEntry> entries = new ArrayList<>();
        for (var line : passed.entrySet()) {
            Admission admission = admissions.get(line.getKey());
            CustodyRepository.NewAdmission a = line.getValue();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("episode", a.id().toString());
            details.put("movement", a.movement().toString());
            details.put("legalStatus", admission.legalStatus().name());
            details.put("authority", admission.authority().type().name());
            details.put("authorityReference", admission.authority().documentReference());
            entries.add(JournalEntry.of("PERSON_ADMITTED", "person", admission.person().toString())
                    .withFacility(admission.facility()).withReason(admission.reason()).withDetails(details));
            if (a.referral() != null) {
                entries.add(JournalEntry.of("ILL_TREATMENT_REFERRAL_OPENED", "person", admission.person().toString())
                        .withFacility(admission.facility()).withDetails(Map.of("referral", a.referral().toString())));
            }
            outcomes[line.getKey()] = new Outcome(new Opened(a.id(), a.referral()), null);
        }
        journal.appendAll(entries);
        // Into the outbox in this transaction (decision 0010): the duties to tell family and counsel follow it.
        for (CustodyRepository.NewAdmission a : passed.values()) {
            events.publishEvent(new CustodyEvent.PersonAdmitted(a.movement(), a.person(), a.facility(),
                    a.admittedAt(), a.contacts().stream().filter(c -> c.relation() != Contact.Relation.CHILD)
                    .toList()));
        }
        return List.of(outcomes);
    }

    /** The rules of one admission line, in the order a single admission has always checked them. */
    private CustodyRepository.NewAdmission checked(Admission admission, AdmissionFacts person, ZoneId zone,
                                                   Instant now) {
        requireAuthority(admission.authority());
        if (admission.legalStatus() == null) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The legal status is required", "legalStatus");
        }
        if (person == null) {
            throw PeopleService.notFound(admission.person());
        }
        Instant admittedAt = checkedTime(admission.admittedAt(), now, Optional.empty(), admission.reason());
        if (admission.arrest() != null && admission.arrest().at() != null && admission.arrest().at().isAfter(admittedAt)) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The arrest cannot be after the admission",
                    "arrest.at");
        }
        UUID referral = blankToNull(admission.illTreatmentComplaint()) == null ? null : UUID.randomUUID();
        Map<String, Object> particulars = Map.of("authority", admission.authority().type().name(),
                "authorityReference", admission.authority().documentReference());
        boolean juvenile = juvenileOn(person.birth(), admittedAt.atZone(zone).toLocalDate());
        return new CustodyRepository.NewAdmission(UUID.randomUUID(), admission.person(), admission.facility(),
                admission.legalStatus(), person.recordedSex().name(), juvenile,
                admission.authority(), admission.arrest(), admittedAt, now, actor(),
                blankToNull(admission.visibleInjuries()), blankToNull(admission.illTreatmentComplaint()),
                admission.property(), admission.contacts(), referral, UUID.randomUUID(), admission.reason(),
                particulars);
    }

    /**
     * What the database's refusal of one admission means to the officer: 23P01, the exclusion constraint, is an
     * admission time inside an earlier episode (invariant 6); 23505 on the whereabouts is the person admitted by
     * someone else meanwhile. Anything else is a bug, not the officer's mistake, and stays one.
     */
    private static RuntimeException refusal(DataIntegrityViolationException e, PersonId person) {
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql) {
            if ("23P01".equals(sql.getSQLState())) {
                return CustodyRefused.timeOutOfOrder("The admission time falls inside an earlier custody episode");
            }
            if ("23505".equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains("whereabouts_pkey")) {
                return CustodyRefused.alreadyInCustody(person);
            }
        }
        return e;
    }

    /**
     * Records one movement. Refused with NOT_IN_CUSTODY, CONCURRENT_MOVEMENT (another movement of the person is
     * being recorded), WHEREABOUTS_CHANGED (the officer's view is stale), INVALID_TRANSITION (with the current
     * state), VALIDATION_FAILED (a field the kind needs), MOVEMENT_TIME_INVALID, the vetting denial's code
     * (MovementDenied, whose decision and journal entry commit), or the estate's capacity codes.
     */
    @Transactional(noRollbackFor = MovementDenied.class)
    public Moved move(MoveCommand command) {
        if (command.kind() == MovementKind.CORRECTED) {
            throw missing("A correction is recorded as a correction of the entry it corrects", "type");
        }
        Whereabouts current;
        try {
            current = repository.lockWhereabouts(command.person())
                    .orElseThrow(() -> CustodyRefused.notInCustody(command.person()));
        } catch (MovementInProgress busy) {
            throw CustodyRefused.movementInProgress(command.person());
        }
        MovementKind kind = command.kind();
        scope.require(facilityOf(kind, current));
        if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
            throw CustodyRefused.stale(command.expectedVersion(), current.version());
        }
        if (!kind.allowedFrom(current.kind())) {
            throw CustodyRefused.invalidTransition(kind, current.kind());
        }
        Location target = requiredFields(command, current);
        if (target != null) {
            estate.holdDesignations(target.facilityCode());
            placementLocks.forEach(locks -> locks.lockBeforeVetting(command.person(), target));
        }
        Instant now = clock.instant();
        Instant at = checkedTime(command.occurredAt(), now, repository.lastMovementTime(command.person()),
                command.reason());

        Decision decision = null;
        if (kind.vettedAs() != null) {
            decision = vetting.decide(vettingRequest(command, current, at), command.overrides()).requireAllowed();
        }
        if (current instanceof Whereabouts.InCell inCell) {
            occupancy.vacate(inCell.location());
        }
        if (target != null) {
            occupancy.occupy(target.id(), CapacityLimit.after(decision));
        }

        String facility = facilityOf(kind, current);
        String destination = destinationOf(command, current);
        UUID movement = UUID.randomUUID();
        if (at.isBefore(now.minus(BACKDATING_NEEDS_REASON))) {
            events.publishEvent(new LedgerBackdated(at));
        }
        repository.insertMovement(movement, command.person(), current.episode(), kind, at, now, kind.toState(),
                facility, current, target == null ? null : target.id().value(), destination, command.detail(), command.authority(),
                command.reason(), actor(), decision == null ? null : decision.id(), command.particulars());
        ledgerMetrics.recorded(kind.name(), 1);
        if (kind.ends() != null) {
            repository.deleteWhereabouts(command.person());
            repository.endEpisode(current.episode(), at, kind.ends());
        } else {
            repository.updateWhereabouts(command.person(), kind.to(), facility,
                    target == null ? null : target.id().value(), kind.to() == WhereaboutsKind.RECEPTION ? null
                            : destination, command.detail(), at, movement);
        }
        if (kind == MovementKind.ARRIVED) {
            people.linkToFacility(command.person(), facility);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("movement", movement.toString());
        details.put("from", current.kind().name());
        details.put("to", kind.toState());
        if (target != null) {
            details.put("location", target.pathKey());
        }
        if (destination != null) {
            details.put("destination", destination);
        }
        if (decision != null) {
            details.put("overridesUsed", decision.overridesUsed().stream().map(UUID::toString).toList());
        }
        journal.append(JournalEntry.of("PERSON_" + kind.name(), "person", command.person().toString())
                .withFacility(facility).withReason(command.reason()).withDetails(details));
        CustodyEvent moved = CustodyEvent.of(kind, movement, command.person(), facility, at, destination,
                command.detail(), command.reason(), MoveCommand.HOSPITAL.equals(command.particulars().get("purpose")));
        if (moved != null) {
            events.publishEvent(moved);
        }
        Movement entry = repository.ledger(command.person()).stream().filter(m -> m.id().equals(movement))
                .findFirst().orElseThrow();
        return new Moved(entry, repository.whereabouts(command.person()).map(this::withPath).orElse(null), decision);
    }

    /**
     * Corrects one entry of the ledger (REQ-06, REQ-51; invariant 5): appends a CORRECTED entry that names it, says
     * why, and restates the movement with its right time and/or cell; or, {@code enteredInError}, says it never
     * happened. The entry itself is never changed: it stays as recorded, marked superseded, and the roll, the day's
     * counts and the consistency check read the correction in its place. One transaction, under the locks of a move.
     *
     * <p>What can be corrected: the person's latest entry that stands (the one the whereabouts rest on) in the open
     * custody episode, so that the corrected ledger is still a sequence of states each movement was allowed from; an
     * earlier entry is corrected by correcting, latest first, back to it. Not an admission (it opens the episode on
     * its legal authority), nor a movement that ended custody, nor an entry that says a movement never happened.
     * Who: someone who recorded neither the entry nor any entry it corrects (two people; the API and pages let only
     * supervisors). A cell put on record (a corrected cell, or the cell a movement entered in error took the person
     * out of) is vetted as the move into it from where the record has the person now (CELL_MOVE from a cell,
     * PLACEMENT otherwise) and counted in under its capacity: a record must not place someone where the rules would
     * refuse. A corrected time passes the checks of a movement's time (not in the future, within the backdating
     * window, not before the previous movement). A movement entered in error is restated as the state before it, at
     * the time of the entry before it.
     *
     * <p>Refused with CONCURRENT_MOVEMENT, MOVEMENT_NOT_FOUND (no such entry of the person, or out of scope),
     * MOVEMENT_SUPERSEDED (naming the correction to correct instead), CORRECTION_NOT_LATEST, MOVEMENT_NOT_CORRECTABLE,
     * WHEREABOUTS_CHANGED, CORRECTION_BY_RECORDER, VALIDATION_FAILED (naming the field), MOVEMENT_TIME_INVALID, the
     * vetting denial's code (its decision and journal entry commit), or the estate's capacity codes.
     */
    @Transactional(noRollbackFor = MovementDenied.class)
    public Corrected correct(CorrectionCommand command) {
        PersonId person = command.person();
        Optional<Whereabouts> locked;
        try {
            locked = repository.lockWhereabouts(person);
        } catch (MovementInProgress busy) {
            throw CustodyRefused.movementInProgress(person);
        }
        CustodyRepository.Entry entry = repository.entry(person, command.movement())
                .filter(e -> scope.allows(e.movement().facility()))
                .orElseThrow(() -> CustodyRefused.movementNotFound(command.movement()));
        Movement corrected = entry.movement();
        if (corrected.superseded()) {
            throw CustodyRefused.superseded(corrected.id(), corrected.supersededBy());
        }
        MovementKind kind = corrected.standsFor();
        if (kind != null && kind.ends() != null) {
            throw CustodyRefused.notCorrectable("Custody ended with this " + kind + "; an ended custody episode is"
                    + " not corrected in the ledger");
        }
        Whereabouts current = locked.filter(w -> w.lastMovement().equals(corrected.id()))
                .orElseThrow(() -> CustodyRefused.notLatest(corrected.id()));
        if (corrected.enteredInError()) {
            throw CustodyRefused.notCorrectable("This entry says a movement never happened; if it did, record it");
        }
        if (kind == MovementKind.ADMITTED) {
            throw CustodyRefused.notCorrectable("The admission opens the custody episode on its legal authority;"
                    + " it is not corrected in the ledger");
        }
        if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
            throw CustodyRefused.stale(command.expectedVersion(), current.version());
        }
        if (repository.recordersOf(corrected.id()).contains(actor())) {
            throw CustodyRefused.byRecorder(actor());
        }
        require(command.reason(), "reason", "A correction needs a reason");
        boolean inError = command.enteredInError();
        if (inError && (command.occurredAt() != null || command.toLocation() != null)) {
            throw missing("A movement entered in error has no time or cell to correct", "enteredInError");
        }
        if (!inError && command.occurredAt() == null && command.toLocation() == null) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Say what was wrong: the time, the cell, or that"
                    + " the movement never happened", "occurredAt", "toLocation", "enteredInError");
        }
        if (command.toLocation() != null && kind != MovementKind.PLACED && kind != MovementKind.MOVED) {
            throw missing("Only a placement or a cell move has a cell to correct", "toLocation");
        }
        if (command.occurredAt() != null && command.occurredAt().equals(corrected.occurredAt())) {
            throw missing("The entry already has this time", "occurredAt");
        }

        // The entry before it (of the same episode: an admission is never corrected, so it stands before).
        Movement previous = repository.latestStanding(person, corrected.id()).orElseThrow().movement();
        Instant now = clock.instant();
        Instant at = inError ? previous.occurredAt() : command.occurredAt() == null ? corrected.occurredAt()
                : checkedTime(command.occurredAt(), now, Optional.of(previous.occurredAt()), command.reason());
        // Where the corrected record has the person: the state before the entry when it never happened.
        WhereaboutsKind state = inError ? WhereaboutsKind.valueOf(entry.fromState()) : current.kind();
        String facility = inError ? entry.fromFacility() : current.facility();
        LocationId into = inError ? (corrected.fromLocation() == null ? null : new LocationId(corrected.fromLocation()))
                : command.toLocation();

        Location target = null;
        Decision decision = null;
        if (into != null) {
            target = lockedCells(current.cell(), into, facility);
            if (!inError && target.id().equals(current.cell())) {
                throw missing("The entry already names " + target.pathKey(), "toLocation");
            }
            if (!inError && kind == MovementKind.MOVED && target.id().value().equals(corrected.fromLocation())) {
                throw missing("The person was moved from " + target.pathKey() + "; if the move never happened, say"
                        + " it was entered in error", "toLocation");
            }
            estate.holdDesignations(target.facilityCode());
            Location cell = target;
            placementLocks.forEach(locks -> locks.lockBeforeVetting(person, cell));
            decision = vetting.decide(new VettingRequest(person.value(), current.cell() == null
                    ? MovementAction.PLACEMENT : MovementAction.CELL_MOVE, current.facility(),
                    current.cell() == null ? null : current.cell().value(), target.id().value(), null, null, null,
                    null, now), command.overrides()).requireAllowed();
        }
        String pathWas = current.cell() == null ? null
                : occupancy.find(current.cell()).map(Location::pathKey).orElse(null);
        if (current instanceof Whereabouts.InCell inCell && (target != null || state != WhereaboutsKind.IN_CELL)) {
            occupancy.vacate(inCell.location());
        }
        if (target != null) {
            occupancy.occupy(target.id(), CapacityLimit.after(decision));
        }

        // The roll from the earlier of the two times on no longer holds (a movement entered in error is restated at
        // the time of the entry before it, which changes nothing there: from its own time).
        Instant changedFrom = inError || corrected.occurredAt().isBefore(at) ? corrected.occurredAt() : at;
        if (changedFrom.isBefore(now.minus(BACKDATING_NEEDS_REASON))) {
            events.publishEvent(new LedgerBackdated(changedFrom));
        }
        UUID correction = UUID.randomUUID();
        ledgerMetrics.recorded(LedgerMetrics.CORRECTION, 1);
        UUID cell = target != null ? target.id().value() : state == WhereaboutsKind.IN_CELL && !inError
                ? corrected.toLocation() : null;
        if (inError) {
            // The state before, exactly as the entry recorded it (so the roll's delta of the restatement is nil),
            // with the destination and detail of the entry before it, which put the person there.
            String destination = state == WhereaboutsKind.IN_TRANSIT ? entry.fromDestination()
                    : state == WhereaboutsKind.RECEPTION ? null : previous.destination();
            repository.insertCorrection(correction, entry, null, at, now, state.name(), facility, cell, destination,
                    previous.detail(), null, command.reason(), actor(), decision == null ? null : decision.id(),
                    Map.of());
            repository.updateWhereabouts(person, state, facility, cell, destination, previous.detail(), at,
                    correction);
        } else {
            repository.insertCorrection(correction, entry, kind, at, now, corrected.toState(), corrected.facility(),
                    cell, corrected.destination(), corrected.detail(), corrected.authority(), command.reason(),
                    actor(), decision == null ? null : decision.id(), corrected.particulars());
            repository.updateWhereabouts(person, state, facility, cell, current.json().destination(),
                    current.json().detail(), at, correction);
        }

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("movement", correction.toString());
        details.put("corrects", corrected.id().toString());
        details.put("kind", kind.name());
        if (inError) {
            details.put("enteredInError", true);
            details.put("to", state.name());
        }
        if (!at.equals(corrected.occurredAt())) {
            details.put("occurredAtWas", corrected.occurredAt().toString());
            details.put("occurredAt", at.toString());
        }
        if (pathWas != null && (target != null || state != WhereaboutsKind.IN_CELL)) {
            details.put("locationWas", pathWas);
        }
        if (target != null) {
            details.put("location", target.pathKey());
        }
        if (decision != null) {
            details.put("overridesUsed", decision.overridesUsed().stream().map(UUID::toString).toList());
        }
        journal.append(JournalEntry.of("MOVEMENT_CORRECTED", "person", person.toString())
                .withFacility(corrected.facility()).withReason(command.reason()).withDetails(details));
        Map<UUID, Movement> ledger = new HashMap<>();
        repository.ledger(person).forEach(m -> ledger.put(m.id(), m));
        return new Corrected(ledger.get(correction), ledger.get(corrected.id()),
                repository.whereabouts(person).map(this::withPath).orElseThrow(), decision);
    }

    /**
     * The facility responsible for the person now, when in custody and within the reader's facility scope. Not a read
     * of the whereabouts (nothing about where the person is goes back to the caller beyond what the caller may see),
     * so not journaled: the pages use it for the facility's time zone before recording a movement (REQ-49).
     */
    @Transactional(readOnly = true)
    public Optional<String> facilityHolding(PersonId person) {
        return repository.whereabouts(person).filter(w -> scope.allows(w.facility())
                || (w instanceof Whereabouts.InTransit t && scope.allows(t.toFacility()))).map(Whereabouts::facility);
    }

    /**
     * Where the person is now, with the cell's path key; empty when not in custody or out of the reader's facility
     * scope. A sensitive read, journaled (REQ-49).
     */
    @Transactional
    public Optional<Whereabouts> whereabouts(PersonId person) {
        Optional<Whereabouts> found = repository.whereabouts(person)
                .filter(w -> scope.allows(w.facility())
                        || (w instanceof Whereabouts.InTransit t && scope.allows(t.toFacility())))
                .map(this::withPath);
        found.ifPresent(w -> journal.recordRead("whereabouts", person.toString(), w.facility()));
        return found;
    }

    /**
     * Where the person stands, for the public locator (REQ-16): whoever asks, whatever their facility scope, and
     * nothing more than {@link CustodyStanding} tells (never the cell). Not journaled here: the locator journals the
     * enquiry that asked. Empty when the person has never been in custody.
     */
    public Optional<CustodyStanding> standing(PersonId person) {
        return repository.standing(person);
    }

    /**
     * Every custody episode of the person, newest first, with the Rule 7 admission record; journaled as a read of
     * the person's custody record (subject {@code custody}, REQ-49), not of their identity record, which it does not
     * show. Visible injuries, complaints of ill-treatment and children's data are withheld from a reader without the
     * MEDICAL, COMPLAINTS or CHILDREN permission (REQ-14, REQ-09); which of them were shown is journaled (REQ-49),
     * not their content.
     */
    @Transactional
    public List<Episode> episodes(PersonId person) {
        people.requireVisible(person);
        List<Episode> episodes = repository.episodes(person);
        if (!episodes.isEmpty()) {
            journal.recordRead("custody", person.toString(), episodes.get(0).facility());
        }
        Set<String> shown = new java.util.TreeSet<>();
        List<Episode> readable = episodes.stream().map(e -> confidentialPartsFor(e, shown)).toList();
        if (!shown.isEmpty()) {
            journal.append(JournalEntry.of("READ", "person", person.toString())
                    .withFacility(episodes.get(0).facility())
                    .withDetails(Map.of("what", "custody-confidential", "fields", List.copyOf(shown))));
        }
        return readable;
    }

    /** The episode as the current reader may see it; adds to {@code shown} the confidential fields it shows. */
    private Episode confidentialPartsFor(Episode e, Set<String> shown) {
        List<String> withheld = new ArrayList<>();
        String injuries = e.visibleInjuries();
        if (!scope.holds(Permission.MEDICAL)) {
            withheld.add(Episode.VISIBLE_INJURIES);
            injuries = null;
        } else if (injuries != null) {
            shown.add(Episode.VISIBLE_INJURIES);
        }
        String complaint = e.illTreatmentComplaint();
        if (!scope.holds(Permission.COMPLAINTS)) {
            withheld.add(Episode.ILL_TREATMENT_COMPLAINT);
            complaint = null;
        } else if (complaint != null) {
            shown.add(Episode.ILL_TREATMENT_COMPLAINT);
        }
        List<Contact> contacts = e.contacts();
        boolean children = contacts.stream().anyMatch(c -> c.relation() == Contact.Relation.CHILD);
        if (!scope.holds(Permission.CHILDREN)) {
            withheld.add(Episode.CHILDREN);
            contacts = contacts.stream().filter(c -> c.relation() != Contact.Relation.CHILD).toList();
        } else if (children) {
            shown.add(Episode.CHILDREN);
        }
        return new Episode(e.id(), e.person(), e.facility(), e.legalStatus(), e.authority(), e.arrest(),
                e.admittedAt(), e.admittedBy(), injuries, complaint, e.property(), contacts, e.endedAt(), e.ended(),
                withheld);
    }

    /**
     * The person's ledger, oldest first (REQ-06): how they got to where they are; journaled as a read of the ledger
     * (subject {@code ledger}, REQ-49), not of the identity record, which it does not show.
     */
    @Transactional
    public List<Movement> ledger(PersonId person) {
        people.requireVisible(person);
        List<Movement> ledger = repository.ledger(person);
        if (!ledger.isEmpty()) {
            journal.recordRead("ledger", person.toString(), ledger.get(ledger.size() - 1).facility());
        }
        return ledger;
    }

    private Whereabouts withPath(Whereabouts w) {
        if (w instanceof Whereabouts.InCell inCell) {
            return inCell.withPath(occupancy.find(inCell.location()).map(Location::pathKey).orElse(null));
        }
        return w;
    }

    // The facility a movement is recorded in: the one an arrival arrives at, the one holding the person otherwise.
    private static String facilityOf(MovementKind kind, Whereabouts current) {
        return kind == MovementKind.ARRIVED && current instanceof Whereabouts.InTransit transit ? transit.toFacility()
                : current.facility();
    }

    private VettingRequest vettingRequest(MoveCommand command, Whereabouts current, Instant at) {
        MovementKind kind = command.kind();
        boolean abroad = kind == MovementKind.REMOVED || kind == MovementKind.HANDED_OVER;
        return new VettingRequest(command.person().value(), kind.vettedAs(), current.facility(),
                current.cell() == null ? null : current.cell().value(),
                command.toLocation() == null ? null : command.toLocation().value(),
                kind == MovementKind.TRANSFERRED_OUT ? command.destination() : null,
                abroad ? command.destination() : null, abroad ? command.detail() : null,
                parseUuid(command.agreement()), at, basisOf(command));
    }

    /**
     * The legal basis a movement names, for the rules that judge it: its kind from {@code particulars.basis} (a
     * release's COURT_ORDER or END_OF_SENTENCE, a removal's ALIEN_ENEMIES_ACT ...) and its document from
     * {@code authority}; null when it names neither.
     */
    private static VettingRequest.Basis basisOf(MoveCommand command) {
        String type = command.particulars().get(BASIS) instanceof String text && !text.isBlank() ? text.strip() : null;
        String reference = command.authority() == null || command.authority().isBlank() ? null
                : command.authority().strip();
        return type == null && reference == null ? null : new VettingRequest.Basis(type, reference);
    }

    private static UUID parseUuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The agreement is not a valid id", "agreement");
        }
    }

    private static String destinationOf(MoveCommand command, Whereabouts current) {
        return switch (command.kind()) {
            case TRANSFERRED_OUT, TEMPORARILY_OUT, HANDED_OVER, REMOVED, RELEASED, ESCAPED, DIED -> command.destination();
            case ARRIVED, PLACED, MOVED, RETURNED, ADMITTED, CORRECTED -> null;
        };
    }

    /** Checks the fields the kind needs; answers the target cell for a placement or cell move. */
    private Location requiredFields(MoveCommand command, Whereabouts current) {
        switch (command.kind()) {
            case PLACED, MOVED -> {
                if (command.toLocation() == null) {
                    throw missing("A cell is required", "toLocation");
                }
                LocationId from = current.cell();
                Location cell = lockedCells(from, command.toLocation(), current.facility());
                if (command.kind() == MovementKind.MOVED && cell.id().equals(from)) {
                    throw missing("The person is already in " + cell.pathKey(), "toLocation");
                }
                return cell;
            }
            case TRANSFERRED_OUT -> {
                require(command.destination(), "destination", "The destination facility is required");
                require(command.detail(), "detail", "The escort is required (REQ-35)");
                if (command.destination().equals(current.facility())) {
                    throw missing("A transfer leaves the facility", "destination");
                }
            }
            case TEMPORARILY_OUT -> {
                require(command.destination(), "destination", "Where the person is going is required");
                require(command.detail(), "detail", "The purpose (court, hospital, ...) is required");
            }
            case REMOVED, HANDED_OVER -> {
                require(command.destination(), "destination", "The destination country is required");
                if (!command.destination().matches("[A-Z]{2}")) {
                    throw missing("The destination is an ISO 3166-1 alpha-2 country code", "destination");
                }
                require(command.detail(), "detail", "The receiving authority is required (REQ-40)");
                require(command.authority(), "authority", "The legal basis of the removal is required");
            }
            case RELEASED -> {
                if (!Boolean.TRUE.equals(command.particulars().get("identityChecked"))) {
                    throw missing("A release needs the identity check done (REQ-39)", "particulars.identityChecked");
                }
                require(command.particulars().get("identityCheckedBy") instanceof String who ? who : null,
                        "particulars.identityCheckedBy", "Who checked the identity is required (REQ-39)");
                require(command.destination(), "destination", "To whom or where the person was released is required");
                require(command.authority(), "authority", "The authority for the release is required");
            }
            case DIED -> {
                for (String field : List.of("circumstances", "cause", "remainsDestination", "authorityNotified")) {
                    Object value = command.particulars().get(field);
                    if (!(value instanceof String text) || text.isBlank()) {
                        throw missing("A death record needs " + field + " (REQ-12f, REQ-13)", "particulars." + field);
                    }
                }
            }
            case ESCAPED -> require(command.destination(), "destination", "The last known place is required");
            case ARRIVED, RETURNED, ADMITTED -> { }
        }
        return null;
    }

    /**
     * Locks the cell the person is in ({@code from}, if any) and the one they go {@code into}, in id order: the rules
     * then read occupants no concurrent placement can change (two officers placing two rivals into one cell at once:
     * the second sees the first). Answers the cell gone into; LOCATION_NOT_FOUND out of scope,
     * LOCATION_IN_ANOTHER_FACILITY outside {@code facility}.
     */
    private Location lockedCells(LocationId from, LocationId into, String facility) {
        if (from != null && from.value().compareTo(into.value()) < 0) {
            occupancy.lock(from);
        }
        Location cell = occupancy.lock(into).filter(l -> scope.allows(l.facilityCode()))
                .orElseThrow(() -> new org.habeas.common.NotFound(ErrorCode.LOCATION_NOT_FOUND, "No location " + into));
        if (from != null && from.value().compareTo(into.value()) > 0) {
            occupancy.lock(from);
        }
        if (!cell.facilityCode().equals(facility)) {
            throw CustodyRefused.wrongFacility(cell.pathKey(), facility);
        }
        return cell;
    }

    private static void require(String value, String field, String detail) {
        if (value == null || value.isBlank()) {
            throw missing(detail, field);
        }
    }

    private static InvalidRequest missing(String detail, String field) {
        return new InvalidRequest(ErrorCode.VALIDATION_FAILED, detail, field);
    }

    private static void requireAuthority(LegalAuthority authority) {
        if (authority == null) {
            throw missing("No admission without a legal authority (REQ-02)", "authority");
        }
        if (authority.type() == null) {
            throw missing("The type of the legal authority is required (REQ-02)", "authority.type");
        }
        require(authority.issuingAuthority(), "authority.issuingAuthority", "The issuing authority is required");
        require(authority.documentReference(), "authority.documentReference", "The document reference is required");
        if (authority.issuedOn() == null) {
            throw missing("The date of the legal authority is required", "authority.issuedOn");
        }
    }

    /**
     * A movement's time: now unless given. Never in the future, never before the backdating window, never before the
     * person's previous movement (the ledger reads in time order), and a reason when backdated by more than minutes.
     */
    private Instant checkedTime(Instant requested, Instant now, Optional<Instant> previous, String reason) {
        Instant at = requested == null ? now : requested;
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw CustodyRefused.timeOutOfOrder("A movement cannot be recorded in the future");
        }
        if (at.isBefore(now.minus(backdatingWindow))) {
            throw CustodyRefused.timeOutOfOrder("A movement can be backdated by at most " + backdatingWindow);
        }
        if (previous.isPresent() && at.isBefore(previous.get())) {
            throw CustodyRefused.timeOutOfOrder("The person's previous movement was at " + previous.get());
        }
        if (at.isBefore(now.minus(BACKDATING_NEEDS_REASON)) && (reason == null || reason.isBlank())) {
            throw missing("A backdated movement needs a reason", "reason");
        }
        return at;
    }

    /**
     * Under 18 on {@code day} (REQ-20, REQ-21): by the birth date, or by the latest day a partial birth date allows
     * (the end of the month or of the year), so that a person who may still be a minor is treated as one; by the
     * estimated age when the birth is unknown. A person of unknown age is classed as an adult and the placement
     * officer sees the unknown birth. Used at admission (the facility's local day) and on coming of age.
     */
    static boolean juvenileOn(Birth birth, LocalDate day) {
        if (birth.date() != null) {
            LocalDate latest = switch (birth.precision()) {
                case YEAR_MONTH -> birth.date().withDayOfMonth(birth.date().lengthOfMonth());
                case YEAR -> birth.date().withDayOfYear(birth.date().lengthOfYear());
                default -> birth.date();
            };
            return latest.plusYears(18).isAfter(day);
        }
        return birth.estimatedAge() != null && birth.estimatedAge() < 18;
    }

    private String actor() {
        return scope.actorName();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * The vetting request {@link #move} would put to the engine for {@code command} now, so the pages dry-run
     * exactly that movement and request overrides for it (one engine call, no second logic). Refused like
     * the move for a person not in custody or out of scope (NOT_IN_CUSTODY) and for a movement the person's state
     * does not allow (INVALID_TRANSITION); empty for a movement that is recorded, not vetted.
     */
    public Optional<VettingRequest> vettingRequestFor(MoveCommand command) {
        Whereabouts current = repository.whereabouts(command.person()).filter(w -> scope.allows(w.facility()))
                .orElseThrow(() -> CustodyRefused.notInCustody(command.person()));
        if (!command.kind().allowedFrom(current.kind())) {
            throw CustodyRefused.invalidTransition(command.kind(), current.kind());
        }
        if (command.kind().vettedAs() == null) {
            return Optional.empty();
        }
        Instant at = command.occurredAt() == null ? clock.instant() : command.occurredAt();
        return Optional.of(vettingRequest(command, current, at));
    }
}

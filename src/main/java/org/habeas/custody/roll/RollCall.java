package org.habeas.custody.roll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.common.Replica;

import org.habeas.custody.placement.CellCountCheck;
import org.habeas.custody.ConsistencyReport;
import org.habeas.custody.placement.CellCountCheck;
import org.habeas.custody.roll.internal.RollRepository;
import org.habeas.custody.roll.internal.RollRepository.StateCount;
import org.habeas.estate.EstateService;
import org.habeas.estate.FacilityFigures;
import org.habeas.estate.Location;
import org.habeas.estate.LocationKind;
import org.habeas.estate.LocationStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roll: who a facility holds and where, now or at any past instant, per module; and the consistency check that
 * recomputes whereabouts and occupancy from the ledger (invariant 6). Facility scope applies through the estate.
 */
@Service
@Transactional(readOnly = true)
public class RollCall {

    /**
     * A day's checkpoint is stored on first use only once no movement can be recorded before it any more in the
     * normal course: movements are recorded within seconds, and a backdated one deletes the checkpoints it precedes.
     */
    static final Duration SETTLED = Duration.ofMinutes(10);

    private final RollRepository repository;
    private final EstateService estate;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final CellCountCheck cellCounts;
    private final Replica replica;

    RollCall(RollRepository repository, EstateService estate, Clock clock, PlatformTransactionManager transactions,
             CellCountCheck cellCounts, Replica replica) {
        this.replica = replica;
        this.repository = repository;
        this.estate = estate;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cellCounts = cellCounts;
    }

    /** The roll now: cells from their stored population, everyone else from the whereabouts projection. */
    public FacilityRoll now(String facility) {
        return replica.read(() -> rollNow(facility));
    }

    private FacilityRoll rollNow(String facility) {
        Instant now = clock.instant();
        // The day's counter (V52) finds the facility's local day itself: no read of the facility here, the estate's
        // locations check that it exists and is in scope.
        return roll(facility, now, false, repository.nowOutsideCells(facility),
                () -> repository.arrivedAndLeftToday(facility, now));
    }

    /**
     * The roll at a past instant, from the ledger: the latest roll checkpoint at or before it plus the movements
     * since (the start of the instant's UTC day is checkpointed on first use). Exactly the replay of the whole
     * ledger ({@link RollRepository} AT), which the property test checks. A future instant is read as now.
     */
    public FacilityRoll at(String facility, Instant at) {
        return replica.read(() -> rollAt(facility, at));
    }

    private FacilityRoll rollAt(String facility, Instant at) {
        Instant now = clock.instant();
        if (at.isAfter(now)) {
            return rollNow(facility);
        }
        Instant dayStart = at.truncatedTo(ChronoUnit.DAYS);
        Optional<Instant> checkpoint = repository.latestCheckpoint(at);
        if ((checkpoint.isEmpty() || checkpoint.get().isBefore(dayStart)) && !dayStart.isAfter(now.minus(SETTLED))) {
            ownTransaction.executeWithoutResult(status -> repository.storeCheckpoint(dayStart, now));
            checkpoint = Optional.of(dayStart);
        }
        List<StateCount> counts = new ArrayList<>(checkpoint.map(c -> repository.checkpoint(facility, c))
                .orElse(List.of()));
        counts.addAll(repository.delta(facility, checkpoint.orElse(null), at));
        // Part of a day: counted from the ledger, from the start of the instant's day in the facility's time zone.
        return roll(facility, at, true, counts, () -> {
            var zone = estate.facility(facility).facility().timeZone();
            return repository.arrivedAndLeftBetween(facility, at.atZone(zone).toLocalDate().atStartOfDay(zone)
                    .toInstant(), at);
        });
    }

    /**
     * Stores the roll checkpoint at {@code at} (every facility), computed from the latest earlier one and the
     * movements between; nothing if it exists. For the daily job, and for whoever wants one at another instant.
     */
    @Transactional
    public void checkpoint(Instant at) {
        // A movement recorded within minutes of its time does not look for checkpoints to invalidate (only a
        // backdated one does), so a checkpoint is never taken that close to now.
        if (at.isAfter(clock.instant().minus(SETTLED))) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "A roll checkpoint is taken at least " + SETTLED.toMinutes() + " minutes in the past", "at");
        }
        repository.storeCheckpoint(at, clock.instant());
    }

    /**
     * Checkpoints the start of every UTC day, from the day after the latest checkpoint (or the first movement) up to
     * the last settled one; answers how many it stored. Each day is its own transaction, built from the day before.
     */
    public int checkpointDays() {
        Instant now = clock.instant();
        Instant last = now.minus(SETTLED).truncatedTo(ChronoUnit.DAYS);
        Optional<Instant> from = repository.latestCheckpoint(last).or(repository::firstMovement);
        if (from.isEmpty()) {
            return 0;
        }
        int stored = 0;
        for (Instant day = from.get().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS); !day.isAfter(last);
             day = day.plus(1, ChronoUnit.DAYS)) {
            Instant taken = day;
            ownTransaction.executeWithoutResult(status -> repository.storeCheckpoint(taken, now));
            stored++;
        }
        return stored;
    }

    /**
     * Recomputes whereabouts and cell occupancy from the ledger and lists every difference from what is stored; and
     * the per-cell counts of the placement rules from whereabouts and allegations.
     */
    public ConsistencyReport check() {
        List<String> differences = new ArrayList<>(repository.projectionDifferences());
        differences.addAll(repository.dayCountDifferences());
        Map<UUID, Integer> inCells = repository.inCellByLocation();
        int locations = 0;
        for (FacilityFigures figures : estate.facilities()) {
            for (Location location : estate.locations(figures.facility().code())) {
                locations++;
                int fromWhereabouts = inCells.getOrDefault(location.id().value(), 0);
                if (location.population() != fromWhereabouts) {
                    differences.add("location %s: occupancy %d, people in it %d".formatted(location.pathKey(),
                            location.population(), fromWhereabouts));
                }
            }
        }
        differences.addAll(cellCounts.differences());
        return new ConsistencyReport(clock.instant(), repository.peopleInCustody(), locations, differences);
    }

    private FacilityRoll roll(String code, Instant at, boolean fromLedger, List<StateCount> states,
                              java.util.function.Supplier<int[]> arrivedAndLeftToday) {
        List<Location> locations = estate.locations(code);
        Map<UUID, Integer> inCell = new HashMap<>();
        if (!fromLedger) {
            locations.forEach(l -> inCell.put(l.id().value(), l.population()));
        }
        int reception = 0, out = 0, transitIn = 0, transitOut = 0, handedOver = 0;
        for (StateCount s : states) {
            switch (s.state()) {
                case "IN_CELL" -> inCell.merge(s.location(), s.people(), Integer::sum);
                case "RECEPTION" -> reception += s.people();
                case "TEMPORARILY_OUT" -> out += s.people();
                case "HANDED_OVER" -> handedOver += s.people();
                case "IN_TRANSIT" -> {
                    if (code.equals(s.facility())) {
                        transitOut += s.people();
                    } else {
                        transitIn += s.people();
                    }
                }
                default -> { }
            }
        }
        Map<String, Location> modules = new LinkedHashMap<>();
        Map<String, int[]> perModule = new LinkedHashMap<>();   // inCells, cna, operational, vacancies, aboveCna
        int cells = 0, operational = 0, vacancies = 0, aboveCna = 0;
        for (Location location : locations) {
            if (location.kind() == LocationKind.MODULE) {
                modules.put(location.pathKey(), location);
                perModule.put(location.pathKey(), new int[5]);
            }
        }
        for (Location location : locations) {
            int people = inCell.getOrDefault(location.id().value(), 0);
            cells += people;
            if (location.capacity() == null || location.status() != LocationStatus.ACTIVE) {
                continue;
            }
            int free = Math.max(0, location.capacity().operational() - people);
            int crowded = Math.max(0, people - location.capacity().certifiedNormal());
            operational += location.capacity().operational();
            vacancies += free;
            aboveCna += crowded;
            int[] module = perModule.get(moduleKey(location));
            if (module != null) {
                module[0] += people;
                module[1] += location.capacity().certifiedNormal();
                module[2] += location.capacity().operational();
                module[3] += free;
                module[4] += crowded;
            }
        }
        int[] arrivedAndLeft = arrivedAndLeftToday.get();
        var totals = new RollCounts(cells + reception + out, cells, reception, out, transitIn, transitOut, handedOver,
                arrivedAndLeft[0], arrivedAndLeft[1],
                cells + reception, operational, vacancies, aboveCna);
        List<RollLevel> levels = new ArrayList<>();
        perModule.forEach((key, f) -> levels.add(new RollLevel(key, modules.get(key).name(), f[0], f[1], f[2], f[3],
                f[4])));
        return new FacilityRoll(code, at, fromLedger, totals, levels);
    }

    // CECOT-M1-C07 belongs to module CECOT-M1: path keys are readable on purpose.
    private static String moduleKey(Location location) {
        String relative = location.relativePath();
        int dash = relative.indexOf('-');
        return location.facilityCode() + "-" + (dash < 0 ? relative : relative.substring(0, dash));
    }
}

package org.habeas.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.habeas.access.FacilityScope;
import org.habeas.common.Replica;
import org.habeas.custody.internal.PopulationRepository;
import org.habeas.custody.internal.PopulationRepository.Change;
import org.habeas.estate.EstateService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Population over time from the movement ledger (REQ-19): per day, the population on the roll at the end of the day
 * and the day's admissions, transfers, releases, removals, handovers, deaths and escapes, in total or by category.
 * A past day's population is worked back from now: who is on the roll now, less what each movement after that day
 * changed. That is the replay of the ledger the roll and the consistency check rest on (invariant 6), read in one
 * statement, so it costs the movements since the first day asked for, not the ledger's whole history. Facility scope
 * applies through the estate; read-only work goes to the replica when one is usable.
 */
@Service
@Transactional(readOnly = true)
public class PopulationHistory {

    private final PopulationRepository repository;
    private final EstateService estate;
    private final FacilityScope scope;
    private final Replica replica;

    PopulationHistory(PopulationRepository repository, EstateService estate, FacilityScope scope, Replica replica) {
        this.repository = repository;
        this.estate = estate;
        this.scope = scope;
        this.replica = replica;
    }

    /**
     * The facilities' days from {@code from} to {@code to} (local days; each facility's own, added up), by
     * {@code by} (null: one total per day). Every day of the range has a row for every category that had someone on
     * the roll or a movement in it, in day then category order. The caller validates the range (it may not end after
     * today); a facility the reader may not see answers FACILITY_NOT_FOUND.
     */
    public List<DailyPopulation> daily(Collection<String> facilities, LocalDate from, LocalDate to,
                                       PopulationCategory by) {
        if (facilities.isEmpty()) {
            return List.of();
        }
        Instant since = facilities.stream().map(code -> from.atStartOfDay(zone(code)).toInstant())
                .min(Instant::compareTo).orElseThrow();
        List<Change> changes = replica.read(() -> repository.changes(facilities, by, since, from));
        return days(changes, from, to);
    }

    /**
     * Arrivals and departures of the facilities over the local days {@code from} to {@code to}: {arrived, left}. Only
     * the reader's scope is checked (no facility is read): a code that is no facility counts nothing.
     */
    public long[] arrivedAndLeft(Collection<String> facilities, LocalDate from, LocalDate to) {
        facilities.forEach(scope::require);
        return facilities.isEmpty() ? new long[] {0, 0}
                : replica.read(() -> repository.arrivedAndLeft(facilities, from, to));
    }

    /** How many people the facilities have on their rolls now (in cells, in reception, temporarily out); as above. */
    public long onTheRollNow(Collection<String> facilities) {
        facilities.forEach(scope::require);
        return facilities.isEmpty() ? 0 : replica.read(() -> repository.onTheRollNow(facilities));
    }

    // Population at the end of day d = on the roll now - the changes of every later day. Walked from the last day
    // recorded back to the first asked for, one running total per category.
    private static List<DailyPopulation> days(List<Change> changes, LocalDate from, LocalDate to) {
        Map<String, Long> running = new HashMap<>();
        TreeMap<LocalDate, Map<String, Change>> byDay = new TreeMap<>();
        TreeSet<String> categories = new TreeSet<>();
        for (Change c : changes) {
            if (c.day() == null) {
                running.merge(c.category(), c.held(), Long::sum);
                categories.add(c.category());
            } else {
                byDay.computeIfAbsent(c.day(), d -> new HashMap<>()).put(c.category(), c);
                if (!c.day().isAfter(to)) {
                    categories.add(c.category());
                }
            }
        }
        // Take back the changes of the days after the range: the running totals are then the end of `to`.
        for (Map<String, Change> day : byDay.tailMap(to, false).values()) {
            day.values().forEach(c -> running.merge(c.category(), -c.held(), Long::sum));
        }
        List<List<DailyPopulation>> latestFirst = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LocalDate day = to; !day.isBefore(from); day = day.minusDays(1)) {
            Map<String, Change> today = byDay.getOrDefault(day, Map.of());
            List<DailyPopulation> ofDay = new ArrayList<>();
            for (String category : categories) {
                Change c = today.get(category);
                long population = running.getOrDefault(category, 0L);
                ofDay.add(c == null ? new DailyPopulation(day, category, population, 0, 0, 0, 0, 0, 0, 0, 0)
                        : new DailyPopulation(day, category, population, c.admissions(), c.transfersIn(),
                                c.transfersOut(), c.releases(), c.removals(), c.handovers(), c.deaths(), c.escapes()));
                if (c != null) {
                    running.merge(category, -c.held(), Long::sum);
                }
                if (population != 0 || c != null) {
                    seen.add(category);
                }
            }
            latestFirst.add(ofDay);
        }
        // A category nobody in the range belonged to (someone admitted since, say) is left out.
        List<DailyPopulation> rows = new ArrayList<>();
        for (int i = latestFirst.size() - 1; i >= 0; i--) {
            latestFirst.get(i).stream().filter(r -> seen.contains(r.category())).forEach(rows::add);
        }
        return rows;
    }

    private ZoneId zone(String facility) {
        return estate.facilityOnly(facility).timeZone();
    }
}

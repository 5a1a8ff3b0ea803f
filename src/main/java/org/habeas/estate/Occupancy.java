package org.habeas.estate;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.habeas.estate.internal.EstateRepository;
import org.habeas.vetting.Evaluation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored occupancy of each place, for the custody module to keep in step with every placement and move.
 * Both commands must run inside the caller's transaction ({@code MANDATORY}): the count commits with the movement
 * that justifies it or not at all, so occupancy always equals what the ledger says (invariant 6, docs/architecture.md).
 *
 * <p>The guard is a single conditional {@code UPDATE} on the place's row: concurrent callers queue on its row lock
 * and each sees the count the previous one committed, so twenty officers placing into the last bed get one bed
 * between them, and the database's own CHECK refuses anything above maximum capacity even without this class.
 * A refusal writes nothing and does not mark the caller's transaction for rollback, so the caller may journal it.
 *
 * <p>Neither command journals: the movement that causes the change is the journal entry. Facility scope is the
 * caller's business (it has already checked the person and the place it moves them to).
 */
@Service
@Transactional(readOnly = true)
public class Occupancy {

    private static final Evaluation.Shared<LocationId, Location> LOCATIONS = new Evaluation.Shared<>("estate.location");

    private final EstateRepository repository;
    private final Clock clock;

    Occupancy(EstateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Counts one more person into {@code place}; returns its new population. Refused with
     * {@code LOCATION_NOT_FOUND}; {@code LOCATION_INACTIVE} for a place out of use or not yet open;
     * {@code CAPACITY_EXCEEDED} at operational capacity (or at the figure of a temporary capacity override in
     * force) when {@code limit} is {@link CapacityLimit#OPERATIONAL}; {@code MAXIMUM_CAPACITY_EXCEEDED} at maximum
     * capacity, whatever the limit; {@code CAPACITY_NOT_APPLICABLE} for a place that holds nobody (a module).
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = EstateRefused.class)
    public int occupy(LocationId place, CapacityLimit limit) {
        var now = clock.instant();
        Optional<Integer> population = repository.occupy(place.value(), limit, now);
        if (population.isPresent()) {
            return population.get();
        }
        // Refused: read the row to say why. It may have moved on since, but the refusal stands either way.
        Location location = repository.findLocation(place.value())
                .orElseThrow(() -> EstateRefused.locationNotFound(place));
        if (location.status() != LocationStatus.ACTIVE) {
            throw EstateRefused.inactive(location.pathKey(), location.status());
        }
        if (location.capacity() == null) {
            throw EstateRefused.notApplicable(location.pathKey(), location.kind());
        }
        if (limit == CapacityLimit.MAXIMUM || location.population() >= location.capacity().maximum()) {
            throw EstateRefused.maximumExceeded(location.pathKey(), location.population(),
                    location.capacity().maximum());
        }
        throw EstateRefused.capacityExceeded(location.pathKey(), location.population(),
                repository.operationalLimits(List.of(place.value()), now).get(place.value()));
    }

    /** Counts one person out of {@code place}; returns its new population. Refused with {@code LOCATION_EMPTY}. */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = EstateRefused.class)
    public int vacate(LocationId place) {
        return repository.vacate(place.value()).orElseThrow(() -> repository.findLocation(place.value())
                .map(l -> EstateRefused.empty(l.pathKey()))
                .orElseGet(() -> EstateRefused.locationNotFound(place)));
    }

    /**
     * Locks the place until the caller's transaction ends, so rules that read who is in it (capacity,
     * non-associations) decide on a state no concurrent placement can change meanwhile. Callers that lock two places
     * lock them in id order, so two movements in opposite directions cannot deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Location> lock(LocationId place) {
        return repository.lockLocation(place.value());
    }

    /** The places directly under {@code parent} (a module's cells), as they are now. */
    public List<Location> children(LocationId parent) {
        return repository.children(parent.value());
    }

    /** A place as it is now, whatever its facility; empty when there is no such place. */
    public Optional<Location> find(LocationId place) {
        return Optional.ofNullable(findAll(List.of(place)).get(place));
    }

    /** {@link #find} for many places at once; absent places are left out. */
    public Map<LocationId, Location> findAll(Collection<LocationId> places) {
        Map<LocationId, Location> found = new HashMap<>();
        repository.findLocations(places.stream().distinct().map(LocationId::value).toList())
                .forEach(l -> found.put(l.id(), l));
        return found;
    }

    /**
     * {@link #findAll(Collection)} within a vetting evaluation: a place is read once, whichever rule or scope check of
     * the evaluation asks first, and the others get the same row.
     */
    public Map<LocationId, Location> findAll(Collection<LocationId> places, Evaluation evaluation) {
        return evaluation.readAll(LOCATIONS, places, this::findAll);
    }
}

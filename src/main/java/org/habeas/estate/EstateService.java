package org.habeas.estate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;
import org.habeas.estate.internal.EstateRepository;
import org.habeas.estate.internal.EstateRepository.Change;
import org.habeas.estate.internal.LayoutPlan;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facilities, the location tree, capacity and its figures, overrides and expansion projects (REQ-23 to REQ-29,
 * REQ-47). Every command runs in one transaction with its journal entry; every attribute change of a location is
 * also kept in its history, grouped by command. Facility scope applies to every method: a facility the signed-in
 * user may not see answers {@code FACILITY_NOT_FOUND}, exactly as one that does not exist.
 *
 * <p>Refusals: {@code FACILITY_CODE_TAKEN}, {@code LOCATION_NOT_FOUND}, {@code LAYOUT_INVALID} (with every error
 * and its place in the document), {@code CAPACITY_NOT_APPLICABLE}, {@code OPERATIONAL_ABOVE_MAXIMUM},
 * {@code MAXIMUM_BELOW_POPULATION}, {@code OPERATIONAL_BELOW_POPULATION}, {@code LOCATION_CHANGED},
 * {@code LOCATION_OCCUPIED}, {@code OVERRIDE_*}, {@code EXPANSION_*}.
 */
@Service
@Transactional(readOnly = true)
public class EstateService {

    /** REQ-23/REQ-28: an override is temporary; this is the longest it may run before it is decided again. */
    public static final Duration LONGEST_OVERRIDE = Duration.ofDays(90);

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final EstateRepository repository;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;

    EstateService(EstateRepository repository, FacilityScope scope, Journal journal, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    // ---- facilities

    /** Registers a facility. A user limited to some facilities may only register one of those codes. */
    @Transactional
    public Facility createFacility(NewFacility facility) {
        if (!COUNTRIES.contains(facility.country())) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "country must be an ISO 3166-1 alpha-2 code such as SV", "country");
        }
        if (scope.limitedTo().map(codes -> !codes.contains(facility.code())).orElse(false)) {
            throw EstateRefused.outOfScope(facility.code());
        }
        if (!repository.insertFacility(facility, clock.instant())) {
            throw EstateRefused.facilityCodeTaken(facility.code());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", facility.name());
        details.put("country", facility.country());
        details.put("type", facility.type().name());
        details.put("responsibleAuthority", facility.responsibleAuthority());
        details.put("inspectionAuthority", facility.inspectionAuthority());
        journal.append(JournalEntry.of("FACILITY_CREATED", "facility", facility.code())
                .withFacility(facility.code()).withDetails(details));
        return facilityOnly(facility.code());
    }

    /** The facilities the signed-in user may see, with their figures now. */
    public List<FacilityFigures> facilities() {
        return repository.facilitiesWithFigures(scope.limitedTo());
    }

    public FacilityFigures facility(String code) {
        Facility facility = facilityOnly(code);
        return new FacilityFigures(facility, repository.facilityTotal(code));
    }

    // ---- locations

    /** Every location of the facility in path-key order (parents before their children). */
    public List<Location> locations(String code) {
        facilityOnly(code);
        return repository.locations(code);
    }

    public Location location(String code, LocationId id) {
        facilityOnly(code);
        return repository.findLocation(id.value()).filter(l -> l.facilityCode().equals(code))
                .orElseThrow(() -> EstateRefused.locationNotFound(id));
    }

    public List<LocationHistory> history(String code, LocationId id) {
        location(code, id);
        return repository.history(id.value());
    }

    /**
     * Imports a whole layout, or an expansion project's layout when {@code expansion} is given (its locations stay
     * PLANNED until the project opens). Checked whole: on any error nothing is written and every error is listed
     * ({@code LAYOUT_INVALID}). Locations already present exactly as described are left alone, so importing the
     * same layout twice changes nothing (and journals nothing the second time).
     */
    @Transactional
    public Layout.Imported importLayout(String code, Layout layout, ExpansionId expansion) {
        facilityOnly(code);
        // Serialises imports into one facility: two at once would both find a path free and collide on insert.
        repository.lockFacility(code);
        // And with a designation being changed, which could not see the cells this import is adding below it.
        repository.lockDesignations(code);
        if (expansion != null) {
            Expansion project = repository.lockExpansion(expansion.value())
                    .filter(e -> e.facilityCode().equals(code))
                    .orElseThrow(() -> EstateRefused.expansionNotFound(expansion));
            if (project.status() == ExpansionStatus.OPEN) {
                throw EstateRefused.expansionOpen(project.name());
            }
        }
        Map<String, Location> existing = repository.locations(code).stream()
                .collect(Collectors.toMap(Location::relativePath, Function.identity()));
        LayoutPlan plan = LayoutPlan.of(layout, code, existing, expansion);
        if (!plan.errors().isEmpty()) {
            throw EstateRefused.layoutInvalid(plan.errors());
        }
        Instant now = clock.instant();
        repository.insertLocations(code, expansion, expansion == null ? LocationStatus.ACTIVE : LocationStatus.PLANNED,
                plan.toInsert(), now);
        if (!plan.toInsert().isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("created", plan.toInsert().size());
            details.put("unchanged", plan.unchanged());
            details.put("places", plan.places());
            details.put("expansion", expansion == null ? null : expansion.toString());
            journal.append(JournalEntry.of("LAYOUT_IMPORTED", "facility", code).withFacility(code)
                    .withDetails(details));
        }
        return new Layout.Imported(code, expansion, plan.toInsert().size(), plan.unchanged(), plan.places());
    }

    /**
     * Sets a place's declared capacity (DIRECTOR only, checked by the callers). Refused with
     * {@code CAPACITY_NOT_APPLICABLE} for places that hold nobody, {@code OPERATIONAL_ABOVE_MAXIMUM},
     * {@code MAXIMUM_BELOW_POPULATION}, {@code OPERATIONAL_BELOW_POPULATION} (normal cells only: special places
     * may be run down below their population) and {@code LOCATION_CHANGED} when {@code expectedVersion} is stale.
     * The row lock makes concurrent edits and placements take turns, so none is lost.
     */
    @Transactional
    public Location changeCapacity(String code, LocationId id, CapacityChange change) {
        Location before = lockInFacility(code, id);
        if (!before.kind().holdsPeople()) {
            throw EstateRefused.notApplicable(before.pathKey(), before.kind());
        }
        requireVersion(before, change.expectedVersion());
        Capacity old = before.capacity();
        Capacity next = new Capacity(
                firstNonNull(change.certifiedNormal(), old == null ? null : old.certifiedNormal(), "certifiedNormal"),
                firstNonNull(change.operational(), old == null ? null : old.operational(), "operational"),
                firstNonNull(change.maximum(), old == null ? null : old.maximum(), "maximum"));
        if (next.certifiedNormal() < 0 || next.operational() < 0 || next.maximum() < 0) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A capacity cannot be negative",
                    "certifiedNormal", "operational", "maximum");
        }
        if (next.operational() > next.maximum()) {
            throw EstateRefused.operationalAboveMaximum(next.operational(), next.maximum());
        }
        if (next.maximum() < before.population()) {
            throw EstateRefused.maximumBelowPopulation(next.maximum(), before.population());
        }
        if (before.kind() == LocationKind.CELL && next.operational() < before.population()) {
            throw EstateRefused.operationalBelowPopulation(next.operational(), before.population());
        }
        List<Change> changes = new ArrayList<>();
        UUID location = id.value();
        diff(changes, location, "certifiedNormal", old == null ? null : old.certifiedNormal(), next.certifiedNormal());
        diff(changes, location, "operationalCapacity", old == null ? null : old.operational(), next.operational());
        diff(changes, location, "maximumCapacity", old == null ? null : old.maximum(), next.maximum());
        if (!changes.isEmpty()) {
            repository.updateCapacity(location, next);
            record(code, before, "LOCATION_CAPACITY_CHANGED", changes, change.reason());
        }
        return repository.findLocation(location).orElseThrow();
    }

    /** Changes a location's name or physical attributes (REQ-24, REQ-25); refused when the version is stale. */
    @Transactional
    public Location changeAttributes(String code, LocationId id, AttributeChange change) {
        Location before = lockInFacility(code, id);
        requireVersion(before, change.expectedVersion());
        CellAttributes a = before.attributes();
        String name = change.name() == null ? before.name() : change.name();
        var next = new CellAttributes(
                change.floorAreaM2() == null ? a.floorAreaM2() : change.floorAreaM2(),
                change.sanitaryAnnexPartitioned() == null ? a.sanitaryAnnexPartitioned()
                        : change.sanitaryAnnexPartitioned(),
                change.ceilingHeightM() == null ? a.ceilingHeightM() : change.ceilingHeightM(),
                change.minWallDistanceM() == null ? a.minWallDistanceM() : change.minWallDistanceM(),
                change.naturalLight() == null ? a.naturalLight() : change.naturalLight(),
                change.ventilation() == null ? a.ventilation() : change.ventilation());
        List<Change> changes = new ArrayList<>();
        UUID location = id.value();
        diff(changes, location, "name", before.name(), name);
        diff(changes, location, "floorAreaM2", a.floorAreaM2(), next.floorAreaM2());
        diff(changes, location, "sanitaryAnnexPartitioned", a.sanitaryAnnexPartitioned(),
                next.sanitaryAnnexPartitioned());
        diff(changes, location, "ceilingHeightM", a.ceilingHeightM(), next.ceilingHeightM());
        diff(changes, location, "minWallDistanceM", a.minWallDistanceM(), next.minWallDistanceM());
        diff(changes, location, "naturalLight", a.naturalLight(), next.naturalLight());
        diff(changes, location, "ventilation", a.ventilation(), next.ventilation());
        if (!changes.isEmpty()) {
            repository.updateAttributes(location, name, next);
            record(code, before, "LOCATION_CHANGED", changes, change.reason());
        }
        return repository.findLocation(location).orElseThrow();
    }

    /**
     * Designates whom a location is for (REQ-20): one sex, adults or minors, one class of detention; the designation
     * holds for everything below it and the SEPARATION rule refuses placements that break it. Refused with
     * {@code SEPARATION_POLICY_CONFLICT} when an ancestor or a descendant is designated otherwise for the same
     * kind, and {@code LOCATION_CHANGED} when the version is stale. People already held there stay where they are;
     * the designation judges placements from now on.
     */
    @Transactional
    public Location changeSeparation(String code, LocationId id, SeparationChange change) {
        Location before = lockInFacility(code, id);
        requireVersion(before, change.expectedVersion());
        repository.lockDesignations(code);
        SeparationPolicy next = change.policy();
        repository.separationConflict(id.value(), next).ifPresent(other -> {
            throw EstateRefused.separationConflict(before.pathKey(), other[0], other[1]);
        });
        SeparationPolicy was = before.separation();
        List<Change> changes = new ArrayList<>();
        UUID location = id.value();
        diff(changes, location, "forSex", was.sex(), next.sex());
        diff(changes, location, "forAgeGroup", was.ageGroup(), next.ageGroup());
        diff(changes, location, "forDetention", was.detention(), next.detention());
        if (!changes.isEmpty()) {
            repository.updateSeparation(location, next);
            record(code, before, "LOCATION_SEPARATION_CHANGED", changes, change.reason());
        }
        return repository.findLocation(location).orElseThrow();
    }

    /**
     * Keeps the facility's designations as they are until the caller's transaction ends: a placement calls it before
     * it is judged, so a designation changed at that moment waits for it and cannot be missed by it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdDesignations(String facility) {
        repository.holdDesignations(facility);
    }

    /**
     * The designations that bear on each of {@code cells} (its own and its ancestors', nearest first), for the
     * SEPARATION rule; cells without any are left out. Facility scope is the caller's business, as in
     * {@link Occupancy}.
     */
    public Map<LocationId, List<SeparationPolicy.Designation>> designations(Collection<LocationId> cells) {
        Map<LocationId, List<SeparationPolicy.Designation>> byCell = new HashMap<>();
        repository.designations(cells.stream().map(LocationId::value).distinct().toList())
                .forEach((cell, designations) -> byCell.put(new LocationId(cell), designations));
        return byCell;
    }

    /**
     * Takes a location out of use with a reason, or back into use. A container takes everything under it along.
     * Taking out of use is refused with {@code LOCATION_OCCUPIED} while anybody is held there or below; a place
     * of an expansion project that has not opened is refused with {@code EXPANSION_NOT_OPEN}.
     */
    @Transactional
    public Location changeStatus(String code, LocationId id, StatusChange change) {
        facilityOnly(code);
        if (change.status() == LocationStatus.PLANNED) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "status is ACTIVE or INACTIVE", "status");
        }
        boolean deactivate = change.status() == LocationStatus.INACTIVE;
        if (deactivate != (change.inactiveReason() != null)) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, deactivate
                    ? "Say why the location is out of use" : "inactiveReason is only for INACTIVE", "inactiveReason");
        }
        List<Location> subtree = repository.lockSubtree(code, id.value());
        Location target = subtree.stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> EstateRefused.locationNotFound(id));
        if (target.status() == LocationStatus.PLANNED) {
            throw EstateRefused.notYetOpen(target.pathKey());
        }
        long held = subtree.stream().mapToLong(Location::population).sum();
        if (deactivate && held > 0) {
            throw EstateRefused.occupied(target.pathKey(), held);
        }
        LocationStatus from = deactivate ? LocationStatus.ACTIVE : LocationStatus.INACTIVE;
        List<Location> affected = subtree.stream().filter(l -> l.equals(target) || l.status() == from).toList();
        List<Change> changes = new ArrayList<>();
        for (Location l : affected) {
            diff(changes, l.id().value(), "status", l.status(), change.status());
            diff(changes, l.id().value(), "inactiveReason", l.inactiveReason(), change.inactiveReason());
        }
        if (!changes.isEmpty()) {
            repository.updateStatus(affected.stream().map(l -> l.id().value()).toList(), change.status(),
                    change.inactiveReason());
            record(code, target, deactivate ? "LOCATION_DEACTIVATED" : "LOCATION_REACTIVATED", changes,
                    change.reason());
        }
        return repository.findLocation(id.value()).orElseThrow();
    }

    // ---- overrides

    /**
     * Records a temporary capacity above operational capacity (REQ-23, REQ-29), approved by the signed-in director.
     * Refused with {@code OVERRIDE_NOT_ABOVE_OPERATIONAL}, {@code OVERRIDE_ABOVE_MAXIMUM}, or
     * {@code OVERRIDE_EXPIRY_INVALID} unless it expires in the future and within {@link #LONGEST_OVERRIDE}.
     */
    @Transactional
    public CapacityOverride recordOverride(String code, LocationId id, NewCapacityOverride override) {
        Location location = lockInFacility(code, id);
        if (location.capacity() == null) {
            throw EstateRefused.notApplicable(location.pathKey(), location.kind());
        }
        if (override.capacity() <= location.capacity().operational()) {
            throw EstateRefused.overrideNotAbove(override.capacity(), location.capacity().operational());
        }
        if (override.capacity() > location.capacity().maximum()) {
            throw EstateRefused.overrideAboveMaximum(override.capacity(), location.capacity().maximum());
        }
        Instant now = clock.instant();
        if (!override.expiresAt().isAfter(now)) {
            throw EstateRefused.overrideExpiry("An override must expire in the future");
        }
        if (override.expiresAt().isAfter(now.plus(LONGEST_OVERRIDE))) {
            throw EstateRefused.overrideExpiry("An override runs for at most " + LONGEST_OVERRIDE.toDays() + " days");
        }
        UUID overrideId = UUID.randomUUID();
        repository.insertOverride(overrideId, id.value(), override.capacity(), override.reason(),
                override.decisionReference(), actor(), now, override.expiresAt());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("location", location.pathKey());
        details.put("capacity", override.capacity());
        details.put("operational", location.capacity().operational());
        details.put("expiresAt", override.expiresAt().toString());
        details.put("decisionReference", override.decisionReference());
        journal.append(JournalEntry.of("CAPACITY_OVERRIDE_RECORDED", "location", id.toString()).withFacility(code)
                .withReason(override.reason()).withDetails(details));
        return repository.overrides(id.value()).stream().filter(o -> o.id().equals(overrideId)).findFirst()
                .orElseThrow();
    }

    public List<CapacityOverride> overrides(String code, LocationId id) {
        location(code, id);
        return repository.overrides(id.value());
    }

    // ---- figures

    /** Capacity and occupancy for the facility and every location in it, from the stored population (REQ-28). */
    public OccupancyReport occupancy(String code) {
        Facility facility = facilityOnly(code);
        return new OccupancyReport(facility, clock.instant(), repository.facilityTotal(code),
                repository.levels(code));
    }

    /** Capacity as of a date, following the expansion projects (their planned layouts from their planned date). */
    public Figures capacityAsOf(String code, LocalDate date) {
        facilityOnly(code);
        return repository.figuresAsOf(code, date);
    }

    /** Capacity today and after each expansion project not yet open, in date order. */
    public List<TimelinePoint> timeline(String code) {
        Facility facility = facilityOnly(code);
        LocalDate today = facility.today(clock.instant());
        List<TimelinePoint> points = new ArrayList<>();
        points.add(new TimelinePoint(today, null, repository.figuresAsOf(code, today)));
        for (Expansion e : repository.expansions(code)) {
            if (e.status() != ExpansionStatus.OPEN) {
                LocalDate date = e.plannedOn().isBefore(today) ? today : e.plannedOn();
                points.add(new TimelinePoint(date, e.name(), repository.figuresAsOf(code, date)));
            }
        }
        return points;
    }

    // ---- expansions

    public List<Expansion> expansions(String code) {
        facilityOnly(code);
        return repository.expansions(code);
    }

    /** The expansion projects of every facility the reader may see, by facility code, each in date order. */
    public Map<String, List<Expansion>> expansionsByFacility() {
        return repository.expansions(scope.limitedTo()).stream()
                .collect(Collectors.groupingBy(Expansion::facilityCode, LinkedHashMap::new, Collectors.toList()));
    }

    public Expansion expansion(String code, ExpansionId id) {
        facilityOnly(code);
        return repository.findExpansion(id.value()).filter(e -> e.facilityCode().equals(code))
                .orElseThrow(() -> EstateRefused.expansionNotFound(id));
    }

    /** Registers an expansion project; refused with {@code EXPANSION_NAME_TAKEN} for a name already used here. */
    @Transactional
    public Expansion createExpansion(String code, NewExpansion expansion) {
        facilityOnly(code);
        UUID id = UUID.randomUUID();
        if (!repository.insertExpansion(id, code, expansion.name(), expansion.plannedOn(), clock.instant())) {
            throw EstateRefused.expansionNameTaken(expansion.name());
        }
        journal.append(JournalEntry.of("EXPANSION_CREATED", "expansion", id.toString()).withFacility(code)
                .withReason(expansion.reason())
                .withDetails(Map.of("name", expansion.name(), "plannedOn", expansion.plannedOn().toString())));
        return repository.findExpansion(id).orElseThrow();
    }

    /**
     * Moves a project on (PLANNED → UNDER_CONSTRUCTION → OPEN; {@code EXPANSION_STATUS_INVALID} otherwise).
     * Opening activates its locations today, in the facility's time zone, each with a history entry.
     */
    @Transactional
    public Expansion changeExpansionStatus(String code, ExpansionId id, ExpansionStatus status, String reason) {
        Facility facility = facilityOnly(code);
        Expansion before = repository.lockExpansion(id.value()).filter(e -> e.facilityCode().equals(code))
                .orElseThrow(() -> EstateRefused.expansionNotFound(id));
        if (!before.status().canBecome(status)) {
            throw EstateRefused.expansionStatus(before.status(), status);
        }
        LocalDate openedOn = status == ExpansionStatus.OPEN ? facility.today(clock.instant()) : null;
        repository.updateExpansion(id.value(), status, openedOn);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", before.name());
        details.put("from", before.status().name());
        details.put("to", status.name());
        if (status == ExpansionStatus.OPEN) {
            List<UUID> opened = repository.openExpansionLocations(id.value());
            repository.insertChanges(UUID.randomUUID(), opened.stream()
                    .map(l -> new Change(l, "status", LocationStatus.PLANNED.name(), LocationStatus.ACTIVE.name()))
                    .toList(), actor(), reason, clock.instant());
            details.put("locationsOpened", opened.size());
        }
        journal.append(JournalEntry.of("EXPANSION_STATUS_CHANGED", "expansion", id.toString()).withFacility(code)
                .withReason(reason).withDetails(details));
        return repository.findExpansion(id.value()).orElseThrow();
    }

    /**
     * A facility as the public may know it (its name, where it is, who runs and inspects it), whoever asks and
     * whatever their facility scope: what a transfer notice to counsel names as the receiving facility (REQ-36).
     * Empty when there is no such facility. Not journaled: nothing in it is about a person.
     */
    public Optional<Facility> publicFacility(String code) {
        return code == null ? Optional.empty() : repository.findFacility(code);
    }

    /** The facility's public contact (address, telephone, e-mail, visiting hours), whoever asks; empty until set. */
    public Optional<FacilityContact> publicContact(String code) {
        return code == null ? Optional.empty() : repository.contact(code);
    }

    /** The facility's contact as its readers see it; FACILITY_NOT_FOUND out of scope. */
    public Optional<FacilityContact> contact(String code) {
        facilityOnly(code);
        return repository.contact(code);
    }

    /**
     * Sets what the public locator tells enquirers about the facility (REQ-16); journaled with the old and the new
     * contact, as it is what family and counsel will rely on to find someone.
     */
    @Transactional
    public FacilityContact recordContact(String code, String address, String telephone, String email,
                                         String visitingHours) {
        facilityOnly(code);
        repository.lockFacility(code);
        Optional<FacilityContact> before = repository.contact(code);
        FacilityContact contact = new FacilityContact(code, address, telephone, email, visitingHours,
                clock.instant(), actor());
        repository.saveContact(contact);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", address);
        details.put("telephone", telephone);
        details.put("email", email);
        details.put("visitingHours", visitingHours);
        before.ifPresent(b -> details.put("previousAddress", b.address()));
        details.values().removeIf(Objects::isNull);
        journal.append(JournalEntry.of("FACILITY_CONTACT_RECORDED", "facility", code).withFacility(code)
                .withDetails(details));
        return contact;
    }

    /** Most cells a list of cells above capacity names; the figures say how many there are in all. */
    public static final int CELL_LIST_LIMIT = 1000;

    /**
     * The cells in use, in the facilities the reader may see, holding more people than their operational capacity
     * or their ICRC area-based places, in facility and path order (at most {@link #CELL_LIST_LIMIT}).
     */
    public List<CellAboveCapacity> cellsAboveCapacity() {
        return repository.cellsAboveCapacity(scope.limitedTo(), clock.instant(), CELL_LIST_LIMIT);
    }

    // ---- planned capacity

    /**
     * Records what a planned facility will hold before its cells are laid out, for the forecast (REQ-47); journaled
     * with the figures it replaces. Refused with {@code FACILITY_NOT_PLANNED} for a facility already open or closed:
     * an open facility's capacity is its cells'.
     */
    @Transactional
    public PlannedCapacity recordPlannedCapacity(String code, int places, BigDecimal floorAreaM2) {
        Facility facility = facilityOnly(code);
        if (facility.status() != FacilityStatus.PLANNED) {
            throw EstateRefused.notPlanned(code, facility.status());
        }
        repository.lockFacility(code);
        Optional<PlannedCapacity> before = plannedCapacity(code);
        PlannedCapacity planned = new PlannedCapacity(code, places, floorAreaM2, clock.instant(), actor());
        repository.savePlannedCapacity(planned);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("places", places);
        details.put("floorAreaM2", floorAreaM2);
        before.ifPresent(b -> {
            details.put("previousPlaces", b.places());
            details.put("previousFloorAreaM2", b.floorAreaM2());
        });
        details.values().removeIf(Objects::isNull);
        journal.append(JournalEntry.of("FACILITY_PLANNED_CAPACITY_RECORDED", "facility", code).withFacility(code)
                .withDetails(details));
        return planned;
    }

    public Optional<PlannedCapacity> plannedCapacity(String code) {
        facilityOnly(code);
        return repository.plannedCapacities(Optional.of(Set.of(code))).stream().findFirst();
    }

    /** The planned capacities of the facilities the reader may see, by facility code. */
    public Map<String, PlannedCapacity> plannedCapacities() {
        return repository.plannedCapacities(scope.limitedTo()).stream()
                .collect(Collectors.toMap(PlannedCapacity::facilityCode, Function.identity()));
    }

    // ---- helpers

    /** The facility without its figures; FACILITY_NOT_FOUND when there is none or the reader may not see it. */
    public Facility facilityOnly(String code) {
        if (code == null || !scope.allows(code)) {
            throw new NotFound(ErrorCode.FACILITY_NOT_FOUND, "No facility " + code);
        }
        return repository.findFacility(code)
                .orElseThrow(() -> new NotFound(ErrorCode.FACILITY_NOT_FOUND, "No facility " + code));
    }

    private Location lockInFacility(String code, LocationId id) {
        facilityOnly(code);
        return repository.lockLocation(id.value()).filter(l -> l.facilityCode().equals(code))
                .orElseThrow(() -> EstateRefused.locationNotFound(id));
    }

    private static void requireVersion(Location location, Long expected) {
        if (expected != null && expected != location.version()) {
            throw EstateRefused.changed(location.pathKey(), expected, location.version());
        }
    }

    private static int firstNonNull(Integer value, Integer fallback, String field) {
        if (value != null) {
            return value;
        }
        if (fallback == null) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, field + " is required: the place has no "
                    + "capacity yet", field);
        }
        return fallback;
    }

    // One history group and one journal entry per command, with every attribute's old and new value.
    private void record(String code, Location target, String action, List<Change> changes, String reason) {
        repository.insertChanges(UUID.randomUUID(), changes, actor(), reason, clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("location", target.pathKey());
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Change c : changes) {
            Map<String, Object> one = new LinkedHashMap<>();
            if (!c.location().equals(target.id().value())) {
                one.put("location", c.location().toString());
            }
            one.put("attribute", c.attribute());
            one.put("from", c.from());
            one.put("to", c.to());
            listed.add(one);
            if (listed.size() == 200) {
                details.put("truncated", changes.size());
                break;
            }
        }
        details.put("changes", listed);
        journal.append(JournalEntry.of(action, "location", target.id().toString()).withFacility(code)
                .withReason(reason).withDetails(details));
    }

    private static void diff(List<Change> changes, UUID location, String attribute, Object from, Object to) {
        boolean same = from instanceof BigDecimal a && to instanceof BigDecimal b ? a.compareTo(b) == 0
                : Objects.equals(from, to);
        if (!same) {
            changes.add(new Change(location, attribute, text(from), text(to)));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private String actor() {
        return scope.actorName();
    }
}

package org.habeas.custody.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.custody.LegalStatus;
import org.habeas.custody.NonAssociation;
import org.habeas.custody.internal.AssociationRepository.Counterpart;
import org.habeas.custody.internal.AssociationRepository.GroupRecord;
import org.habeas.custody.internal.CellCountRepository.CategoryCount;
import org.habeas.custody.internal.CellCountRepository.CellGroup;
import org.habeas.custody.internal.CellCountRepository.FacilityGroup;
import org.habeas.custody.internal.CustodyRepository.Category;
import org.habeas.estate.Location;
import org.habeas.estate.LocationId;
import org.habeas.estate.Occupancy;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.RuleOutcome.Detail;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Custody's rules in the vetting engine: who may be placed with whom. Custody moves lock the destination cell before
 * vetting, so two officers placing two rivals into one cell at once cannot both pass: the second sees the first.
 *
 * <p>Both rules judge one movement or a batch with the same reads, each taking a set (one movement is a set of
 * one), and the same decision for each movement; the per-cell counts of V55 stand in for the people in a cell or a
 * module. A mover already counted in a cell is taken out of that cell's count, as the rules judge the others.
 */
@Configuration(proxyBeanMethods = false)
class PlacementRules {

    private static final Set<MovementAction> INTO_A_CELL = EnumSet.of(MovementAction.PLACEMENT,
            MovementAction.CELL_MOVE);

    /**
     * SEPARATION (REQ-20, Mandela Rule 11): men and women apart, minors apart from adults, untried apart from
     * convicted, civil and immigration detainees apart from people held for criminal offences. Judged against the
     * people already in the cell; a supervisor may override with a reason.
     */
    @Bean
    VettingRule separationRule(CellCountRepository counts, Clock clock) {
        return new CellRule("SEPARATION") {
            @Override
            public List<RuleOutcome> evaluateAll(List<VettingRequest> requests) {
                Instant now = clock.instant();
                List<VettingRequest> into = requests.stream().filter(r -> r.toLocation() != null).toList();
                Map<UUID, CellCountRepository.Mover> movers = into.isEmpty() ? Map.of()
                        : counts.movers(into.stream().map(VettingRequest::person).toList());
                List<UUID> cells = into.stream().filter(r -> movers.containsKey(r.person()))
                        .map(VettingRequest::toLocation).toList();
                Map<UUID, List<CategoryCount>> inCells = cells.isEmpty() ? Map.of() : counts.categoriesIn(cells);
                return requests.stream().map(r -> r.toLocation() == null ? pass(now)
                        : judge(movers.get(r.person()), r.toLocation(), inCells.getOrDefault(r.toLocation(), List.of()),
                                now)).toList();
            }

            private RuleOutcome judge(CellCountRepository.Mover mover, UUID cell, List<CategoryCount> inCell,
                                      Instant now) {
                if (mover == null) {
                    return pass(now);
                }
                for (CategoryCount other : inCell) {
                    int others = other.people() - (cell.equals(mover.cell()) && other.category().equals(mover.category())
                            ? 1 : 0);
                    Detail conflict = others > 0 ? conflict(mover.category(), other.category()) : null;
                    if (conflict != null) {
                        return RuleOutcome.deny(name(), "SEPARATION_REQUIRED", conflict, SOURCE_CUSTODY, now);
                    }
                }
                return pass(now);
            }
        };
    }

    /**
     * NON_ASSOCIATION (REQ-22): not with a person the mover must be kept from, nor with a member of a group the
     * mover's group must be kept from (by allegation, whatever its status but WITHDRAWN), within the record's scope.
     * Personal records first (oldest first), then group records, narrowest scope first: the first that applies is
     * the reason.
     */
    @Bean
    VettingRule nonAssociationRule(AssociationRepository associations, CellCountRepository counts,
                                   Occupancy occupancy, Clock clock) {
        return new CellRule("NON_ASSOCIATION") {
            @Override
            public List<RuleOutcome> evaluateAll(List<VettingRequest> requests) {
                Instant now = clock.instant();
                List<VettingRequest> into = requests.stream().filter(r -> r.toLocation() != null).toList();
                if (into.isEmpty()) {
                    return requests.stream().map(r -> pass(now)).toList();
                }
                var facts = new Facts(associations, counts, occupancy, into);
                return requests.stream().map(r -> r.toLocation() == null ? pass(now) : judge(r, facts, now)).toList();
            }

            private RuleOutcome judge(VettingRequest request, Facts facts, Instant now) {
                Location target = facts.locations.get(new LocationId(request.toLocation()));
                if (target == null) {
                    return pass(now);
                }
                for (Counterpart c : facts.personal.getOrDefault(request.person(), List.of())) {
                    if (together(c.scope(), target, c.location(), c.facility(), facts.locations)) {
                        return RuleOutcome.deny(name(), "NON_ASSOCIATION", Detail.of(("a person to be kept apart at %s "
                                + "level is %s: %s").formatted(c.scope(), where(c.scope()), c.reason()),
                                "custody.ruleDetail.NON_ASSOCIATION.personal." + c.scope(), c.reason()),
                                SOURCE_ASSOCIATIONS, now);
                    }
                }
                List<GroupRecord> records = facts.groups.getOrDefault(request.person(), List.of());
                for (NonAssociation.Scope scope : NonAssociation.Scope.values()) {
                    for (GroupRecord record : records) {
                        if (record.scope() == scope && facts.rivalHeld(request.person(), target, record)) {
                            return RuleOutcome.deny(name(), "NON_ASSOCIATION", Detail.of(("alleged %s and alleged %s "
                                    + "are kept apart at %s level: %s").formatted(record.own(), record.rival(), scope,
                                    record.reason()), "custody.ruleDetail.NON_ASSOCIATION.group." + scope,
                                    record.own(), record.rival(), record.reason()), SOURCE_ASSOCIATIONS, now);
                        }
                    }
                }
                return pass(now);
            }
        };
    }

    /**
     * What NON_ASSOCIATION reads for a set of movements into cells, in a fixed number of statements however many
     * movements: their records, the places concerned, and the group counts of the cells and modules in question.
     */
    private static final class Facts {

        final Map<UUID, List<Counterpart>> personal;
        final Map<UUID, List<GroupRecord>> groups;
        final Map<LocationId, Location> locations;
        final Map<LocationId, List<Location>> moduleCells;
        final Map<UUID, CellCountRepository.CountedAs> movers;
        final Map<CellGroup, Integer> groupCounts;
        final Set<FacilityGroup> heldInFacility;

        Facts(AssociationRepository associations, CellCountRepository counts, Occupancy occupancy,
              List<VettingRequest> into) {
            List<UUID> people = into.stream().map(VettingRequest::person).distinct().toList();
            personal = associations.personalCounterparts(people);
            groups = associations.groupRecords(people);
            // The target cells, and the cells of people kept apart at module level (to find their module).
            Set<LocationId> places = new LinkedHashSet<>();
            into.forEach(r -> places.add(new LocationId(r.toLocation())));
            personal.values().forEach(list -> list.stream()
                    .filter(c -> c.scope() == NonAssociation.Scope.MODULE && c.location() != null)
                    .forEach(c -> places.add(new LocationId(c.location()))));
            locations = occupancy.findAll(places);
            List<VettingRequest> withGroups = into.stream().filter(r -> groups.containsKey(r.person())
                    && locations.containsKey(new LocationId(r.toLocation()))).toList();
            Set<LocationId> modules = new LinkedHashSet<>();
            withGroups.stream().filter(r -> has(r, NonAssociation.Scope.MODULE))
                    .map(r -> locations.get(new LocationId(r.toLocation())).parent()).filter(p -> p != null)
                    .forEach(modules::add);
            moduleCells = modules.isEmpty() ? Map.of() : occupancy.childrenOfAll(modules);
            List<UUID> grouped = withGroups.stream().map(VettingRequest::person).distinct().toList();
            movers = grouped.isEmpty() ? Map.of() : counts.countedAs(grouped);
            List<CellGroup> pairs = new ArrayList<>();
            List<FacilityGroup> facilityQuestions = new ArrayList<>();
            for (VettingRequest r : withGroups) {
                Location target = locations.get(new LocationId(r.toLocation()));
                for (GroupRecord record : groups.get(r.person())) {
                    switch (record.scope()) {
                        case CELL -> pairs.add(new CellGroup(target.id().value(), record.rival()));
                        case MODULE -> cellsOfModule(target).forEach(c -> pairs.add(new CellGroup(c, record.rival())));
                        case FACILITY -> facilityQuestions.add(new FacilityGroup(r.person(), target.facilityCode(),
                                record.rival()));
                    }
                }
            }
            groupCounts = counts.groupCounts(pairs);
            heldInFacility = counts.heldInFacility(facilityQuestions);
        }

        private boolean has(VettingRequest r, NonAssociation.Scope scope) {
            return groups.get(r.person()).stream().anyMatch(g -> g.scope() == scope);
        }

        /** The cells of the target's module, for MODULE-scoped group records. */
        List<UUID> cellsOfModule(Location target) {
            return target.parent() == null ? List.of(target.id().value())
                    : moduleCells.getOrDefault(target.parent(), List.of()).stream().map(l -> l.id().value()).toList();
        }

        /** Whether someone other than the mover alleged to belong to the record's rival group is held in its scope. */
        boolean rivalHeld(UUID mover, Location target, GroupRecord record) {
            if (record.scope() == NonAssociation.Scope.FACILITY) {
                return heldInFacility.contains(new FacilityGroup(mover, target.facilityCode(), record.rival()));
            }
            List<UUID> cells = record.scope() == NonAssociation.Scope.CELL ? List.of(target.id().value())
                    : cellsOfModule(target);
            int held = cells.stream().mapToInt(c -> groupCounts.getOrDefault(new CellGroup(c, record.rival()), 0)).sum();
            CellCountRepository.CountedAs self = movers.get(mover);
            boolean selfCounted = self != null && cells.contains(self.cell()) && self.groups().contains(record.rival());
            return held - (selfCounted ? 1 : 0) > 0;
        }
    }

    private static final RuleOutcome.Source SOURCE_CUSTODY = new RuleOutcome.Source(
            "custody: classification at admission of the people in the cell", "custody.ruleSource.classification");
    private static final RuleOutcome.Source SOURCE_ASSOCIATIONS = new RuleOutcome.Source(
            "custody: non-associations and allegations", "custody.ruleSource.associations");

    private static boolean together(NonAssociation.Scope scope, Location target, UUID otherLocation,
                                    String otherFacility, Map<LocationId, Location> locations) {
        return switch (scope) {
            case FACILITY -> target.facilityCode().equals(otherFacility);
            case CELL -> target.id().value().equals(otherLocation);
            case MODULE -> otherLocation != null && target.parent() != null
                    && Optional.ofNullable(locations.get(new LocationId(otherLocation)))
                    .map(l -> target.parent().equals(l.parent())).orElse(false);
        };
    }

    private static String where(NonAssociation.Scope scope) {
        return switch (scope) {
            case CELL -> "in that cell";
            case MODULE -> "in that module";
            case FACILITY -> "in this facility";
        };
    }

    /**
     * The first category difference that keeps two people apart, in words and as a message (the recorded sexes are
     * codes with their own words in the bundles); null when they may share a cell.
     */
    static Detail conflict(Category mover, Category other) {
        if (!mover.sex().equals(other.sex())) {
            return separation("the cell holds a person of another recorded sex (%s, this person %s)".formatted(
                    other.sex(), mover.sex()), "otherSex", other.sex(), mover.sex());
        }
        if (mover.juvenile() != other.juvenile()) {
            return mover.juvenile() ? separation("a minor cannot be placed with adults", "minorWithAdults")
                    : separation("the cell holds a minor", "holdsMinor");
        }
        boolean moverCivil = civil(mover.legalStatus());
        if (moverCivil != civil(other.legalStatus())) {
            return separation("civil and immigration detainees are held apart from people held for criminal "
                    + "offences", "civilApartFromCriminal");
        }
        if (!moverCivil && mover.legalStatus() != other.legalStatus()) {
            return separation("untried people are held apart from convicted people", "untriedApartFromConvicted");
        }
        return null;
    }

    private static Detail separation(String text, String variant, Object... args) {
        return Detail.of(text + " (Mandela Rule 11)", "custody.ruleDetail.SEPARATION." + variant, args);
    }

    private static boolean civil(LegalStatus status) {
        return status == LegalStatus.IMMIGRATION || status == LegalStatus.CIVIL;
    }

    private abstract static class CellRule implements VettingRule {

        private final String name;

        CellRule(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<MovementAction> appliesTo() {
            return INTO_A_CELL;
        }

        @Override
        public abstract List<RuleOutcome> evaluateAll(List<VettingRequest> requests);

        // One movement is a batch of one: the same reads and the same decision as the batch dry run.
        @Override
        public RuleOutcome evaluate(VettingRequest request) {
            return evaluateAll(List.of(request)).get(0);
        }

        RuleOutcome pass(Instant now) {
            return RuleOutcome.pass(name, name.equals("SEPARATION") ? SOURCE_CUSTODY : SOURCE_ASSOCIATIONS, now);
        }
    }
}

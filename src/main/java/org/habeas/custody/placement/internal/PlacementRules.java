package org.habeas.custody.placement.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.custody.placement.Mover;
import org.habeas.custody.placement.NonAssociation;
import org.habeas.custody.placement.PlacementRule;
import org.habeas.custody.placement.Separation;
import org.habeas.custody.placement.internal.AssociationRepository.Counterpart;
import org.habeas.custody.placement.internal.AssociationRepository.GroupRecord;
import org.habeas.custody.placement.internal.CellCountRepository.CategoryCount;
import org.habeas.custody.placement.internal.CellCountRepository.FacilityGroup;
import org.habeas.custody.placement.internal.CellCountRepository.GroupCount;
import org.habeas.custody.placement.internal.CellCountRepository.Units;
import org.habeas.custody.placement.SeparationCategory;
import org.habeas.estate.EstateService;
import org.habeas.estate.LocationId;
import org.habeas.estate.SeparationPolicy.Designation;
import org.habeas.vetting.Evaluation;
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
public class PlacementRules {

    private static final Set<MovementAction> INTO_A_CELL = EnumSet.of(MovementAction.PLACEMENT,
            MovementAction.CELL_MOVE);

    /**
     * SEPARATION (REQ-20, Mandela Rule 11): men and women apart, minors apart from adults, untried apart from
     * convicted, civil and immigration detainees apart from people held for criminal offences. Judged first against
     * whom the cell and the units above it are designated for (the nearest designation that the mover does not fit
     * is the reason), then against the people already in the cell; a supervisor may override with a reason.
     */
    @Bean
    VettingRule separationRule(CellCountRepository counts, EstateService estate, Clock clock) {
        return new CellRule(PlacementRule.SEPARATION) {
            @Override
            public List<RuleOutcome> evaluateAll(List<VettingRequest> requests, Evaluation evaluation) {
                Instant now = clock.instant();
                List<VettingRequest> into = requests.stream().filter(r -> r.toLocation() != null).toList();
                Map<UUID, Mover> movers = into.isEmpty() ? Map.of()
                        : counts.movers(into.stream().map(VettingRequest::person).toList(), evaluation);
                List<UUID> cells = into.stream().filter(r -> movers.containsKey(r.person()))
                        .map(VettingRequest::toLocation).toList();
                Map<UUID, List<CategoryCount>> inCells = cells.isEmpty() ? Map.of() : counts.categoriesIn(cells);
                Map<LocationId, List<Designation>> designations = cells.isEmpty() ? Map.of()
                        : estate.designations(cells.stream().map(LocationId::new).toList());
                return requests.stream().map(r -> r.toLocation() == null ? pass(now)
                        : judge(movers.get(r.person()), r.toLocation(), inCells.getOrDefault(r.toLocation(), List.of()),
                                designations.getOrDefault(new LocationId(r.toLocation()), List.of()), now)).toList();
            }

            private RuleOutcome judge(Mover mover, UUID cell, List<CategoryCount> inCell,
                                      List<Designation> designations, Instant now) {
                if (mover == null) {
                    return pass(now);
                }
                Detail unfit = Separation.unfit(mover.category(), designations);
                if (unfit != null) {
                    return RuleOutcome.deny(name(), "SEPARATION_REQUIRED", unfit, SOURCE_DESIGNATION, now);
                }
                // The mover's own place in the count is not company: a mover already in this cell leaves it.
                List<SeparationCategory> company = inCell.stream().filter(o -> o.people() - (cell.equals(mover.cell())
                        && o.category().equals(mover.category()) ? 1 : 0) > 0).map(CategoryCount::category).toList();
                Detail apart = Separation.apartFrom(mover.category(), company);
                return apart == null ? pass(now)
                        : RuleOutcome.deny(name(), "SEPARATION_REQUIRED", apart, SOURCE_CUSTODY, now);
            }
        };
    }

    /**
     * NON_ASSOCIATION (REQ-22): not with a person the mover must be kept from, nor with a member of a group the
     * mover's group must be kept from (by allegation, whatever its status but WITHDRAWN), within the record's scope:
     * in the same unit at that scope, as {@code placement_unit} (V60) defines it for every reader. Personal records
     * first (oldest first), then group records, narrowest scope first: the first that applies is the reason.
     */
    @Bean
    VettingRule nonAssociationRule(AssociationRepository associations, CellCountRepository counts, Clock clock) {
        return new CellRule(PlacementRule.NON_ASSOCIATION) {
            @Override
            public List<RuleOutcome> evaluateAll(List<VettingRequest> requests, Evaluation evaluation) {
                Instant now = clock.instant();
                List<VettingRequest> into = requests.stream().filter(r -> r.toLocation() != null).toList();
                if (into.isEmpty()) {
                    return requests.stream().map(r -> pass(now)).toList();
                }
                var facts = new Facts(associations, counts, into, evaluation);
                return requests.stream().map(r -> r.toLocation() == null ? pass(now) : judge(r, facts, now)).toList();
            }

            private RuleOutcome judge(VettingRequest request, Facts facts, Instant now) {
                Units target = facts.units.get(request.toLocation());
                if (target == null) {
                    return pass(now);
                }
                for (Counterpart c : facts.personal.getOrDefault(request.person(), List.of())) {
                    if (c.unit() != null && c.unit().equals(target.at(c.scope()))) {
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
     * movements: their records (one read); only for movers with records, the target cells' units (one read), the
     * movers (shared with the other rules and the scope check of the same evaluation) and the group counts of the
     * units in question (one read).
     */
    private static final class Facts {

        final Map<UUID, List<Counterpart>> personal;
        final Map<UUID, List<GroupRecord>> groups;
        final Map<UUID, Units> units;
        final Map<UUID, Mover> movers;
        final List<GroupCount> groupCounts;
        final Set<FacilityGroup> heldInFacility;

        Facts(AssociationRepository associations, CellCountRepository counts, List<VettingRequest> into,
              Evaluation evaluation) {
            var concerning = associations.recordsConcerning(into.stream().map(VettingRequest::person).toList());
            personal = concerning.personal();
            groups = concerning.groups();
            List<UUID> targets = into.stream().filter(r -> personal.containsKey(r.person())
                    || groups.containsKey(r.person())).map(VettingRequest::toLocation).toList();
            units = targets.isEmpty() ? Map.of() : counts.units(targets);
            List<VettingRequest> withGroups = into.stream().filter(r -> groups.containsKey(r.person())
                    && units.containsKey(r.toLocation())).toList();
            movers = withGroups.isEmpty() ? Map.of()
                    : counts.movers(withGroups.stream().map(VettingRequest::person).toList(), evaluation);
            Set<UUID> cells = new LinkedHashSet<>();
            Set<UUID> modules = new LinkedHashSet<>();
            Set<String> rivals = new LinkedHashSet<>();
            List<FacilityGroup> facilityQuestions = new ArrayList<>();
            for (VettingRequest r : withGroups) {
                Units target = units.get(r.toLocation());
                for (GroupRecord record : groups.get(r.person())) {
                    switch (record.scope()) {
                        case CELL -> cells.add(UUID.fromString(target.cell()));
                        case MODULE -> modules.add(UUID.fromString(target.module()));
                        case FACILITY -> facilityQuestions.add(new FacilityGroup(r.person(), target.facility(),
                                record.rival()));
                    }
                    if (record.scope() != NonAssociation.Scope.FACILITY) {
                        rivals.add(record.rival());
                    }
                }
            }
            groupCounts = rivals.isEmpty() ? List.of() : counts.groupCounts(cells, modules, rivals);
            heldInFacility = counts.heldInFacility(facilityQuestions);
        }

        /**
         * Whether someone other than the mover alleged to belong to the record's rival group is held in the target's
         * unit at the record's scope.
         */
        boolean rivalHeld(UUID mover, Units target, GroupRecord record) {
            if (record.scope() == NonAssociation.Scope.FACILITY) {
                return heldInFacility.contains(new FacilityGroup(mover, target.facility(), record.rival()));
            }
            String unit = target.at(record.scope());
            Mover self = movers.get(mover);
            boolean selfInRival = self != null && self.groups().contains(record.rival());
            int others = 0;
            for (GroupCount c : groupCounts) {
                if (c.group().equals(record.rival()) && unit.equals(c.unitAt(record.scope()))) {
                    others += c.people() - (selfInRival && c.cell().equals(self.cell()) ? 1 : 0);
                }
            }
            return others > 0;
        }
    }

    private static final RuleOutcome.Source SOURCE_CUSTODY = new RuleOutcome.Source(
            "custody: classification at admission of the people in the cell", "custody.ruleSource.classification");
    private static final RuleOutcome.Source SOURCE_DESIGNATION = new RuleOutcome.Source(
            "estate: whom the place is designated for; custody: the person's classification at admission",
            "custody.ruleSource.designation");
    private static final RuleOutcome.Source SOURCE_ASSOCIATIONS = new RuleOutcome.Source(
            "custody: non-associations and allegations", "custody.ruleSource.associations");

    private static String where(NonAssociation.Scope scope) {
        return switch (scope) {
            case CELL -> "in that cell";
            case MODULE -> "in that module";
            case FACILITY -> "in this facility";
        };
    }

    private abstract static class CellRule implements VettingRule {

        private final PlacementRule rule;

        CellRule(PlacementRule rule) {
            this.rule = rule;
        }

        @Override
        public String name() {
            return rule.name();
        }

        @Override
        public Set<MovementAction> appliesTo() {
            return INTO_A_CELL;
        }

        @Override
        public abstract List<RuleOutcome> evaluateAll(List<VettingRequest> requests, Evaluation evaluation);

        // One movement is a batch of one: the same reads and the same decision as the batch dry run.
        @Override
        public RuleOutcome evaluate(VettingRequest request, Evaluation evaluation) {
            return evaluateAll(List.of(request), evaluation).get(0);
        }

        RuleOutcome pass(Instant now) {
            return RuleOutcome.pass(name(), rule == PlacementRule.SEPARATION ? SOURCE_CUSTODY : SOURCE_ASSOCIATIONS, now);
        }
    }
}

package org.habeas.custody.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.habeas.custody.LegalStatus;
import org.habeas.custody.NonAssociation;
import org.habeas.custody.internal.AssociationRepository.Counterpart;
import org.habeas.custody.internal.CustodyRepository.Category;
import org.habeas.estate.Location;
import org.habeas.estate.LocationId;
import org.habeas.estate.Occupancy;
import org.habeas.people.PersonId;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Custody's rules in the vetting engine: who may be placed with whom. Custody moves lock the destination cell before
 * vetting, so two officers placing two rivals into one cell at once cannot both pass: the second sees the first.
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
    VettingRule separationRule(CustodyRepository custody, Clock clock) {
        return new CellRule("SEPARATION") {
            @Override
            public RuleOutcome evaluate(VettingRequest request) {
                Instant now = clock.instant();
                if (request.toLocation() == null) {
                    return pass(now);
                }
                PersonId person = new PersonId(request.person());
                Category mover = custody.categoryOf(person).orElse(null);
                if (mover == null) {
                    return pass(now);
                }
                for (Category other : custody.categoriesIn(request.toLocation(), person)) {
                    String conflict = conflict(mover, other);
                    if (conflict != null) {
                        return RuleOutcome.deny(name(), "SEPARATION_REQUIRED", conflict + " (Mandela Rule 11)",
                                SOURCE_CUSTODY, now);
                    }
                }
                return pass(now);
            }
        };
    }

    /**
     * NON_ASSOCIATION (REQ-22): not with a person the mover must be kept from, nor with a member of a group the
     * mover's group must be kept from (by allegation, whatever its status but WITHDRAWN), within the record's scope.
     */
    @Bean
    VettingRule nonAssociationRule(AssociationRepository associations, Occupancy occupancy, Clock clock) {
        return new CellRule("NON_ASSOCIATION") {
            @Override
            public RuleOutcome evaluate(VettingRequest request) {
                Instant now = clock.instant();
                if (request.toLocation() == null) {
                    return pass(now);
                }
                Location target = occupancy.find(new LocationId(request.toLocation())).orElse(null);
                if (target == null) {
                    return pass(now);
                }
                for (Counterpart c : associations.personalCounterparts(request.person())) {
                    if (together(c.scope(), target, c.location(), c.facility(), occupancy)) {
                        return RuleOutcome.deny(name(), "NON_ASSOCIATION", "a person to be kept apart at %s level is %s: %s"
                                .formatted(c.scope(), where(c.scope()), c.reason()), SOURCE_ASSOCIATIONS, now);
                    }
                }
                var rival = associations.rivalIn(request.person(), target.facilityCode(), target.id().value(),
                        moduleCells(target, occupancy));
                if (rival.isPresent()) {
                    Counterpart c = rival.get();
                    return RuleOutcome.deny(name(), "NON_ASSOCIATION", ("alleged %s and alleged %s are kept apart at %s "
                            + "level: %s").formatted(c.ownGroup(), c.rivalGroup(), c.scope(), c.reason()),
                            SOURCE_ASSOCIATIONS, now);
                }
                return pass(now);
            }
        };
    }

    private static final String SOURCE_CUSTODY = "custody: classification at admission of the people in the cell";
    private static final String SOURCE_ASSOCIATIONS = "custody: non-associations and allegations";

    /** The cells of the target's module, for MODULE-scoped group records. */
    private static List<UUID> moduleCells(Location target, Occupancy occupancy) {
        return target.parent() == null ? List.of(target.id().value())
                : occupancy.children(target.parent()).stream().map(l -> l.id().value()).toList();
    }

    private static boolean together(NonAssociation.Scope scope, Location target, UUID otherLocation,
                                    String otherFacility, Occupancy occupancy) {
        return switch (scope) {
            case FACILITY -> target.facilityCode().equals(otherFacility);
            case CELL -> target.id().value().equals(otherLocation);
            case MODULE -> otherLocation != null && target.parent() != null && occupancy.find(new LocationId(otherLocation))
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

    /** The first category difference that keeps two people apart, in words; null when they may share a cell. */
    static String conflict(Category mover, Category other) {
        if (!mover.sex().equals(other.sex())) {
            return "the cell holds a person of another recorded sex (%s, this person %s)".formatted(other.sex(),
                    mover.sex());
        }
        if (mover.juvenile() != other.juvenile()) {
            return mover.juvenile() ? "a minor cannot be placed with adults" : "the cell holds a minor";
        }
        boolean moverCivil = civil(mover.legalStatus());
        if (moverCivil != civil(other.legalStatus())) {
            return "civil and immigration detainees are held apart from people held for criminal offences";
        }
        if (!moverCivil && mover.legalStatus() != other.legalStatus()) {
            return "untried people are held apart from convicted people";
        }
        return null;
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

        RuleOutcome pass(Instant now) {
            return RuleOutcome.pass(name, name.equals("SEPARATION") ? SOURCE_CUSTODY : SOURCE_ASSOCIATIONS, now);
        }
    }
}

package org.habeas.estate.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.habeas.estate.EstateRule;
import org.habeas.estate.Location;
import org.habeas.estate.LocationId;
import org.habeas.estate.LocationStatus;
import org.habeas.estate.Occupancy;
import org.habeas.vetting.Evaluation;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.RuleOutcome.Detail;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The estate's rules in the vetting engine: every placement or cell move is checked against the destination
 * cell's capacity before it is made, and the refusal is a decision with its reason (REQ-29). The atomic guard
 * stays in {@code Occupancy.occupy}: these rules give the reason and the override path, the UPDATE holds the line.
 */
@Configuration(proxyBeanMethods = false)
class CapacityRules {

    static final Set<MovementAction> INTO_A_CELL = EnumSet.of(MovementAction.PLACEMENT, MovementAction.CELL_MOVE);
    private static final RuleOutcome.Source SOURCE = new RuleOutcome.Source("estate: location capacity and occupancy",
            "estate.ruleSource.capacity");

    /**
     * CAPACITY: not into an inactive cell, not beyond operational capacity (or a temporary capacity override in
     * force) without a two-person override, and never beyond maximum. A supervisor may lift it; the maximum is
     * still enforced by the database when the person is counted in.
     */
    @Bean
    VettingRule capacityRule(Occupancy occupancy, EstateRepository repository, Clock clock) {
        return new IntoACell(EstateRule.CAPACITY, true, occupancy, repository, clock) {
            @Override
            RuleOutcome judge(Location cell, Instant now, Function<UUID, Integer> operationalLimit) {
                if (cell.status() != LocationStatus.ACTIVE) {
                    return RuleOutcome.deny(name(), "LOCATION_INACTIVE", Detail.of(cell.pathKey() + " is not in use ("
                            + cell.status() + ")", "estate.ruleDetail.LOCATION_INACTIVE", cell.pathKey(),
                            cell.status()), SOURCE, cell.createdAt());
                }
                if (cell.capacity() == null) {
                    return RuleOutcome.deny(name(), "CAPACITY_NOT_APPLICABLE", Detail.of(cell.pathKey()
                            + " holds nobody", "estate.ruleDetail.CAPACITY_NOT_APPLICABLE", cell.pathKey()),
                            SOURCE, null);
                }
                int limit = operationalLimit.apply(cell.id().value());
                if (cell.population() >= cell.capacity().maximum()) {
                    return RuleOutcome.deny(name(), "MAXIMUM_CAPACITY_EXCEEDED", Detail.of(("%s holds %d, its maximum "
                            + "capacity").formatted(cell.pathKey(), cell.population()),
                            "estate.ruleDetail.MAXIMUM_CAPACITY_EXCEEDED", cell.pathKey(), cell.population()),
                            SOURCE, now);
                }
                if (cell.population() >= limit) {
                    return RuleOutcome.deny(name(), "CAPACITY_EXCEEDED", Detail.of(("%s holds %d of %d operational "
                            + "places").formatted(cell.pathKey(), cell.population(), limit),
                            "estate.ruleDetail.CAPACITY_EXCEEDED", cell.pathKey(), cell.population(), limit),
                            SOURCE, now);
                }
                return RuleOutcome.pass(name(), SOURCE, now);
            }
        };
    }

    /**
     * AREA_MINIMUM (REQ-26, REQ-29): not into a cell whose floor area, by the ICRC minimum of 3.4 m² per person
     * shared (5.4 m² alone), has no room for one more. A cell without a recorded floor area passes: the estate
     * reports it as unknown rather than guess.
     */
    @Bean
    VettingRule areaMinimumRule(Occupancy occupancy, EstateRepository repository, Clock clock) {
        return new IntoACell(EstateRule.AREA_MINIMUM, false, occupancy, repository, clock) {
            @Override
            RuleOutcome judge(Location cell, Instant now, Function<UUID, Integer> operationalLimit) {
                Integer places = cell.areaCapacity() == null ? null : cell.areaCapacity().icrc();
                if (places != null && cell.population() >= places) {
                    return RuleOutcome.deny(name(), "AREA_BELOW_MINIMUM", Detail.of(("%s has floor space for %d by "
                            + "the ICRC minimum and holds %d").formatted(cell.pathKey(), places, cell.population()),
                            "estate.ruleDetail.AREA_BELOW_MINIMUM", cell.pathKey(), places, cell.population()),
                            SOURCE, now);
                }
                return RuleOutcome.pass(name(), SOURCE, now);
            }
        };
    }

    /**
     * A rule about the cell a person is going into; passes when the movement goes into no cell. A batch (one movement
     * is a batch of one) reads its cells, through {@link Occupancy#findAll} so that the rules and the scope check
     * of one evaluation share one read, and for CAPACITY their operational limits (V61); then {@link #judge} each.
     */
    private abstract static class IntoACell implements VettingRule {

        private final String name;
        private final boolean readsLimits;
        private final Occupancy occupancy;
        private final EstateRepository repository;
        private final Clock clock;

        IntoACell(EstateRule rule, boolean readsLimits, Occupancy occupancy, EstateRepository repository, Clock clock) {
            this.name = rule.name();
            this.readsLimits = readsLimits;
            this.occupancy = occupancy;
            this.repository = repository;
            this.clock = clock;
        }

        abstract RuleOutcome judge(Location cell, Instant now, Function<UUID, Integer> operationalLimit);

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<MovementAction> appliesTo() {
            return INTO_A_CELL;
        }

        // One movement is a batch of one: the same reads and the same decision as the batch dry run.
        @Override
        public RuleOutcome evaluate(VettingRequest request, Evaluation evaluation) {
            return evaluateAll(List.of(request), evaluation).get(0);
        }

        @Override
        public List<RuleOutcome> evaluateAll(List<VettingRequest> requests, Evaluation evaluation) {
            Instant now = clock.instant();
            List<LocationId> cells = requests.stream().map(VettingRequest::toLocation).filter(Objects::nonNull)
                    .distinct().map(LocationId::new).toList();
            Map<LocationId, Location> found = cells.isEmpty() ? Map.of() : occupancy.findAll(cells, evaluation);
            Map<UUID, Integer> limits = found.isEmpty() || !readsLimits ? Map.of()
                    : repository.operationalLimits(found.keySet().stream().map(LocationId::value).toList(), now);
            return requests.stream().map(r -> r.toLocation() == null ? RuleOutcome.pass(name, SOURCE, now)
                    : judge(r, found.get(new LocationId(r.toLocation())), now,
                            limits::get)).toList();
        }

        private RuleOutcome judge(VettingRequest request, Location cell, Instant now,
                                  Function<UUID, Integer> operationalLimit) {
            return cell == null ? RuleOutcome.deny(name, "LOCATION_NOT_FOUND", Detail.of("no location "
                    + request.toLocation(), "estate.ruleDetail.LOCATION_NOT_FOUND", request.toLocation()), SOURCE, now)
                    : judge(cell, now, operationalLimit);
        }
    }
}

package org.habeas.custody.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.habeas.access.Role;
import org.habeas.custody.CustodyRule;
import org.habeas.vetting.Evaluation;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.RuleOutcome.Detail;
import org.habeas.vetting.RuleOutcome.Source;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Custody's rules for the movements that leave a cell: a release and a temporary absence name their authority, and a
 * transfer goes to an open facility of the register with room for one more. With these every action has rules that
 * judge it (vetting.RequiredRules), so nothing leaves unjudged (REQ-56).
 */
@Configuration(proxyBeanMethods = false)
public class CustodyRules {

    /** The kinds of authority a release may rest on (REQ-39). */
    public static final Set<String> RELEASE_BASES = Set.of("COURT_ORDER", "END_OF_SENTENCE", "BAIL",
            "DETAINING_AUTHORITY_DECISION");

    private static final Source MOVEMENT = new Source("the movement as recorded", "custody.source.movement");
    private static final Source DESTINATION = new Source("the destination facility's capacity and population",
            "custody.source.destination");

    /**
     * RELEASE_AUTHORITY (REQ-39): a release names the kind of authority it rests on (court order, end of sentence,
     * bail, decision of the detaining authority) in {@code particulars.basis} and its document in {@code authority}.
     * Not overridable: a release without an authority is an unlawful one.
     */
    @Bean
    VettingRule releaseAuthorityRule(Clock clock) {
        return new MovementRule(CustodyRule.RELEASE_AUTHORITY, MovementAction.RELEASE, false) {
            @Override
            public RuleOutcome evaluate(VettingRequest r, Evaluation evaluation) {
                String type = r.basisType();
                if (type == null || !RELEASE_BASES.contains(type)) {
                    return RuleOutcome.deny(name(), name(), Detail.of("a release names its authority: one of "
                            + String.join(", ", sorted(RELEASE_BASES)) + " (given: " + (type == null ? "none" : type)
                            + ")", "custody.rule.releaseBasis", type == null ? "-" : type), MOVEMENT, clock.instant());
                }
                if (r.basis().reference() == null) {
                    return RuleOutcome.deny(name(), name(), Detail.of("a release names the document of its authority",
                            "custody.rule.releaseReference"), MOVEMENT, clock.instant());
                }
                return RuleOutcome.pass(name(), MOVEMENT, clock.instant());
            }
        };
    }

    /**
     * ABSENCE_AUTHORITY: a temporary absence names what authorises it (the court's production order, the medical
     * referral) in {@code authority}; a supervisor may override for an emergency run to hospital.
     */
    @Bean
    VettingRule absenceAuthorityRule(Clock clock) {
        return new MovementRule(CustodyRule.ABSENCE_AUTHORITY, MovementAction.TEMPORARY_ABSENCE, true) {
            @Override
            public RuleOutcome evaluate(VettingRequest r, Evaluation evaluation) {
                if (r.basis() == null || r.basis().reference() == null) {
                    return RuleOutcome.deny(name(), "ABSENCE_AUTHORITY_REQUIRED", Detail.of("a temporary absence "
                            + "names what authorises it (a production order, a medical referral)",
                            "custody.rule.absenceAuthority"), MOVEMENT, clock.instant());
                }
                return RuleOutcome.pass(name(), MOVEMENT, clock.instant());
            }
        };
    }

    /**
     * TRANSFER_DESTINATION (REQ-47): a transfer goes to a facility of this register that is open (not planned, not
     * closed, not a made-up code), and that has room: its operational capacity, less the people it holds and those
     * already on their way to it, is at least one. Set-based for a batch. Not overridable: an override lifts the
     * rule whatever its reason, so one granted for a full destination would let a transfer to no real place through.
     */
    @Bean
    VettingRule transferDestinationRule(JdbcClient jdbc, Clock clock) {
        return new MovementRule(CustodyRule.TRANSFER_DESTINATION, MovementAction.TRANSFER, false) {
            private static final Evaluation.Shared<String, Destination> DESTINATIONS =
                    new Evaluation.Shared<>("custody.transferDestination");

            @Override
            public RuleOutcome evaluate(VettingRequest request, Evaluation evaluation) {
                return evaluateAll(List.of(request), evaluation).get(0);
            }

            @Override
            public List<RuleOutcome> evaluateAll(List<VettingRequest> requests, Evaluation evaluation) {
                List<String> codes = requests.stream().map(VettingRequest::toFacility)
                        .filter(java.util.Objects::nonNull).toList();
                Map<String, Destination> found = codes.isEmpty() ? Map.of()
                        : evaluation.readAll(DESTINATIONS, codes, missing -> destinations(jdbc, missing));
                List<RuleOutcome> outcomes = new ArrayList<>();
                for (VettingRequest r : requests) {
                    outcomes.add(judge(r, found.get(r.toFacility())));
                }
                return outcomes;
            }

            // Each movement of a batch is judged as it would be alone: the room is the room now.
            private RuleOutcome judge(VettingRequest r, Destination d) {
                if (r.toFacility() == null || d == null || !"OPEN".equals(d.status())) {
                    String code = r.toFacility() == null ? "-" : r.toFacility();
                    String status = d == null ? "UNKNOWN" : d.status();
                    return RuleOutcome.deny(name(), "FACILITY_NOT_ACTIVE", Detail.of("the destination " + code
                            + " is not an open facility of this register (" + status + ")",
                            "custody.rule.destinationNotOpen", code, status), DESTINATION, clock.instant());
                }
                long room = d.operational() - d.held() - d.inTransit();
                if (room < 1) {
                    return RuleOutcome.deny(name(), "CAPACITY_EXCEEDED", Detail.of("the destination %s has no room: "
                            .formatted(r.toFacility()) + "operational capacity %d, held %d, on the way %d"
                            .formatted(d.operational(), d.held(), d.inTransit()),
                            "custody.rule.destinationFull", r.toFacility(), d.operational(), d.held(),
                            d.inTransit()), DESTINATION, clock.instant());
                }
                return RuleOutcome.pass(name(), DESTINATION, clock.instant());
            }
        };
    }

    /** A destination facility's status, operational capacity, the people it holds and those on their way to it. */
    record Destination(String status, long operational, long held, long inTransit) {
    }

    private static Map<String, Destination> destinations(JdbcClient jdbc, List<String> codes) {
        Map<String, Destination> found = new HashMap<>();
        jdbc.sql("""
                SELECT f.facility_code, f.status, f.operational,
                       (SELECT count(*) FROM whereabouts w
                         WHERE w.facility_code = f.facility_code AND w.kind IN ('IN_CELL', 'RECEPTION', 'TEMPORARILY_OUT'))
                           AS held,
                       (SELECT count(*) FROM whereabouts w
                         WHERE w.kind = 'IN_TRANSIT' AND w.destination = f.facility_code) AS in_transit
                  FROM estate_facility_capacity f WHERE f.facility_code = ANY (CAST(:codes AS text[]))
                """).param("codes", codes.stream().distinct().toArray(String[]::new))
                .query((RowCallbackHandler) rs -> found.put(rs.getString("facility_code"),
                        new Destination(rs.getString("status"), rs.getLong("operational"), rs.getLong("held"),
                                rs.getLong("in_transit"))));
        return found;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** A custody rule for one action. */
    abstract static class MovementRule implements VettingRule {

        private final CustodyRule rule;
        private final MovementAction action;
        private final boolean overridable;

        MovementRule(CustodyRule rule, MovementAction action, boolean overridable) {
            this.rule = rule;
            this.action = action;
            this.overridable = overridable;
        }

        @Override
        public String name() {
            return rule.name();
        }

        @Override
        public Set<MovementAction> appliesTo() {
            return EnumSet.of(action);
        }

        @Override
        public boolean overridable() {
            return overridable;
        }

        @Override
        public Role approverRole() {
            return Role.SUPERVISOR;
        }
    }
}

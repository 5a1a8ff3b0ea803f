package org.habeas.vetting;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.habeas.access.Role;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rules that exist only in tests, to drive the engine through each of its paths without a real rule's data. They
 * act only on movements to facilities whose code starts with their trigger. They join the engine only in the
 * context of {@link RuleEngineTest}, which imports them: as a test configuration, component scanning leaves them out
 * of every other test, which therefore runs the production rule set (ProductionRuleSetTest).
 * {@link #HELD} is switched on per person and action by {@link #deny} on this bean, for movements that have no
 * facility to trigger on (a release, a removal).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRules {

    public static final String GATE = "TEST_GATE";
    static final String HARD = "TEST_HARD_LIMIT";
    static final String LEGAL = "TEST_LEGAL_HOLD";
    static final String PLANNING = "TEST_PLANNING_PROBE";
    public static final String HELD = "TEST_HELD";

    /** Every test rule, by name. */
    static final List<String> NAMES = List.of(GATE, HARD, HELD, LEGAL, PLANNING);

    private final Set<String> heldMovements = ConcurrentHashMap.newKeySet();

    /** From now on, {@link #HELD} denies {@code action} for {@code person}, and nothing else. */
    public void deny(UUID person, MovementAction action) {
        heldMovements.add(person + "/" + action);
    }

    /** Denies movements to facilities starting DENY, and throws for FAIL (the fail-closed path). */
    @Bean
    VettingRule testGate() {
        return rule(GATE, true, Role.SUPERVISOR, "DENY", "FAIL");
    }

    /** A hard limit no override lifts: facilities starting HARD. */
    @Bean
    VettingRule testHardLimit() {
        return rule(HARD, false, Role.SUPERVISOR, "HARD", null);
    }

    /** A legal hold whose override needs LEGAL: facilities starting HOLD. */
    @Bean
    VettingRule testLegalHold() {
        return rule(LEGAL, true, Role.LEGAL, "HOLD", null);
    }

    /** Denies the person and action pairs {@link #deny} named; passes every other movement. */
    @Bean
    VettingRule testHeld() {
        return new AnyMovement(HELD) {
            @Override
            public RuleOutcome evaluate(VettingRequest request, Evaluation evaluation) {
                return heldMovements.contains(request.person() + "/" + request.action())
                        ? RuleOutcome.deny(HELD, "MOVEMENT_DENIED", request.action() + " of this person is held",
                                "test", Instant.EPOCH)
                        : RuleOutcome.pass(HELD, "test", Instant.EPOCH);
            }
        };
    }

    /** Denies movements to facilities starting PLAN, naming the planner setting the rule's reads run under. */
    @Bean
    VettingRule testPlanningProbe(JdbcClient jdbc) {
        return new AnyMovement(PLANNING) {
            @Override
            public RuleOutcome evaluate(VettingRequest request, Evaluation evaluation) {
                if (request.toFacility() == null || !request.toFacility().startsWith("PLAN")) {
                    return RuleOutcome.pass(PLANNING, "test", Instant.EPOCH);
                }
                String mode = jdbc.sql("SHOW plan_cache_mode").query(String.class).single();
                return RuleOutcome.deny(PLANNING, "MOVEMENT_DENIED", "plan_cache_mode=" + mode, "test", Instant.EPOCH);
            }
        };
    }

    private static VettingRule rule(String name, boolean overridable, Role approver, String denyPrefix,
                                    String failPrefix) {
        return new AnyMovement(name) {
            @Override
            public RuleOutcome evaluate(VettingRequest request, Evaluation evaluation) {
                String to = request.toFacility() == null ? "" : request.toFacility();
                if (failPrefix != null && to.startsWith(failPrefix)) {
                    throw new IllegalStateException("test rule data unavailable");
                }
                return to.startsWith(denyPrefix)
                        ? RuleOutcome.deny(name, "MOVEMENT_DENIED", "destination " + to + " is closed",
                                "test", Instant.EPOCH)
                        : RuleOutcome.pass(name, "test", Instant.EPOCH);
            }

            @Override
            public boolean overridable() {
                return overridable;
            }

            @Override
            public Role approverRole() {
                return approver;
            }
        };
    }

    /** A test rule with its name, judging every kind of movement. */
    private abstract static class AnyMovement implements VettingRule {

        private final String name;

        AnyMovement(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<MovementAction> appliesTo() {
            return EnumSet.allOf(MovementAction.class);
        }
    }
}

package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.common.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The default test context is the production application: the engine holds the modules' rules and no test rule, so
 * every test on it proves the real rule set. Each action is listed with exactly the rules that judge it; a rule that
 * leaks into the context, a new rule, a new action or a rule that changes its actions fails here, and is then
 * listed on purpose. The test rules' own context is {@link RuleEngineTest} ({@link TestRuleSetTest}).
 */
class ProductionRuleSetTest extends IntegrationTest {

    /** The production rules, as the engine orders them (by name): estate's two, then custody's two. */
    static final List<String> PRODUCTION = List.of("AREA_MINIMUM", "CAPACITY", "NON_ASSOCIATION", "SEPARATION");

    /** For each action, the rules that judge it: only going into a cell meets a rule today. */
    static final Map<MovementAction, List<String>> BY_ACTION = new EnumMap<>(Map.of(
            MovementAction.PLACEMENT, PRODUCTION,
            MovementAction.CELL_MOVE, PRODUCTION,
            MovementAction.TRANSFER, List.of(),
            MovementAction.TEMPORARY_ABSENCE, List.of(),
            MovementAction.RELEASE, List.of(),
            MovementAction.REMOVAL, List.of(),
            MovementAction.HANDOVER, List.of()));

    @Autowired
    VettingService vetting;

    @Autowired
    List<VettingRule> rules;

    @Autowired
    DataDirectory dataDirectory;

    @Test
    void theEngineHoldsTheProductionRulesAndNoOther() {
        assertThat(vetting.ruleNames()).containsExactlyElementsOf(PRODUCTION);
        assertThat(rules).extracting(VettingRule::name).containsExactlyInAnyOrderElementsOf(PRODUCTION);
        assertThat(rules).extracting(VettingRule::name).noneMatch(name -> name.startsWith("TEST_"));
        List<String> listed = new ArrayList<>();
        as(Role.HOUSING).get("/api/vetting/rules").expect(200).json().forEach(name -> listed.add(name.asString()));
        assertThat(listed).as("GET /api/vetting/rules").containsExactlyElementsOf(PRODUCTION);
    }

    @Test
    void eachActionMeetsExactlyItsRules() {
        assertThat(BY_ACTION).as("every action is listed").containsOnlyKeys(MovementAction.values());
        Map<MovementAction, List<String>> applying = new EnumMap<>(MovementAction.class);
        for (MovementAction action : MovementAction.values()) {
            applying.put(action, rules.stream().filter(r -> r.appliesTo().contains(action)).map(VettingRule::name)
                    .sorted().toList());
        }
        assertThat(applying).isEqualTo(BY_ACTION);
    }

    /** The engine itself, over the API: a movement that goes into no cell meets no rule, and goes ahead. */
    @ParameterizedTest
    @EnumSource(value = MovementAction.class, names = {"PLACEMENT", "CELL_MOVE"}, mode = EnumSource.Mode.EXCLUDE)
    void aMovementIntoNoCellMeetsNoRule(MovementAction action) {
        JsonNode decision = as(Role.HOUSING).post(VettingApiTest.DECISIONS, Map.of("personId",
                UUID.randomUUID().toString(), "action", action.name())).expect(200).json();
        assertThat(decision.path("outcomes").isEmpty()).as("outcomes of %s: %s", action, decision).isTrue();
        assertThat(decision.path("allowed").asBoolean()).isTrue();
    }

    @Test
    void theDatabaseIsTheDefaultContextsOwn() {
        assertThat(dataDirectory.root()).isEqualTo(DATA_DIR.toAbsolutePath().normalize());
        assertThat(jdbc.sql("SHOW data_directory").query(String.class).single())
                .startsWith(DATA_DIR.toAbsolutePath().normalize().toString());
    }
}

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

    /** The production rules, as the engine orders them (by name): custody's, estate's, legal's, transfer's and the engine's own. */
    static final List<String> PRODUCTION = List.of("ABSENCE_AUTHORITY", "AGREEMENT_TERM", "AREA_MINIMUM", "CAPACITY",
            "CLASS_INJUNCTION", "FINAL_ORDER_REQUIRED", "LEGAL_HOLD", "LEGAL_REVIEW_STALE", "NON_ASSOCIATION",
            "NOTICE_WINDOW", "PROTECTION_ORDER", "RELEASE_AUTHORITY", "SECOND_APPROVER", "SEPARATION",
            "STAY_OF_REMOVAL", "TRANSFER_DESTINATION");

    /** For each action, the rules that judge it: exactly those declared for it (RequiredRules), no fewer, no more. */
    static final Map<MovementAction, List<String>> BY_ACTION = byAction();

    private static Map<MovementAction, List<String>> byAction() {
        Map<MovementAction, List<String>> byAction = new EnumMap<>(MovementAction.class);
        byAction.put(MovementAction.PLACEMENT, List.of("AGREEMENT_TERM", "AREA_MINIMUM", "CAPACITY", "NON_ASSOCIATION", "SEPARATION"));
        byAction.put(MovementAction.CELL_MOVE, List.of("AREA_MINIMUM", "CAPACITY", "NON_ASSOCIATION", "SEPARATION"));
        byAction.put(MovementAction.TRANSFER, List.of("TRANSFER_DESTINATION"));
        byAction.put(MovementAction.TEMPORARY_ABSENCE, List.of("ABSENCE_AUTHORITY"));
        byAction.put(MovementAction.RELEASE, List.of("RELEASE_AUTHORITY"));
        List<String> abroad = List.of("AGREEMENT_TERM", "CLASS_INJUNCTION", "FINAL_ORDER_REQUIRED", "LEGAL_HOLD", "LEGAL_REVIEW_STALE",
                "NOTICE_WINDOW", "PROTECTION_ORDER", "SECOND_APPROVER", "STAY_OF_REMOVAL");
        byAction.put(MovementAction.REMOVAL, abroad);
        byAction.put(MovementAction.HANDOVER, abroad);
        return byAction;
    }

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

    @Test
    void theRulesThatJudgeEachActionAreTheOnesDeclaredForIt() {
        for (MovementAction action : MovementAction.values()) {
            assertThat(BY_ACTION.get(action)).as(action.name()).isEqualTo(RequiredRules.of(action));
        }
    }

    /**
     * The engine itself, over the API: a movement out of a cell for a person of whom nothing is recorded, with no
     * basis and no destination, is refused by its own rules (fail closed, REQ-56), where it once met none and went
     * ahead.
     */
    @ParameterizedTest
    @EnumSource(value = MovementAction.class, names = {"PLACEMENT", "CELL_MOVE"}, mode = EnumSource.Mode.EXCLUDE)
    void aMovementIntoNoCellWithNothingRecordedIsRefused(MovementAction action) {
        JsonNode decision = as(Role.HOUSING).post(VettingApiTest.DECISIONS, Map.of("personId",
                UUID.randomUUID().toString(), "action", action.name())).expect(200).json();
        assertThat(decision.path("allowed").asBoolean()).as("%s: %s", action, decision).isFalse();
        List<String> judged = new ArrayList<>();
        decision.path("outcomes").forEach(o -> judged.add(o.path("rule").asString()));
        assertThat(judged).as(action.name()).containsAll(RequiredRules.of(action));
    }

    @Test
    void theDatabaseIsTheDefaultContextsOwn() {
        assertThat(dataDirectory.root()).isEqualTo(DATA_DIR.toAbsolutePath().normalize());
        assertThat(jdbc.sql("SHOW data_directory").query(String.class).single())
                .startsWith(DATA_DIR.toAbsolutePath().normalize().toString());
    }
}

package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.habeas.common.DataDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The test rules' context is the production application with {@link TestRules} added, over a database of its own:
 * the split from the default context ({@link ProductionRuleSetTest}) is real in both directions.
 */
class TestRuleSetTest extends RuleEngineTest {

    @Autowired
    VettingService vetting;

    @Autowired
    List<VettingRule> rules;

    @Autowired
    DataDirectory dataDirectory;

    @Test
    void theEngineHoldsTheProductionRulesAndTheTestRules() {
        assertThat(vetting.ruleNames()).containsExactlyElementsOf(
                Stream.concat(ProductionRuleSetTest.PRODUCTION.stream(), TestRules.NAMES.stream()).sorted().toList());
        for (VettingRule rule : rules) {
            if (TestRules.NAMES.contains(rule.name())) {
                assertThat(rule.appliesTo()).as(rule.name()).isEqualTo(EnumSet.allOf(MovementAction.class));
            }
        }
    }

    @Test
    void theProductionRulesJudgeTheSameActionsHere() {
        for (var entry : ProductionRuleSetTest.BY_ACTION.entrySet()) {
            assertThat(rules.stream().filter(r -> !TestRules.NAMES.contains(r.name()))
                    .filter(r -> r.appliesTo().contains(entry.getKey())).map(VettingRule::name).sorted().toList())
                    .as(entry.getKey().name()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void theDatabaseIsThisContextsOwn() {
        assertThat(OWN_DATA_DIR).isNotEqualTo(DATA_DIR);
        assertThat(dataDirectory.root()).isEqualTo(OWN_DATA_DIR.toAbsolutePath().normalize());
        assertThat(jdbc.sql("SHOW data_directory").query(String.class).single())
                .startsWith(OWN_DATA_DIR.toAbsolutePath().normalize().toString());
    }
}

package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aMove;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.UUID;

import org.habeas.access.Role;
import org.habeas.vetting.RuleEngineTest;
import org.habeas.vetting.TestRules;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Fail closed (REQ-56): a movement a rule could not judge is refused, and the stored decision says which
 * rule failed and how, so a reviewer can tell an error from a denial on the evidence (REQ-55: an explainable
 * decision record).
 */
class FailClosedRecordTest extends RuleEngineTest {

    @Test
    void aTransferARuleCouldNotJudgeIsRefusedAndTheErrorIsInTheDecisionRecord() {
        var intake = as(Role.INTAKE);
        var housing = as(Role.HOUSING);
        var estate = aFacility(as(Role.DIRECTOR), 1, 5, 5);
        UUID person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);

        var transfer = aMove("TRANSFERRED_OUT");
        transfer.put("destination", "FAIL-" + estate.code());   // the test gate throws for these
        transfer.put("detail", "escort team 1");
        var refused = housing.post("/api/people/" + person + "/movements", transfer).expect(409).json();
        assertThat(refused.path("code").asString()).isEqualTo("VETTING_RULE_FAILED");
        assertThat(housing.get("/api/people/" + person + "/whereabouts").expect(200).json().path("kind").asString())
                .isEqualTo("RECEPTION");

        UUID decision = UUID.fromString(refused.path("decision").asString());
        var stored = jdbc.sql("SELECT person_id, action, allowed, outcomes::text FROM vetting_decision WHERE id = :id")
                .param("id", decision).query((rs, n) -> new Object[] {rs.getObject(1), rs.getString(2),
                        rs.getBoolean(3), rs.getString(4)}).single();
        assertThat(stored[0]).isEqualTo(person);
        assertThat(stored[1]).isEqualTo("TRANSFER");
        assertThat(stored[2]).isEqualTo(false);
        JsonNode gate = null;
        for (JsonNode outcome : json.readTree((String) stored[3])) {
            if (outcome.path("rule").asString().equals(TestRules.GATE)) {
                gate = outcome;
            }
        }
        assertThat(gate).as("the failed rule's outcome is stored").isNotNull();
        assertThat(gate.path("verdict").asString()).isEqualTo("ERROR");
        assertThat(gate.path("code").asString()).isEqualTo("VETTING_RULE_FAILED");
        assertThat(gate.path("reason").asString()).isEqualTo("the rule could not be evaluated: IllegalStateException");
        assertThat(gate.path("detailKey").asString()).isEqualTo("vetting.ruleDetail.failed");
        assertThat(gate.path("detailArgs").toString()).isEqualTo("[\"IllegalStateException\"]");
    }
}

package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rival groups kept apart at CELL and FACILITY scope (PlacementRulesTest covers MODULE), through allegations: the
 * NON_ASSOCIATION rule looks at the people held where the mover would go, and a withdrawn allegation no longer counts
 * (REQ-22). Guards the set-up of the rule's queries that bench/vetting measured.
 */
class GroupNonAssociationScopeTest extends IntegrationTest {

    ApiClient intake;
    ApiClient housing;
    TestData.Estate estate;
    String tag;

    @BeforeEach
    void aFacilityOfThreeCells() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        estate = aFacility(as(Role.DIRECTOR), 3, 4, 4);
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void atCellScopeRivalsMayShareTheModuleButNotTheCell() {
        UUID north = admitted("Norte");
        place(north, 0).expect(201);
        UUID south = admitted("Sur");
        keepApart("Norte", "Sur", "CELL");
        var refused = place(south, 0).expect(409).code("NON_ASSOCIATION");
        assertThat(refused.json().path("reasons").get(0).asString()).contains("alleged Sur " + tag, "CELL level");
        place(south, 1).expect(201);
    }

    @Test
    void atFacilityScopeARivalAnywhereInTheFacilityCountsUntilTheAllegationIsWithdrawn() {
        UUID east = admitted("Este");   // stays in reception: still in the facility
        UUID west = admitted("Oeste");
        String allegation = intake.get("/api/people/" + east + "/allegations").expect(200).json().get(0)
                .path("id").asString();
        keepApart("Oeste", "Este", "FACILITY");
        place(west, 2).expect(409).code("NON_ASSOCIATION");
        as(Role.LEGAL).put("/api/allegations/" + allegation + "/status", Map.of("status", "WITHDRAWN",
                "reason", "the report named another person")).expect(200);
        place(west, 2).expect(201);
    }

    @Test
    void aClosedGroupRecordNoLongerSeparates() {
        UUID north = admitted("Norte");
        place(north, 0).expect(201);
        UUID south = admitted("Sur");
        String record = keepApart("Sur", "Norte", "CELL");
        place(south, 0).expect(409).code("NON_ASSOCIATION");
        housing.post("/api/non-associations/" + record + "/close", Map.of("reason", "truce")).expect(200);
        place(south, 0).expect(201);
    }

    UUID admitted(String group) {
        UUID person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        intake.post("/api/people/" + person + "/allegations", Map.of("kind", "GANG_AFFILIATION",
                "group", group + " " + tag, "source", "police report")).expect(201);
        return person;
    }

    String keepApart(String a, String b, String scope) {
        return housing.post("/api/non-associations", Map.of("groupA", a + " " + tag, "groupB", b + " " + tag,
                "scope", scope, "reason", "rival groups", "source", "classification policy")).expect(201).json()
                .path("id").asString();
    }

    org.habeas.ApiResponse place(UUID person, int cell) {
        return housing.post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(cell)));
    }
}

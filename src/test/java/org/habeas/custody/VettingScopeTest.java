package org.habeas.custody;

import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A dry run or an override request answers nothing about a person or a cell of another facility: the rules'
 * reasons would otherwise tell who shares a cell and why people are kept apart there.
 */
class VettingScopeTest extends IntegrationTest {

    TestData.Estate held;
    TestData.Estate other;
    UUID person;

    @BeforeEach
    void aPersonInACellOfOneFacility() {
        held = aFacility(as(Role.DIRECTOR), 2, 5, 6);
        other = aFacility(as(Role.DIRECTOR), 1, 5, 6);
        person = aPerson(as(Role.INTAKE), held.code());
        as(Role.INTAKE).post("/api/people/" + person + "/custody", anAdmission(held.code())).expect(201);
        as(Role.HOUSING).post("/api/people/" + person + "/movements", aPlacement(held.cells().get(0))).expect(201);
    }

    ApiClient housingOf(String facility) {
        var user = access.createUser(new NewUser("hs" + UUID.randomUUID().toString().substring(0, 8), "Housing",
                PASSWORD_OF_TEST_USERS, Set.of(Role.HOUSING), Set.of(facility)));
        return anonymous().basic(user.username(), PASSWORD_OF_TEST_USERS);
    }

    Map<String, Object> aCellMove(UUID to, String facility) {
        Map<String, Object> movement = new HashMap<>();
        movement.put("personId", person.toString());
        movement.put("action", "CELL_MOVE");
        movement.put("toLocation", to.toString());
        if (facility != null) {
            movement.put("facility", facility);
        }
        return movement;
    }

    @Test
    void aPersonHeldInAnotherFacilityIsNotFoundWhateverFacilityTheRequestNames() {
        var stranger = housingOf(other.code());
        stranger.post("/api/vetting/decisions", aCellMove(held.cells().get(1), null)).expect(404)
                .code("PERSON_NOT_FOUND");
        stranger.post("/api/vetting/decisions", aCellMove(held.cells().get(1), other.code())).expect(404)
                .code("PERSON_NOT_FOUND");
        stranger.post("/api/overrides", Map.of("movement", aCellMove(held.cells().get(1), other.code()),
                "rule", "CAPACITY", "reason", "r", "legalBasis", "b",
                "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).expect(404).code("PERSON_NOT_FOUND");

        housingOf(held.code()).post("/api/vetting/decisions", aCellMove(held.cells().get(1), null)).expect(200);
    }

    @Test
    void aCellOfAnotherFacilityIsNotFoundAndTheFacilityMustBeTheOneThePersonIsIn() {
        var officer = housingOf(held.code());
        officer.post("/api/vetting/decisions", aCellMove(other.cells().get(0), null)).expect(404)
                .code("LOCATION_NOT_FOUND");
        officer.post("/api/vetting/decisions", aCellMove(held.cells().get(1), other.code())).expect(404)
                .code("FACILITY_NOT_FOUND");
        as(Role.HOUSING).post("/api/vetting/decisions", aCellMove(held.cells().get(1), other.code())).expect(400)
                .code("VALIDATION_FAILED").field("facility");
    }
}

package org.habeas.vetting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Who may ask the engine and what a movement must say, on the production rule set; what the engine answers, rule by
 * rule, is {@link VettingDecisionApiTest}'s, with the test rules.
 */
@DisplayName("POST /api/vetting/decisions")
class VettingApiTest extends IntegrationTest {

    static final String DECISIONS = "/api/vetting/decisions";

    /**
     * Makes sure a facility called {@code code} is an open facility of the register with room, so that a transfer
     * to it passes TRANSFER_DESTINATION and only the test rules (which read the code's prefix) decide.
     */
    static String anOpenFacility(org.habeas.ApiClient director, String code) {
        if (org.habeas.TestData.postFacility(director, code).status() == 201) {
            director.post("/api/facilities/" + code + "/locations", Map.of("format", "habeas-layout/1", "locations",
                    List.of(Map.of("path", "C1", "kind", "CELL", "certifiedNormal", 50, "operationalCapacity", 50,
                            "maximumCapacity", 50, "floorAreaM2", 500.0)))).expect(201);
        }
        return code;
    }

    static Map<String, Object> aTransfer(UUID person, String toFacility) {
        Map<String, Object> movement = new HashMap<>();
        movement.put("personId", person.toString());
        movement.put("action", "TRANSFER");
        movement.put("toFacility", toFacility);
        return movement;
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLogon() {
            anonymous().post(DECISIONS, aTransfer(UUID.randomUUID(), "OPEN")).expect(401).code("UNAUTHENTICATED");
        }

        @Test
        void refusedForRolesThatMoveNobody() {
            as(Role.INSPECTOR).post(DECISIONS, aTransfer(UUID.randomUUID(), "OPEN")).expect(403).code("FORBIDDEN");
            as(Role.AGENCY).post(DECISIONS, aTransfer(UUID.randomUUID(), "OPEN")).expect(403).code("FORBIDDEN");
            as(Role.INSPECTOR).post(DECISIONS + "/batch", List.of(aTransfer(UUID.randomUUID(), "OPEN"))).expect(403);
            as(Role.AGENCY).get("/api/vetting/rules").expect(403).code("FORBIDDEN");
        }

        @Test
        void aFacilityOutOfScopeIsNotFound() {
            var scoped = access.createUser(new org.habeas.access.NewUser("scoped-" + UUID.randomUUID().toString()
                    .substring(0, 8), "Scoped", PASSWORD_OF_TEST_USERS, java.util.Set.of(Role.HOUSING),
                    java.util.Set.of("FAC-A")));
            var movement = aTransfer(UUID.randomUUID(), "OPEN");
            movement.put("facility", "FAC-B");
            anonymous().basic(scoped.username(), PASSWORD_OF_TEST_USERS).post(DECISIONS, movement).expect(404)
                    .code("FACILITY_NOT_FOUND");
            movement.put("facility", "FAC-A");
            anonymous().basic(scoped.username(), PASSWORD_OF_TEST_USERS).post(DECISIONS, movement).expect(200);
        }
    }

    @Nested
    class Validation {
        @Test
        void personIsRequired() {
            var movement = aTransfer(UUID.randomUUID(), "OPEN");
            movement.remove("personId");
            as(Role.HOUSING).post(DECISIONS, movement).expect(400).code("VALIDATION_FAILED").field("personId");
        }

        @Test
        void unknownActionIsNamed() {
            var movement = aTransfer(UUID.randomUUID(), "OPEN");
            movement.put("action", "TELEPORT");
            as(Role.HOUSING).post(DECISIONS, movement).expect(400).code("VALIDATION_FAILED").field("action");
        }

        @Test
        void countryIsTwoLetters() {
            var movement = aTransfer(UUID.randomUUID(), "OPEN");
            movement.put("toCountry", "Salvador");
            as(Role.HOUSING).post(DECISIONS, movement).expect(400).code("VALIDATION_FAILED").field("toCountry");
        }

        @Test
        void aBatchHasAtMostFiveHundred() {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 501; i++) {
                batch.add(aTransfer(UUID.randomUUID(), "OPEN"));
            }
            as(Role.HOUSING).post(DECISIONS + "/batch", batch).expect(400).code("VALIDATION_FAILED");
        }
    }
}

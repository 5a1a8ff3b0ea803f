package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.TestData.registerFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * What a non-association's scope means is defined once (placement_unit, V60) and every reader agrees with it: the
 * NON_ASSOCIATION rule on a personal record, the rule on a group record (through the per-cell counts), and the person
 * page's list of records held together. Each case puts two people somewhere, records them apart at a scope, and asks
 * all three; a reader with its own idea of MODULE scope (a cell without a module, reception) fails here (REQ-22).
 */
class ScopeMeaningTest extends IntegrationTest {

    ApiClient intake;
    ApiClient housing;
    String facility;
    Map<String, UUID> cells;
    String tag;

    /** M1 with two cells, M2 with one, and a cell X1 in no module. */
    @BeforeEach
    void anEstateWithACellOutsideAnyModule() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        ApiClient director = as(Role.DIRECTOR);
        facility = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        registerFacility(director, facility);
        List<Object> locations = new ArrayList<>();
        locations.add(Map.of("path", "M1", "kind", "MODULE"));
        locations.add(Map.of("path", "M2", "kind", "MODULE"));
        for (String[] cell : new String[][] {{"M1-C1", "M1"}, {"M1-C2", "M1"}, {"M2-C1", "M2"}, {"X1", null}}) {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("path", cell[0]);
            if (cell[1] != null) {
                location.put("parent", cell[1]);
            }
            location.put("kind", "CELL");
            location.put("certifiedNormal", 40);
            location.put("operationalCapacity", 40);
            location.put("maximumCapacity", 40);
            location.put("floorAreaM2", 500.0);
            locations.add(location);
        }
        director.post("/api/facilities/" + facility + "/locations", Map.of("format", "habeas-layout/1",
                "locations", locations)).expect(201);
        cells = new LinkedHashMap<>();
        for (JsonNode location : director.get("/api/facilities/" + facility + "/locations").expect(200).json()) {
            if (location.path("kind").asString().equals("CELL")) {
                String pathKey = location.path("pathKey").asString();
                cells.put(pathKey.substring(facility.length() + 1), UUID.fromString(location.path("id").asString()));
            }
        }
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void everyReaderAgreesOnEachScope() {
        // where A is, where B is, and whether they are within CELL, MODULE and FACILITY scope of each other
        Object[][] cases = {
                {"M1-C1", "M1-C1", true, true, true},
                {"M1-C1", "M1-C2", false, true, true},
                {"M1-C1", "M2-C1", false, false, true},
                {"X1", "M1-C1", false, false, true},
                {"X1", "X1", true, true, true},
                {null, "M1-C1", false, false, true}};   // A in reception: in the facility, in no module or cell
        for (Object[] c : cases) {
            String[] scopes = {"CELL", "MODULE", "FACILITY"};
            for (int s = 0; s < scopes.length; s++) {
                boolean expected = (boolean) c[2 + s];
                String where = "A in %s, B in %s, %s scope".formatted(c[0], c[1], scopes[s]);
                Verdicts verdicts = ask((String) c[0], (String) c[1], scopes[s]);
                assertThat(verdicts.personalRule()).as("personal rule, " + where).isEqualTo(expected);
                assertThat(verdicts.heldTogether()).as("held together, " + where).isEqualTo(expected);
                assertThat(verdicts.groupRule()).as("group rule, " + where).isEqualTo(expected);
            }
        }
    }

    @Test
    void theCellsInAUnitAreTheCellsWhoseUnitItIs() {
        for (UUID cell : cells.values()) {
            for (String scope : new String[] {"CELL", "MODULE"}) {
                String unit = jdbc.sql("SELECT placement_unit(:scope, facility_code, id, parent_id) FROM estate_place"
                        + " WHERE id = :cell").param("scope", scope).param("cell", cell).query(String.class).single();
                List<UUID> sharing = jdbc.sql("SELECT id FROM estate_place WHERE facility_code = :facility"
                        + " AND holds_people AND placement_unit(:scope, facility_code, id, parent_id) = :unit")
                        .param("facility", facility).param("scope", scope).param("unit", unit).query(UUID.class)
                        .list();
                UUID[] units = {UUID.fromString(unit)};
                UUID[] none = {};
                List<UUID> inUnit = jdbc.sql("SELECT * FROM placement_cells_in_units(:cells, :modules)")
                        .param("cells", scope.equals("CELL") ? units : none)
                        .param("modules", scope.equals("MODULE") ? units : none).query(UUID.class).list();
                assertThat(inUnit).as("%s unit of %s", scope, cell).containsExactlyInAnyOrderElementsOf(sharing);
            }
        }
    }

    record Verdicts(boolean personalRule, boolean heldTogether, boolean groupRule) {
    }

    /**
     * Two people of two rival groups, B placed first, then A (or A left in reception), then recorded apart personally
     * and as groups at {@code scope}; answers what the rule says of B moving into B's own cell again, and the page.
     */
    Verdicts ask(String placeOfA, String placeOfB, String scope) {
        String round = UUID.randomUUID().toString().substring(0, 6);
        UUID a = admitted("Norte " + tag + round);
        UUID b = admitted("Sur " + tag + round);
        housing.post("/api/people/" + b + "/movements", aPlacement(cells.get(placeOfB))).expect(201);
        if (placeOfA != null) {
            housing.post("/api/people/" + a + "/movements", aPlacement(cells.get(placeOfA))).expect(201);
        }
        String personal = housing.post("/api/non-associations", Map.of("personA", a, "personB", b, "scope", scope,
                "reason", "threats", "source", "incident report")).expect(201).json().path("id").asString();
        boolean heldTogether = housing.get("/api/people/" + a + "/non-associations/held-together").expect(200)
                .json().toString().contains(personal);
        boolean personalRule = deniedMovingInto(b, placeOfB);
        housing.post("/api/non-associations/" + personal + "/close", Map.of("reason", "asked the group rule"))
                .expect(200);
        housing.post("/api/non-associations", Map.of("groupA", "Norte " + tag + round, "groupB",
                "Sur " + tag + round, "scope", scope, "reason", "rival groups", "source", "policy")).expect(201);
        boolean groupRule = deniedMovingInto(b, placeOfB);
        return new Verdicts(personalRule, heldTogether, groupRule);
    }

    boolean deniedMovingInto(UUID person, String cell) {
        JsonNode decision = housing.post("/api/vetting/decisions", Map.of("personId", person.toString(),
                "action", "CELL_MOVE", "toLocation", cells.get(cell).toString())).expect(200).json();
        for (JsonNode outcome : decision.path("outcomes")) {
            if (outcome.path("rule").asString().equals("NON_ASSOCIATION")) {
                return outcome.path("verdict").asString().equals("DENY");
            }
        }
        throw new AssertionError("no NON_ASSOCIATION outcome in " + decision);
    }

    UUID admitted(String group) {
        UUID person = aPerson(intake, facility);
        intake.post("/api/people/" + person + "/custody", anAdmission(facility)).expect(201);
        intake.post("/api/people/" + person + "/allegations", Map.of("kind", "GANG_AFFILIATION", "group", group,
                "source", "police report")).expect(201);
        return person;
    }
}

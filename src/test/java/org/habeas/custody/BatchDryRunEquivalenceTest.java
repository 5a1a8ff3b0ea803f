package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.habeas.vetting.RuleEngineTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The batch dry run ({@code VettingService.dryRun(List)}, where each rule answers all movements at once) decides
 * exactly as the dry run of each movement alone: same verdicts, same rules, same reason codes and reasons, over a
 * generated set of 400 movements (seeded) on a small estate of two modules with every kind of record the placement
 * rules read: categories of sex, age and legal status (some changed by SQL after placement, so cells are mixed),
 * personal and group non-associations at CELL, MODULE and FACILITY scope, closed records, withdrawn allegations,
 * full cells, people not in custody, unknown cells, movements no cell rule applies to, and a rule that fails (the
 * test gate, hence the test rules' context).
 */
class BatchDryRunEquivalenceTest extends RuleEngineTest {

    static final int MOVEMENTS = 400;
    static final String[] STATUSES = {"PRE_TRIAL", "PRE_TRIAL", "SENTENCED", "IMMIGRATION"};

    final Random random = new Random(20261201);
    ApiClient intake;
    ApiClient housing;

    @Test
    void aBatchDecidesEveryMovementAsItsOwnDryRunDoes() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Estate estate = twoModules(as(Role.DIRECTOR));
        openDestinations();
        List<String> groups = List.of("Norte " + tag, "Sur " + tag, "Este " + tag, "Oeste " + tag);

        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean woman = i % 5 == 0;
            UUID person = aPerson(intake, estate.code(), woman ? "FEMALE" : "MALE");
            people.add(person);
            if (i >= 36) {
                continue;   // registered, never admitted: nobody the rules know as held
            }
            var admission = anAdmission(estate.code());
            admission.put("legalStatus", STATUSES[random.nextInt(STATUSES.length)]);
            intake.post("/api/people/" + person + "/custody", admission).expect(201);
            if (i < 32) {   // some stay in reception; some placements are refused (full, separation): that is fine
                housing.post("/api/people/" + person + "/movements",
                        aPlacement(estate.cells().get(random.nextInt(estate.cells().size()))));
            }
            for (int a = random.nextInt(3); a > 0; a--) {
                String allegation = intake.post("/api/people/" + person + "/allegations", Map.of("kind",
                        "GANG_AFFILIATION", "group", groups.get(random.nextInt(groups.size())), "source",
                        "police report")).expect(201).json().path("id").asString();
                if (random.nextInt(4) == 0) {
                    as(Role.LEGAL).put("/api/allegations/" + allegation + "/status", Map.of("status", "WITHDRAWN",
                            "reason", "not confirmed")).expect(200);
                }
            }
        }
        // Reclassified behind the placements' back, so some cells hold people the separation rule would keep apart.
        jdbc.sql("UPDATE custody_episode SET juvenile = true WHERE person_id = ANY (:p)")
                .param("p", new UUID[] {people.get(3), people.get(7), people.get(11)}).update();
        jdbc.sql("UPDATE custody_episode SET legal_status = 'CIVIL' WHERE person_id = ANY (:p)")
                .param("p", new UUID[] {people.get(4), people.get(9)}).update();

        String[] scopes = {"CELL", "MODULE", "FACILITY"};
        for (int i = 0; i < 30; i++) {
            UUID a = people.get(random.nextInt(people.size()));
            UUID b = people.get(random.nextInt(people.size()));
            if (a.equals(b)) {
                continue;
            }
            String record = housing.post("/api/non-associations", Map.of("personA", a, "personB", b, "scope",
                    scopes[i % 3], "reason", "threats " + i, "source", "incident report " + i)).expect(201).json()
                    .path("id").asString();
            if (i % 5 == 0) {
                housing.post("/api/non-associations/" + record + "/close", Map.of("reason", "reconciled"))
                        .expect(200);
            }
        }
        for (int i = 0; i < 7; i++) {
            String record = housing.post("/api/non-associations", Map.of("groupA", groups.get(i % 4),
                    "groupB", groups.get((i + 1 + i / 4) % 4), "scope", scopes[i % 3], "reason", "rival groups " + i,
                    "source", "classification policy")).expect(201).json().path("id").asString();
            if (i == 6) {
                housing.post("/api/non-associations/" + record + "/close", Map.of("reason", "truce")).expect(200);
            }
        }
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                .size()).isZero();

        List<Map<String, Object>> movements = new ArrayList<>();
        for (int i = 0; i < MOVEMENTS; i++) {
            movements.add(movement(people.get(random.nextInt(people.size())), estate));
        }
        List<JsonNode> batched = new ArrayList<>();
        for (int from = 0; from < MOVEMENTS; from += 200) {
            housing.post("/api/vetting/decisions/batch", movements.subList(from, from + 200)).expect(200).json()
                    .forEach(batched::add);
        }
        assertThat(batched).hasSize(MOVEMENTS);
        int denied = 0;
        Set<String> codes = new TreeSet<>();
        for (int i = 0; i < MOVEMENTS; i++) {
            JsonNode alone = housing.post("/api/vetting/decisions", movements.get(i)).expect(200).json();
            assertThat(outcomes(batched.get(i))).as("movement %d: %s", i, movements.get(i))
                    .isEqualTo(outcomes(alone));
            assertThat(batched.get(i).path("allowed").asBoolean()).isEqualTo(alone.path("allowed").asBoolean());
            if (!alone.path("allowed").asBoolean()) {
                denied++;
            }
            alone.path("outcomes").forEach(o -> codes.add(o.path("rule").asString() + ":" + (o.path("verdict")
                    .asString().equals("PASS") ? "PASS" : o.path("code").asString())));
        }
        // The generated set reaches every denial the cell rules give, and passes too.
        assertThat(codes).contains("SEPARATION:SEPARATION_REQUIRED", "NON_ASSOCIATION:NON_ASSOCIATION",
                "CAPACITY:CAPACITY_EXCEEDED", "CAPACITY:LOCATION_NOT_FOUND", "AREA_MINIMUM:AREA_BELOW_MINIMUM",
                "TEST_GATE:VETTING_RULE_FAILED", "SEPARATION:PASS", "NON_ASSOCIATION:PASS",
                "TRANSFER_DESTINATION:FACILITY_NOT_ACTIVE", "TRANSFER_DESTINATION:PASS");
        assertThat(denied).isBetween(MOVEMENTS / 10, MOVEMENTS * 9 / 10);
    }

    @Test
    void aBatchIsRefusedAsItsFirstRefusedMovementWouldBe() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        Estate estate = twoModules(as(Role.DIRECTOR));
        openDestinations();
        UUID held = aPerson(intake, estate.code());
        intake.post("/api/people/" + held + "/custody", anAdmission(estate.code())).expect(201);
        var fine = Map.<String, Object>of("personId", held.toString(), "action", "CELL_MOVE", "toLocation",
                estate.cells().get(0).toString());
        var elsewhere = Map.<String, Object>of("personId", held.toString(), "action", "CELL_MOVE", "facility",
                "OTRO-1", "toLocation", estate.cells().get(0).toString());
        housing.post("/api/vetting/decisions", elsewhere).expect(400).code("VALIDATION_FAILED").field("facility");
        housing.post("/api/vetting/decisions/batch", List.of(fine, fine, elsewhere, fine)).expect(400)
                .code("VALIDATION_FAILED").field("facility");
    }

    final List<String> destinations = new ArrayList<>();

    /** Open destinations for the transfers (a full one is OutOfCellVettingTest's). */
    void openDestinations() {
        for (int d = 0; d < 3; d++) {
            destinations.add(CustodyFixtures.aFacility(as(Role.DIRECTOR), 1, 5, 5).code());
        }
    }

    Map<String, Object> movement(UUID person, Estate estate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personId", person.toString());
        int kind = random.nextInt(20);
        if (kind < 2) {
            m.put("action", "TRANSFER");
            m.put("toFacility", kind == 0 ? "FAIL-" + random.nextInt(9)
                    : random.nextInt(8) == 0 ? "OTRO-" + random.nextInt(9)
                    : destinations.get(random.nextInt(destinations.size())));
            return m;
        }
        m.put("action", kind < 8 ? "PLACEMENT" : "CELL_MOVE");
        if (random.nextBoolean()) {
            m.put("facility", estate.code());
        }
        int where = random.nextInt(40);
        m.put("toLocation", (where == 0 ? UUID.randomUUID() : where == 1 ? estate.modules().get(0)
                : estate.cells().get(random.nextInt(estate.cells().size()))).toString());
        return m;
    }

    /** Each outcome's rule, verdict, code, reason and source: all but the time of the data, read at each call. */
    static List<String> outcomes(JsonNode decision) {
        List<String> found = new ArrayList<>();
        decision.path("outcomes").forEach(o -> found.add(String.join(" | ", o.path("rule").asString(),
                o.path("verdict").asString(), o.path("code").asString(), o.path("reason").asString(),
                o.path("source").asString())));
        return found;
    }

    record Estate(String code, List<UUID> modules, List<UUID> cells) {
    }

    /**
     * Two modules of three cells: operational 3, maximum 4; the third cell of each module has 6 m² of floor, room
     * for one by the ICRC minimum, so AREA_MINIMUM has something to say.
     */
    static Estate twoModules(ApiClient director) {
        String code = "E" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        TestData.registerFacility(director, code);
        List<Object> locations = new ArrayList<>();
        for (int m = 1; m <= 2; m++) {
            locations.add(Map.of("path", "M" + m, "kind", "MODULE"));
            for (int c = 1; c <= 3; c++) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("path", "M%d-C%02d".formatted(m, c));
                cell.put("parent", "M" + m);
                cell.put("kind", "CELL");
                cell.put("certifiedNormal", 2);
                cell.put("operationalCapacity", 3);
                cell.put("maximumCapacity", 4);
                cell.put("floorAreaM2", c == 3 ? 6.0 : 40.0);
                locations.add(cell);
            }
        }
        director.post("/api/facilities/" + code + "/locations", Map.of("format", "habeas-layout/1",
                "locations", locations)).expect(201);
        List<UUID> modules = new ArrayList<>();
        List<UUID> cells = new ArrayList<>();
        for (JsonNode location : director.get("/api/facilities/" + code + "/locations").expect(200).json()) {
            UUID id = UUID.fromString(location.path("id").asString());
            (location.path("kind").asString().equals("CELL") ? cells : modules).add(id);
        }
        return new Estate(code, modules, cells);
    }
}

package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.habeas.custody.BatchDryRunEquivalenceTest.Estate;
import org.habeas.vetting.RuleDetails;
import org.habeas.vetting.RuleOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import tools.jackson.databind.JsonNode;

/**
 * The detail of each rule outcome (why a movement is denied, and on what record) in the officer's language (issue
 * 6): every variant the cell rules give, produced by real movements, exists in English and Spanish; the dry run, the
 * refusal after a denied move and the supervisor's override queue show it in Spanish or English, with the record's
 * free-text reason as entered; the API keeps its English reasons.
 */
@DisplayName("rule details in English and Spanish")
class RuleDetailLanguagesTest extends IntegrationTest {

    static final String THREATS = "amenazas en el patio";

    @Autowired
    MessageSource messages;

    ApiClient intake;
    ApiClient housing;
    final Set<String> keys = new TreeSet<>();
    final Set<String> statuses = new TreeSet<>();

    @BeforeEach
    void callers() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
    }

    @Test
    void everyDenialTheCellRulesGiveIsExplainedInEnglishAndSpanish() {   // REQ-20, REQ-22, REQ-29
        Estate estate = BatchDryRunEquivalenceTest.twoModules(as(Role.DIRECTOR));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID m1c1 = estate.cells().get(0);
        UUID m1c2 = estate.cells().get(1);
        UUID m1c3 = estate.cells().get(2);
        UUID m2c1 = estate.cells().get(3);
        UUID m2c2 = estate.cells().get(4);
        UUID m2c3 = estate.cells().get(5);

        // Personal non-associations, one per scope, each with its own pair of people.
        apart(placed(estate, m1c1, "MALE"), admitted(estate, "MALE"), "CELL", m1c1);
        apart(placed(estate, m2c1, "MALE"), admitted(estate, "MALE"), "MODULE", m2c2);
        apart(placed(estate, m1c2, "MALE"), admitted(estate, "MALE"), "FACILITY", m2c2);
        // Group non-associations, one per scope, between alleged members of two groups.
        String[][] groups = {{"CELL", "Norte " + tag, "Sur " + tag}, {"MODULE", "Este " + tag, "Oeste " + tag},
                {"FACILITY", "Alto " + tag, "Bajo " + tag}};
        UUID[] heldIn = {m1c1, m1c2, m2c1};
        UUID[] goingTo = {m1c1, m1c3, m1c3};
        for (int i = 0; i < 3; i++) {
            UUID held = admitted(estate, "MALE");
            allege(held, groups[i][1]);
            housing.post("/api/people/" + held + "/movements", aPlacement(heldIn[i])).expect(201);
            UUID mover = admitted(estate, "MALE");
            allege(mover, groups[i][2]);
            housing.post("/api/non-associations", Map.of("groupA", groups[i][1], "groupB", groups[i][2],
                    "scope", groups[i][0], "reason", "rivalidad " + i, "source", "política de clasificación"))
                    .expect(201);
            judge(placement(mover, goingTo[i]));
        }
        // Separation: a woman into a cell of men.
        UUID woman = admitted(estate, "FEMALE");
        judge(placement(woman, m1c1));
        // Capacity and floor area: a full cell, a cell at its maximum, a cell with room for one by the ICRC
        // minimum, a module (no capacity), a cell out of use, a planned cell, and no such location.
        UUID anyone = admitted(estate, "MALE");
        for (int i = 0; i < 3; i++) {
            placed(estate, m2c2, "MALE");
        }
        judge(placement(anyone, m2c2));
        placed(estate, m2c3, "MALE");
        judge(placement(anyone, m2c3));
        jdbc.sql("UPDATE location SET maximum_capacity = 3 WHERE id = :id").param("id", m2c2).update();
        judge(placement(anyone, m2c2));
        judge(placement(anyone, estate.modules().get(0)));
        jdbc.sql("UPDATE location SET status = 'INACTIVE', inactive_reason = 'MAINTENANCE' WHERE id = :id")
                .param("id", m1c3).update();
        judge(placement(anyone, m1c3));
        judge(placement(anyone, plannedCell(estate)));
        judge(placement(anyone, UUID.randomUUID()));

        assertThat(keys).contains("custody.ruleDetail.NON_ASSOCIATION.personal.CELL",
                "custody.ruleDetail.NON_ASSOCIATION.personal.MODULE",
                "custody.ruleDetail.NON_ASSOCIATION.personal.FACILITY",
                "custody.ruleDetail.NON_ASSOCIATION.group.CELL", "custody.ruleDetail.NON_ASSOCIATION.group.MODULE",
                "custody.ruleDetail.NON_ASSOCIATION.group.FACILITY", "custody.ruleDetail.SEPARATION.otherSex",
                "estate.ruleDetail.CAPACITY_EXCEEDED", "estate.ruleDetail.MAXIMUM_CAPACITY_EXCEEDED",
                "estate.ruleDetail.AREA_BELOW_MINIMUM", "estate.ruleDetail.CAPACITY_NOT_APPLICABLE",
                "estate.ruleDetail.LOCATION_INACTIVE", "estate.ruleDetail.LOCATION_NOT_FOUND");
        assertThat(statuses).containsExactly("INACTIVE", "PLANNED");
    }

    @Test
    void aRefusedCellMoveIsExplainedInTheOfficersLanguageWithTheRecordsReason() {   // REQ-22
        TestData.Estate estate = CustodyFixtures.aFacility(as(Role.DIRECTOR), 3, 4, 4);
        UUID first = inCell(estate, aPerson(intake, estate.code()), 0);
        UUID second = inCell(estate, aPerson(intake, estate.code()), 1);
        housing.post("/api/non-associations", Map.of("personA", first.toString(), "personB", second.toString(),
                "scope", "CELL", "reason", THREATS, "source", "informe de seguridad 4")).expect(201);
        var officer = new PageSession(baseUrl()).logOn(newUser(Role.HOUSING).username(), PASSWORD_OF_TEST_USERS);
        String dryRun = "/people/" + second + "/custody/dry-run?type=MOVED&cell=" + estate.cells().get(0);

        String spanish = officer.get(dryRun + "&lang=es").body();
        assertThat(spanish).contains("En detalle: una persona de la que debe estar separada dentro de una celda está "
                + "en esa celda: " + THREATS + " (fuente: custodia: prohibiciones de convivencia y alegaciones)")
                .doesNotContain("a person to be kept apart", "non-associations and allegations");
        var moved = officer.post("/people/" + second + "/custody/movements", Map.of("type", "MOVED",
                "cell", estate.cells().get(0).toString(), "reason", "cambio de celda"));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(officer.get("/people/" + second + "/custody?lang=es").body())
                .contains("Prohibiciones de convivencia — NON_ASSOCIATION: una persona de la que debe estar separada "
                        + "dentro de una celda está en esa celda: " + THREATS)
                .doesNotContain("a person to be kept apart");

        assertThat(officer.get(dryRun + "&lang=en").body()).contains("In detail: a person to be kept apart at CELL "
                + "level is in that cell: " + THREATS + " (source: custody: non-associations and allegations)");
        officer.post("/people/" + second + "/custody/movements", Map.of("type", "MOVED",
                "cell", estate.cells().get(0).toString(), "reason", "cambio de celda"));
        assertThat(officer.get("/people/" + second + "/custody?lang=en").body()).contains("Non-associations — "
                + "NON_ASSOCIATION: a person to be kept apart at CELL level is in that cell: " + THREATS);

        // The API's problem details keep the English reasons, whatever the caller's language.
        var refused = housing.post("/api/people/" + second + "/movements", Map.of("type", "MOVED", "toLocation",
                estate.cells().get(0).toString())).expect(409).code("NON_ASSOCIATION").json();
        assertThat(refused.path("reasons").get(0).asString()).isEqualTo("NON_ASSOCIATION: a person to be kept apart "
                + "at CELL level is in that cell: " + THREATS);
    }

    @Test
    void theOverrideQueueShowsTheDenialInTheSupervisorsLanguage() {   // REQ-53
        TestData.Estate estate = CustodyFixtures.aFacility(as(Role.DIRECTOR), 2, 4, 4);
        inCell(estate, aPerson(intake, estate.code(), "MALE"), 0);
        UUID woman = aPerson(intake, estate.code(), "FEMALE");
        intake.post("/api/people/" + woman + "/custody", anAdmission(estate.code())).expect(201);
        Map<String, Object> body = Map.of("movement", placement(woman, estate.cells().get(0)), "rule", "SEPARATION",
                "reason", "única celda con vigilancia médica", "legalBasis", "orden del director 12/2026",
                "expiresAt", Instant.now().plus(2, ChronoUnit.HOURS).toString());
        String id = housing.post("/api/overrides", body).expect(201).json().path("id").asString();
        // An override requested before denials had keys keeps only its English text, and is shown as it is.
        String old = housing.post("/api/overrides", body).expect(201).json().path("id").asString();
        jdbc.sql("UPDATE vetting_override SET denial_key = NULL, denial_args = NULL WHERE id = :id")
                .param("id", UUID.fromString(old)).update();
        JsonNode api = as(Role.INSPECTOR).get("/api/overrides/" + id).expect(200).json();
        assertThat(api.path("denial").asString())
                .isEqualTo("the cell holds a person of another recorded sex (male, this person female) "
                        + "(Mandela Rule 11)");
        assertThat(api.path("denialKey").asString()).isEqualTo("custody.ruleDetail.SEPARATION.otherSex");
        assertThat(api.path("denialArgs").toString()).isEqualTo("[\"MALE\",\"FEMALE\"]");
        assertThat(api.has("denialParams")).isFalse();

        var supervisor = new PageSession(baseUrl()).logOn(newUser(Role.SUPERVISOR).username(),
                PASSWORD_OF_TEST_USERS);
        String spanish = supervisor.get("/overrides?lang=es").body();
        assertThat(cell(spanish, "override-" + id + "-denial")).isEqualTo("la celda aloja a una persona de otro sexo "
                + "registrado (hombre; esta persona: mujer) (Regla 11 de Mandela)");
        assertThat(cell(spanish, "override-" + old + "-denial")).isEqualTo(api.path("denial").asString());
        assertThat(cell(supervisor.get("/overrides?lang=en").body(), "override-" + id + "-denial"))
                .isEqualTo(api.path("denial").asString());
    }

    // The text of the element with this id, where the template puts it on one line.
    private static String cell(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element %s", id).isNotNegative();
        int start = html.indexOf('>', at) + 1;
        return org.springframework.web.util.HtmlUtils.htmlUnescape(html.substring(start, html.indexOf('<', start)))
                .strip();
    }

    // The dry run of a movement, as it stands now: each denial's detail checked in both languages, and noted.
    private void judge(Map<String, Object> movement) {
        JsonNode decision = housing.post("/api/vetting/decisions", movement).expect(200).json();
        for (JsonNode node : decision.path("outcomes")) {
            RuleOutcome outcome = json.treeToValue(node, RuleOutcome.class);
            if (outcome.blocks()) {
                RuleDetails.assertInBothLanguages(messages, outcome);
                keys.add(outcome.detailKey());
                if (outcome.code().equals("LOCATION_INACTIVE")) {
                    statuses.add(outcome.detailArgs().get(1));
                }
            }
        }
    }

    private void apart(UUID held, UUID mover, String scope, UUID to) {
        housing.post("/api/non-associations", Map.of("personA", held.toString(), "personB", mover.toString(),
                "scope", scope, "reason", THREATS + " " + scope, "source", "informe de seguridad")).expect(201);
        judge(placement(mover, to));
    }

    private void allege(UUID person, String group) {
        intake.post("/api/people/" + person + "/allegations", Map.of("kind", "GANG_AFFILIATION", "group", group,
                "source", "informe policial")).expect(201);
    }

    private UUID admitted(Estate estate, String sex) {
        UUID person = aPerson(intake, estate.code(), sex);
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        return person;
    }

    private UUID placed(Estate estate, UUID cell, String sex) {
        UUID person = admitted(estate, sex);
        housing.post("/api/people/" + person + "/movements", aPlacement(cell)).expect(201);
        return person;
    }

    private UUID inCell(TestData.Estate estate, UUID person, int cell) {
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        housing.post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(cell))).expect(201);
        return person;
    }

    private static Map<String, Object> placement(UUID person, UUID to) {
        Map<String, Object> movement = new LinkedHashMap<>();
        movement.put("personId", person.toString());
        movement.put("action", "PLACEMENT");
        movement.put("toLocation", to.toString());
        return movement;
    }

    // A cell of an expansion project that has not opened.
    private UUID plannedCell(Estate estate) {
        var director = as(Role.DIRECTOR);
        String project = director.post("/api/facilities/" + estate.code() + "/expansions", Map.of("name",
                "Fase " + UUID.randomUUID().toString().substring(0, 6), "plannedOn",
                LocalDate.now().plusYears(1).toString())).expect(201).json().path("id").asString();
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("path", "M9-C01");
        cell.put("parent", "M9");
        cell.put("kind", "CELL");
        cell.put("certifiedNormal", 2);
        cell.put("operationalCapacity", 3);
        cell.put("maximumCapacity", 4);
        cell.put("floorAreaM2", 40.0);
        director.post("/api/facilities/" + estate.code() + "/expansions/" + project + "/locations",
                Map.of("format", "habeas-layout/1", "locations", List.of(Map.of("path", "M9", "kind", "MODULE"),
                        cell))).expect(201);
        for (JsonNode location : director.get("/api/facilities/" + estate.code() + "/locations").expect(200).json()) {
            if (location.path("kind").asString().equals("CELL") && location.path("status").asString()
                    .equals("PLANNED")) {
                return UUID.fromString(location.path("id").asString());
            }
        }
        throw new AssertionError("no planned cell in " + estate.code());
    }
}

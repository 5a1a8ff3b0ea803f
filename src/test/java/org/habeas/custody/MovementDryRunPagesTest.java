package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cell form's live dry run and its overrides over plain HTTP: what each rule says about the cell the
 * officer picks, who may ask, and a denial lifted by an override a second person approved (REQ-20, REQ-22, REQ-53).
 */
@DisplayName("custody pages: dry run of a cell placement or move, overrides on the form")
class MovementDryRunPagesTest extends IntegrationTest {

    private static final Pattern OVERRIDE_BOX = Pattern.compile(
            "name=\"overrides\" form=\"cell-form\" value=\"([0-9a-f-]{36})\"");

    TestData.Estate estate;
    ApiClient intake;
    UUID man;
    UUID woman;

    @BeforeEach
    void aManInACellAndAWomanInReception() {
        intake = as(Role.INTAKE);
        estate = aFacility(as(Role.DIRECTOR), 2, 2, 3);
        man = admitted(aPerson(intake, estate.code(), "MALE"));
        as(Role.HOUSING).post("/api/people/" + man + "/movements", aPlacement(estate.cells().get(0))).expect(201);
        woman = admitted(aPerson(intake, estate.code(), "FEMALE"));
    }

    @Test
    void eachRuleSaysWhetherTheChosenCellPassesAndWhy() {   // REQ-20
        var housing = logOn(Role.HOUSING);
        var page = housing.get(dryRun(woman, "PLACED", estate.cells().get(0)), "HX-Request", "true");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<html")
                .contains("The movement would be refused: 1 check(s) deny it.")
                .contains("id=\"dry-run-SEPARATION\"", "must be held apart from this person",
                        "another recorded sex (male, this person female)")
                .contains("id=\"dry-run-CAPACITY\"", "id=\"dry-run-NON_ASSOCIATION\"", "id=\"dry-run-AREA_MINIMUM\"")
                .contains("id=\"override-request-SEPARATION\"");

        var free = housing.get(dryRun(woman, "PLACED", estate.cells().get(1)).replace("lang=en", "lang=es"),
                "HX-Request", "true");
        assertThat(free.body()).contains("Todos los controles se cumplen").doesNotContain("override-request-");
        assertThat(whereabouts(woman)).isEqualTo("RECEPTION");
    }

    @Test
    void theDryRunIsTheMovesOwnDecision() {   // same engine call: the move is refused for the same rule
        var housing = logOn(Role.HOUSING);
        assertThat(housing.get(dryRun(woman, "PLACED", estate.cells().get(0))).body())
                .contains("id=\"dry-run-SEPARATION\"");
        var moved = housing.post("/people/" + woman + "/custody/movements", Map.of("type", "PLACED",
                "cell", estate.cells().get(0).toString()));
        assertThat(moved.statusCode()).isEqualTo(302);
        var timeline = housing.get("/people/" + woman + "/custody?lang=en");
        assertThat(timeline.body()).contains("custody-refused", "SEPARATION_REQUIRED",
                "SEPARATION: the cell holds a person of another recorded sex");
        // The refused cell stays chosen, so the dry run shows the same denial again.
        assertThat(timeline.body()).containsPattern("value=\"" + estate.cells().get(0) + "\"[^>]*selected");
        assertThat(whereabouts(woman)).isEqualTo("RECEPTION");
    }

    @Test
    void anOverrideRequestedOnTheFormAndApprovedByASecondPersonLiftsTheDenial() {   // REQ-53
        var housing = logOn(Role.HOUSING);
        var requested = housing.post("/people/" + woman + "/custody/overrides", Map.of("type", "PLACED",
                "cell", estate.cells().get(0).toString(), "rule", "SEPARATION",
                "overrideReason", "única celda con vigilancia médica", "legalBasis", "orden del director 12/2026",
                "hours", "4"));
        assertThat(requested.statusCode()).isEqualTo(302);
        assertThat(housing.get("/people/" + woman + "/custody?lang=en").body())
                .contains("The override was requested");
        assertThat(housing.get(dryRun(woman, "PLACED", estate.cells().get(0))).body())
                .contains("id=\"override-pending-SEPARATION\"").doesNotContain("override-request-SEPARATION");

        var pending = as(Role.SUPERVISOR).get("/api/overrides?status=PENDING&limit=500").expect(200).json();
        String id = null;
        for (var o : pending) {
            if (o.path("person").asString().equals(woman.toString())) {
                id = o.path("id").asString();
                assertThat(o.path("rule").asString()).isEqualTo("SEPARATION");
                assertThat(o.path("movementKey").asString()).isEqualTo("PLACEMENT->location:" + estate.cells().get(0));
            }
        }
        assertThat(id).isNotNull();
        as(Role.SUPERVISOR).post("/api/overrides/" + id + "/approve", Map.of("reason", "visto")).expect(200);

        var dry = housing.get(dryRun(woman, "PLACED", estate.cells().get(0))).body();
        var box = OVERRIDE_BOX.matcher(dry);
        assertThat(box.find()).as(dry).isTrue();
        assertThat(box.group(1)).isEqualTo(id);

        var moved = housing.post("/people/" + woman + "/custody/movements", Map.of("type", "PLACED",
                "cell", estate.cells().get(0).toString(), "overrides", id, "reason", "con excepción aprobada"));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(housing.get("/people/" + woman + "/custody?lang=en").body()).contains("placed in the cell");
        assertThat(whereabouts(woman)).isEqualTo("IN_CELL");
        assertThat(as(Role.INSPECTOR).get("/api/overrides/" + id).expect(200).json().path("status").asString())
                .isEqualTo("USED");
    }

    @Test
    void aBadOverrideRequestIsShownAndNothingIsStored() {
        var housing = logOn(Role.HOUSING);
        housing.post("/people/" + woman + "/custody/overrides", Map.of("type", "PLACED",
                "cell", estate.cells().get(0).toString(), "rule", "SEPARATION", "legalBasis", "orden", "hours", "4"));
        assertThat(housing.get("/people/" + woman + "/custody?lang=en").body())
                .contains("custody-refused", "VALIDATION_FAILED", "overrideReason");
        housing.post("/people/" + woman + "/custody/overrides", Map.of("type", "PLACED",
                "cell", estate.cells().get(0).toString(), "rule", "SEPARATION", "overrideReason", "x",
                "legalBasis", "orden", "hours", "9999"));
        assertThat(housing.get("/people/" + woman + "/custody?lang=en").body()).contains("hours");
        housing.post("/people/" + woman + "/custody/overrides", Map.of("type", "PLACED",
                "cell", estate.cells().get(0).toString(), "rule", "NO_SUCH_RULE", "overrideReason", "x",
                "legalBasis", "orden", "hours", "4"));
        assertThat(housing.get("/people/" + woman + "/custody?lang=en").body()).contains("UNKNOWN_RULE");
        assertThat(jdbc.sql("SELECT count(*) FROM vetting_override WHERE person_id = :p").param("p", woman)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anOverrideNamedForAnotherCellIsRefusedWithItsOwnCode() {   // REQ-53: one movement
        var housing = logOn(Role.HOUSING);
        housing.post("/people/" + woman + "/custody/overrides", Map.of("type", "PLACED",
                "cell", estate.cells().get(0).toString(), "rule", "SEPARATION", "overrideReason", "motivo",
                "legalBasis", "orden", "hours", "2"));
        assertThat(housing.get("/people/" + woman + "/custody?lang=en").body()).contains("override was requested");
        String id = jdbc.sql("SELECT id::text FROM vetting_override WHERE person_id = :p").param("p", woman)
                .query(String.class).single();
        as(Role.SUPERVISOR).post("/api/overrides/" + id + "/approve", Map.of("reason", "visto")).expect(200);
        housing.post("/people/" + woman + "/custody/movements", Map.of("type", "PLACED",
                "cell", estate.cells().get(1).toString(), "overrides", id));
        assertThat(housing.get("/people/" + woman + "/custody?lang=en").body())
                .contains("OVERRIDE_FOR_ANOTHER_MOVEMENT", "granted for another movement");
        assertThat(whereabouts(woman)).isEqualTo("RECEPTION");
        housing.post("/people/" + woman + "/custody/movements", Map.of("type", "PLACED",
                "cell", estate.cells().get(1).toString(), "overrides", "not-an-id"));
        assertThat(housing.get("/people/" + woman + "/custody?lang=en").body()).contains("VALIDATION_FAILED",
                "overrides");
    }

    @Test
    void nonsenseIsShownInTheFragmentNotThrown() {
        var housing = logOn(Role.HOUSING);
        assertThat(housing.get("/people/" + woman + "/custody/dry-run?type=PLACED&cell=nonsense").body())
                .contains("dry-run-refused", "VALIDATION_FAILED", "toLocation");
        var elsewhere = aFacility(as(Role.DIRECTOR), 1, 1, 1);
        assertThat(housing.get(dryRun(woman, "PLACED", elsewhere.cells().get(0))).body())
                .contains("dry-run-refused", "LOCATION_NOT_FOUND");
        assertThat(housing.get(dryRun(woman, "MOVED", estate.cells().get(1))).body())
                .contains("dry-run-refused", "INVALID_TRANSITION");
        assertThat(housing.get(dryRun(woman, "RELEASED", estate.cells().get(1))).body())
                .contains("dry-run-refused", "VALIDATION_FAILED");
        assertThat(housing.get(dryRun(woman, "PLACED", estate.cells().get(1)) + "&occurredAt=yesterday").body())
                .contains("dry-run-refused", "occurredAt");
    }

    @Test
    void onlyTheOfficersWhoMovePeopleAskAndOnlyInTheirFacilities() {
        String path = dryRun(woman, "PLACED", estate.cells().get(0));
        assertThat(logOn(Role.INSPECTOR).get(path).statusCode()).isEqualTo(403);
        assertThat(logOn(Role.DIRECTOR).get(path).statusCode()).isEqualTo(403);
        assertThat(logOn(Role.AGENCY).get(path).statusCode()).isEqualTo(403);
        var inspector = logOn(Role.INSPECTOR);
        inspector.get("/people/" + woman + "/custody");
        assertThat(inspector.post("/people/" + woman + "/custody/overrides", Map.of("type", "PLACED",
                "cell", estate.cells().get(0).toString(), "rule", "SEPARATION", "overrideReason", "x",
                "legalBasis", "y", "hours", "1")).statusCode()).isEqualTo(403);
        assertThat(logOn(Role.SUPERVISOR).get(path).statusCode()).isEqualTo(200);
        assertThat(logOn(Role.INTAKE).get(path).statusCode()).isEqualTo(200);

        var other = access.createUser(new org.habeas.access.NewUser("elsewhere-" + UUID.randomUUID().toString()
                .substring(0, 8), "Elsewhere", PASSWORD_OF_TEST_USERS, java.util.Set.of(Role.HOUSING),
                java.util.Set.of("ELSEWHERE")));
        var elsewhere = new PageSession(baseUrl()).logOn(other.username(), PASSWORD_OF_TEST_USERS);
        var page = elsewhere.get(path);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("dry-run-SEPARATION");
    }

    String dryRun(UUID person, String type, UUID cell) {
        return "/people/" + person + "/custody/dry-run?lang=en&type=" + type + "&cell=" + cell;
    }

    UUID admitted(UUID person) {
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        return person;
    }

    String whereabouts(UUID person) {
        return intake.get("/api/people/" + person + "/whereabouts").expect(200).json().path("kind").asString();
    }

    PageSession logOn(Role role) {
        return new PageSession(baseUrl()).logOn(newUser(role).username(), PASSWORD_OF_TEST_USERS);
    }
}

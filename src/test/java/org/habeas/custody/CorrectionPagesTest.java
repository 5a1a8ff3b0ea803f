package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.habeas.access.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The correction form on the custody timeline: a supervisor who did not record the latest entry sees "correct" beside
 * it and a form for the right time, the right cell or "never happened"; the ledger then shows the entry superseded and
 * the correction after it; refusals are shown on the page in the officer's language, never as JSON or a 500.
 */
@DisplayName("custody pages: correcting the ledger")
class CorrectionPagesTest extends IntegrationTest {

    static final ZoneId SAN_VICENTE = ZoneId.of("America/El_Salvador");

    TestData.Estate estate;
    ApiClient housing;
    UUID person;
    UUID placement;

    @BeforeEach
    void aPersonPlacedInTheFirstCell() {
        ApiClient intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        estate = aFacility(as(Role.DIRECTOR), 3, 2, 3);
        person = aPerson(intake, estate.code());
        var admission = new HashMap<>(anAdmission(estate.code()));
        admission.put("admittedAt", Instant.now().minus(Duration.ofHours(5)).toString());
        admission.put("reason", "register copied late");
        intake.post("/api/people/" + person + "/custody", admission).expect(201);
        var placed = aPlacement(estate.cells().get(0));
        placed.put("occurredAt", Instant.now().minus(Duration.ofHours(3)).toString());
        placed.put("reason", "recorded after the round");
        placement = UUID.fromString(housing.post("/api/people/" + person + "/movements", placed).expect(201).json()
                .path("movement").path("id").asString());
    }

    String timeline() {
        return "/people/" + person + "/custody";
    }

    String corrections(UUID movement) {
        return timeline() + "/movements/" + movement + "/corrections";
    }

    PageSession logOn(UserAccount user) {
        return new PageSession(baseUrl()).logOn(user.username(), PASSWORD_OF_TEST_USERS);
    }

    PageSession aSupervisor() {
        return logOn(newUser(Role.SUPERVISOR));
    }

    JsonNode whereabouts() {
        return housing.get("/api/people/" + person + "/whereabouts").expect(200).json();
    }

    @Test
    void aSupervisorCorrectsTheCellAndTheLedgerShowsTheEntrySupersededAndTheCorrectionBesideIt() {
        var supervisor = aSupervisor();
        var page = supervisor.get(timeline() + "?lang=en").body();
        assertThat(page).contains("id=\"correction-form\"", "id=\"correct-", "Correct the latest entry: Placed in a cell",
                "id=\"correction-cell-M1-C02\"").doesNotContain("id=\"correction-cell-M1-C01\"");

        var posted = supervisor.post(corrections(placement), Map.of("cell", estate.cells().get(1).toString(),
                "reason", "la ronda lo encontró en la C02", "occurredAt", ""));
        assertThat(posted.statusCode()).isEqualTo(302);
        page = supervisor.get(timeline() + "?lang=en").body();
        assertThat(page).contains("custody-done", "The correction was recorded", "superseded by the correction below",
                "Correction: Placed in a cell", "la ronda lo encontró en la C02");
        assertThat(page.indexOf("superseded by the correction below"))
                .as("the correction right after the entry it corrects")
                .isLessThan(page.indexOf("Correction: Placed in a cell"));
        assertThat(whereabouts().path("locationPath").asString()).endsWith("M1-C02");

        page = supervisor.get(timeline() + "?lang=es").body();
        assertThat(page).contains("sustituida por la corrección siguiente", "Corrección: Asignación de celda");
        assertThat(page).as("the correction is now the latest entry, and this supervisor recorded it")
                .doesNotContain("id=\"correction-form\"").contains("correction-by-recorder");
    }

    @Test
    void aTimeTypedInFacilityTimeIsTheCorrectedTime() {
        var supervisor = aSupervisor();
        LocalDateTime local = LocalDateTime.now(SAN_VICENTE).minusHours(2).truncatedTo(ChronoUnit.MINUTES);
        supervisor.get(timeline());
        var posted = supervisor.post(corrections(placement), Map.of("occurredAt", local.toString(),
                "reason", "hora mal copiada del libro"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(supervisor.get(timeline()).body()).contains("custody-done");
        assertThat(Instant.parse(whereabouts().path("since").asString()))
                .isEqualTo(local.atZone(SAN_VICENTE).toInstant());
    }

    @Test
    void aMovementThatNeverHappenedIsTakenOffTheRecord() {
        var supervisor = aSupervisor();
        supervisor.get(timeline());
        supervisor.post(corrections(placement), Map.of("enteredInError", "true", "reason", "otra persona"));
        var page = supervisor.get(timeline() + "?lang=en").body();
        assertThat(page).contains("Correction: entered in error, never happened");
        assertThat(whereabouts().path("kind").asString()).isEqualTo("RECEPTION");
    }

    @Test
    void refusalsAreShownOnThePageInTheOfficersLanguage() {
        var supervisor = aSupervisor();
        supervisor.get(timeline());
        var posted = supervisor.post(corrections(placement), Map.of("cell", estate.cells().get(1).toString()));
        assertThat(posted.statusCode()).isEqualTo(302);
        var page = supervisor.get(timeline() + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("custody-refused", "VALIDATION_FAILED", "Check: reason");

        supervisor.post(corrections(placement), Map.of("occurredAt", "soon", "reason", "x"));
        assertThat(supervisor.get(timeline() + "?lang=es").body()).contains("VALIDATION_FAILED", "Revise: occurredAt");

        supervisor.post(corrections(placement), Map.of("reason", "nada"));
        assertThat(supervisor.get(timeline() + "?lang=es").body()).contains("VALIDATION_FAILED",
                "occurredAt, toLocation, enteredInError");

        String admission = housing.get("/api/people/" + person + "/movements").expect(200).json().get(0).path("id")
                .asString();
        supervisor.post(corrections(UUID.fromString(admission)), Map.of("enteredInError", "true", "reason", "x"));
        assertThat(supervisor.get(timeline() + "?lang=es").body()).contains("CORRECTION_NOT_LATEST",
                "solo se puede corregir el último movimiento");
        supervisor.post(corrections(UUID.randomUUID()), Map.of("enteredInError", "true", "reason", "x"));
        assertThat(supervisor.get(timeline() + "?lang=en").body()).contains("MOVEMENT_NOT_FOUND",
                "this person has no such movement");
        assertThat(whereabouts().path("locationPath").asString()).endsWith("M1-C01");
    }

    @Test
    void theRecorderSeesWhyThereIsNoFormAndIsRefusedIfThePostComesAnyway() {
        UserAccount recorder = newUser(Role.SUPERVISOR);
        var itself = anonymous().basic(recorder.username(), PASSWORD_OF_TEST_USERS);
        var move = aPlacement(estate.cells().get(2));
        move.put("type", "MOVED");
        String moved = itself.post("/api/people/" + person + "/movements", move).expect(201).json()
                .path("movement").path("id").asString();
        var page = logOn(recorder);
        assertThat(page.get(timeline() + "?lang=es").body()).contains("correction-by-recorder",
                "debe corregirla otro supervisor").doesNotContain("id=\"correction-form\"");
        page.post(corrections(UUID.fromString(moved)), Map.of("enteredInError", "true", "reason", "me equivoqué"));
        assertThat(page.get(timeline() + "?lang=es").body()).contains("CORRECTION_BY_RECORDER");
        assertThat(whereabouts().path("locationPath").asString()).endsWith("M1-C03");
    }

    @Test
    void otherRolesSeeNoFormAndCannotPostOne() {
        var officer = logOn(newUser(Role.HOUSING));
        assertThat(officer.get(timeline()).body()).contains("custody-ledger").doesNotContain("correction-form")
                .doesNotContain("id=\"correct-");
        assertThat(officer.post(corrections(placement), Map.of("enteredInError", "true", "reason", "x"))
                .statusCode()).isEqualTo(403);
        var inspector = logOn(newUser(Role.INSPECTOR));
        assertThat(inspector.post(corrections(placement), Map.of("enteredInError", "true", "reason", "x"))
                .statusCode()).isEqualTo(403);
        assertThat(whereabouts().path("locationPath").asString()).endsWith("M1-C01");
    }
}

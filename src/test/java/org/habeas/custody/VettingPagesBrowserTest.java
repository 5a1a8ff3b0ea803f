package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.habeas.web.Browser;
import org.habeas.web.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The vetting engine on the pages, in Chromium: the live dry run as the officer picks a cell, a move
 * refused for a non-association with its reason, an override requested on the form and approved by a second
 * person, the move then going through; allegations and non-associations on the person page.
 */
class VettingPagesBrowserTest extends BrowserTest {

    private ApiClient intake;
    private ApiClient housing;
    private TestData.Estate estate;

    @BeforeEach
    void anEstate() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        estate = CustodyFixtures.aFacility(as(Role.DIRECTOR), 3, 4, 4);
    }

    @Test
    void aMoveRefusedForANonAssociationGoesThroughWithAnOverrideASecondPersonApproved() {   // REQ-22, REQ-53
        UUID first = inCell(aPerson(intake, estate.code()), 0);
        UUID second = inCell(aPerson(intake, estate.code()), 1);
        housing.post("/api/non-associations", Map.of("personA", first.toString(), "personB", second.toString(),
                "scope", "CELL", "reason", "amenazas en el patio", "source", "informe de seguridad 4")).expect(201);

        browser.logOn(newUser(Role.HOUSING).username(), PASSWORD_OF_TEST_USERS)
                .open("/people/" + second + "/custody?lang=en");
        assertThat(browser.text("where-cell")).isEqualTo(estate.code() + "-M1-C02");
        pick(estate.cells().get(2));
        waitFor("dry-run-verdict", "Every check passes");
        pick(estate.cells().get(0));   // live, before submitting: which rule denies and why
        waitFor("dry-run-verdict", "would be refused");
        assertThat(browser.text("dry-run-NON_ASSOCIATION-why"))
                .isEqualTo("a person this person must be kept apart from is held there.");
        assertThat(browser.text("dry-run-NON_ASSOCIATION-detail")).contains("CELL level", "amenazas en el patio");
        assertThat(browser.text("dry-run-CAPACITY")).contains("Passes");

        browser.type("cell-reason", "cambio de celda").click("cell-submit");
        assertThat(browser.text("custody-refused")).contains("NON_ASSOCIATION");
        assertThat(browser.text("custody-refused-reasons")).contains("NON_ASSOCIATION: a person to be kept apart at "
                + "CELL level is in that cell: amenazas en el patio");
        assertThat(browser.text("where-cell")).isEqualTo(estate.code() + "-M1-C02");

        // The refused cell stays chosen; the dry run offers to request an override of that one rule.
        // The dry run is loaded again after the refusal (htmx): wait for it rather than race it on a busy machine.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#override-request-NON_ASSOCIATION summary"))).click();
        browser.type("override-reason-NON_ASSOCIATION", "única celda con vigilancia médica")
                .type("override-basis-NON_ASSOCIATION", "orden del director 12/2026")
                .click("override-submit-NON_ASSOCIATION");
        assertThat(browser.text("custody-done")).contains("The override was requested");
        waitFor("override-pending-NON_ASSOCIATION", "waits for a second person");

        String id = null;
        for (var o : as(Role.INSPECTOR).get("/api/overrides?status=PENDING&limit=500").expect(200).json()) {
            if (o.path("person").asString().equals(second.toString())) {
                id = o.path("id").asString();
            }
        }
        assertThat(id).isNotNull();
        try (var supervisor = new Browser(baseUrl())) {
            supervisor.logOn(newUser(Role.SUPERVISOR).username(), PASSWORD_OF_TEST_USERS).open("/overrides?lang=en");
            assertThat(supervisor.text("override-" + id)).contains("NON_ASSOCIATION", "amenazas en el patio",
                    "única celda con vigilancia médica");
            supervisor.type("reason-" + id, "visto el informe médico").click("approve-" + id);
            assertThat(supervisor.text("overrides-done")).contains("approved");
        }

        browser.open("/people/" + second + "/custody?lang=en");
        pick(estate.cells().get(0));
        waitFor("dry-run-NON_ASSOCIATION", "Use the override");
        browser.click("override-use-NON_ASSOCIATION");
        browser.type("cell-reason", "con excepción aprobada").click("cell-submit");
        assertThat(browser.text("custody-done")).contains("moved to the cell");
        assertThat(browser.text("where-cell")).isEqualTo(estate.code() + "-M1-C01");
        assertThat(as(Role.INSPECTOR).get("/api/overrides/" + id).expect(200).json().path("status").asString())
                .isEqualTo("USED");
    }

    @Test
    void aPlacementThatWouldBreakSeparationIsShownLiveInSpanish() {   // REQ-20
        inCell(aPerson(intake, estate.code(), "MALE"), 0);
        UUID woman = aPerson(intake, estate.code(), "FEMALE");
        intake.post("/api/people/" + woman + "/custody", anAdmission(estate.code())).expect(201);

        browser.logOn(newUser(Role.HOUSING).username(), PASSWORD_OF_TEST_USERS)
                .open("/people/" + woman + "/custody?lang=es");
        pick(estate.cells().get(1));
        waitFor("dry-run-verdict", "Todos los controles se cumplen");
        pick(estate.cells().get(0));
        waitFor("dry-run-verdict", "se denegaría");
        assertThat(browser.text("dry-run-SEPARATION-why")).contains("Regla 11 de Mandela");
        browser.click("cell-submit");
        assertThat(browser.text("custody-refused-reasons")).contains("SEPARATION");
        assertThat(browser.text("where-state")).isEqualTo("En recepción");
    }

    @Test
    void allegationsAndNonAssociationsAreKeptOnThePersonPage() {   // REQ-22: an allegation is never a fact
        UUID person = aPerson(intake, estate.code());
        UUID other = aPerson(intake, estate.code());
        String number = intake.get("/api/people/" + other).expect(200).json().path("registerNumber").asString();

        browser.logOn(newUser(Role.SUPERVISOR).username(), PASSWORD_OF_TEST_USERS).open("/people/" + person + "?lang=en");
        waitFor("assoc-heading", "Allegations and non-associations");
        browser.driver().findElement(By.cssSelector("#allegation-add summary")).click();
        browser.type("allegation-group", "Pandilla Sintética Norte").type("allegation-source", "informe policial 118")
                .type("allegation-evidence", "EXP-77").click("allegation-submit");
        waitFor("assoc-done", "The allegation was recorded");
        String allegation = intake.get("/api/people/" + person + "/allegations").expect(200).json().get(0)
                .path("id").asString();
        assertThat(browser.text("allegation-" + allegation + "-label")).isEqualTo("Allegation");
        assertThat(browser.text("allegation-" + allegation + "-what"))
                .isEqualTo("alleged gang affiliation: Pandilla Sintética Norte");
        assertThat(browser.text("allegation-" + allegation + "-source")).isEqualTo("informe policial 118");
        assertThat(browser.text("allegation-" + allegation + "-status")).isEqualTo("Alleged");

        browser.driver().findElement(By.cssSelector("#apart-add summary")).click();
        browser.type("apart-other", number).type("apart-reason", "amenazas").type("apart-source", "informe 4");
        new Select(browser.driver().findElement(By.id("apart-scope"))).selectByValue("MODULE");
        browser.click("apart-submit");
        waitFor("assoc-done", "The non-association was recorded");
        String apart = intake.get("/api/people/" + person + "/non-associations").expect(200).json().get(0)
                .path("id").asString();
        assertThat(browser.text("apart-" + apart + "-between")).contains(number, "within a module");
        browser.type("apart-" + apart + "-reason", "trasladado").click("apart-" + apart + "-close");
        waitFor("assoc-done", "The non-association was closed");
        assertThat(browser.text("apart-" + apart + "-status")).isEqualTo("Closed");
        browser.driver().findElement(By.cssSelector("#apart-" + apart + "-history summary")).click();
        assertThat(browser.text("apart-" + apart + "-history")).contains("Open → Closed", "trasladado");

        // Still an allegation after its status changes, with its source.
        browser.type("allegation-" + allegation + "-reason", "lo niega ante el juez");
        new Select(browser.driver().findElement(By.id("allegation-" + allegation + "-new-status")))
                .selectByValue("DISPUTED");
        browser.click("allegation-" + allegation + "-change");
        waitFor("assoc-done", "The status of the allegation was changed");
        assertThat(browser.text("allegation-" + allegation + "-label")).isEqualTo("Allegation");
        assertThat(browser.text("allegation-" + allegation + "-status")).isEqualTo("Disputed by the person");
        assertThat(browser.text("allegation-" + allegation + "-source")).isEqualTo("informe policial 118");
    }

    private UUID inCell(UUID person, int cell) {
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        housing.post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(cell))).expect(201);
        return person;
    }

    private void pick(UUID cell) {
        new Select(browser.driver().findElement(By.id("cell-select"))).selectByValue(cell.toString());
    }

    // htmx swaps in its answer a moment later; wait for the text rather than for the element.
    private void waitFor(String id, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }
}

package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** The custody pages in real Chromium: intake with the Rule 7 record, a placement refused for capacity, the roll. */
class CustodyBrowserTest extends IntegrationTest {

    private static final ZoneId SAN_VICENTE = ZoneId.of("America/El_Salvador");
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Browser browser;
    private ApiClient intake;

    @BeforeEach
    void openBrowser() {
        Browser.assumeAvailable();
        browser = new Browser(baseUrl());
        intake = as(Role.INTAKE);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anIntakeOfficerAdmitsARegisteredPersonAndSeesThemInReception() {   // REQ-02, REQ-08
        var estate = aFacility(as(Role.DIRECTOR), 2, 4, 6);
        UUID person = aPerson(intake, estate.code());
        var officer = newUser(Role.INTAKE);   // REQ-14: injuries and children's data need their own permissions
        access.setPermissions(officer.id(), java.util.Set.of(org.habeas.access.Permission.MEDICAL,
                org.habeas.access.Permission.CHILDREN), "intake nurse");
        browser.logOn(officer.username(), PASSWORD_OF_TEST_USERS).open("/people/" + person + "?lang=en");
        browser.click("person-custody-link");
        assertThat(browser.text("where-none")).contains("Not in custody");
        browser.click("custody-admit-link");

        new Select(browser.driver().findElement(By.id("a-facility"))).selectByValue(estate.code());
        new Select(browser.driver().findElement(By.id("a-authority-type"))).selectByValue("COURT_REMAND");
        browser.type("a-issuer", "Juzgado Especializado de Instrucción de San Vicente");
        value("a-issued-on", "2025-04-16");
        browser.type("a-reference", "JEI-SV-2025-0417").type("a-grounds", "agrupaciones ilícitas (alegado)");
        value("a-arrested-at", "2025-04-15T10:30");
        browser.type("a-arrest-place", "Tecoluca").type("a-arrest-authority", "Policía Nacional Civil");
        browser.type("a-injuries", "hematoma en el antebrazo izquierdo");
        browser.type("a-property-0", "reloj de pulsera").type("a-quantity-0", "1");
        browser.type("a-property-1", "camisa").type("a-quantity-1", "2");
        new Select(browser.driver().findElement(By.id("a-relation-0"))).selectByValue("CHILD");
        browser.type("a-contact-name-0", "Niña Sintética").type("a-contact-age-0", "6")
                .type("a-contact-where-0", "con su abuela").type("a-contact-guardian-0", "abuela materna");
        browser.click("admit-submit");

        assertThat(browser.path()).isEqualTo("/people/" + person + "/custody");
        assertThat(browser.text("custody-done")).contains("admitted into reception");
        assertThat(browser.text("where-state")).isEqualTo("In reception");
        assertThat(browser.text("where-facility")).isEqualTo(estate.code());
        assertThat(browser.text("where-since")).contains("America/El_Salvador");
        assertThat(browser.text("episode-0-reference")).isEqualTo("JEI-SV-2025-0417");
        assertThat(browser.text("episode-0-property")).contains("1 × reloj de pulsera", "2 × camisa");
        assertThat(browser.text("episode-0-contacts")).contains("Child", "Niña Sintética", "6", "abuela materna");
        assertThat(browser.text("episode-0")).contains("2025-04-15 10:30, Tecoluca, by Policía Nacional Civil",
                "hematoma");
        assertThat(browser.text("custody-ledger")).contains("Admitted");
        intake.get("/api/people/" + person + "/whereabouts").expect(200);
    }

    @Test
    void aPlacementIntoAFullCellIsRefusedWithItsReasonAndNothingChanges() {   // invariant 2, docs/architecture.md
        var estate = aFacility(as(Role.DIRECTOR), 2, 1, 2);
        UUID first = admitted(estate.code());
        as(Role.HOUSING).post("/api/people/" + first + "/movements", aPlacement(estate.cells().get(0))).expect(201);
        UUID second = admitted(estate.code());

        browser.logOn(newUser(Role.HOUSING).username(), PASSWORD_OF_TEST_USERS)
                .open("/people/" + second + "/custody?lang=en");
        assertThat(browser.text("where-state")).isEqualTo("In reception");
        var cells = new Select(browser.driver().findElement(By.id("cell-select")));
        cells.selectByValue(estate.cells().get(0).toString());
        assertThat(cells.getFirstSelectedOption().getText()).contains("M1-C01", "(full)");
        browser.type("cell-reason", "mismo grupo").click("cell-submit");

        assertThat(browser.text("custody-refused")).contains("the cell is at its operational capacity",
                "CAPACITY_EXCEEDED");
        // The vetting engine's CAPACITY rule refused it, with its reason (REQ-29).
        assertThat(browser.text("custody-refused-reasons")).contains("CAPACITY: " + estate.code()
                + "-M1-C01 holds 1 of 1 operational places");
        assertThat(browser.text("where-state")).isEqualTo("In reception");
        assertThat(browser.driver().findElements(By.cssSelector("#custody-ledger tbody tr"))).hasSize(1);
        assertThat(intake.get("/api/people/" + second + "/whereabouts").expect(200).json().path("kind").asString())
                .isEqualTo("RECEPTION");
        assertThat(as(Role.HOUSING).get("/api/facilities/" + estate.code() + "/roll").expect(200).json()
                .path("totals").path("inCells").asInt()).isEqualTo(1);

        new Select(browser.driver().findElement(By.id("cell-select"))).selectByValue(estate.cells().get(1).toString());
        browser.type("cell-reason", "celda libre").click("cell-submit");
        assertThat(browser.text("custody-done")).contains("placed in the cell");
        assertThat(browser.text("where-cell")).isEqualTo(estate.code() + "-M1-C02");
    }

    @Test
    void theRollShowsTheCountsNowAndAtAPastInstant() {
        var estate = aFacility(as(Role.DIRECTOR), 3, 2, 3);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        var early = new HashMap<>(anAdmission(estate.code()));
        early.put("admittedAt", now.minus(Duration.ofHours(3)).toString());
        early.put("reason", "ingreso registrado tarde");
        UUID first = aPerson(intake, estate.code());
        intake.post("/api/people/" + first + "/custody", early).expect(201);
        var placement = new HashMap<>(aPlacement(estate.cells().get(0)));
        placement.put("occurredAt", now.minus(Duration.ofHours(2)).toString());
        placement.put("reason", "asignación registrada tarde");
        as(Role.HOUSING).post("/api/people/" + first + "/movements", placement).expect(201);
        UUID second = admitted(estate.code());
        as(Role.HOUSING).post("/api/people/" + second + "/movements", aPlacement(estate.cells().get(1))).expect(201);
        admitted(estate.code());

        browser.logOn(newUser(Role.HOUSING).username(), PASSWORD_OF_TEST_USERS).open("/roll?lang=en");
        browser.click("roll-" + estate.code());
        assertThat(browser.text("roll-when")).startsWith("Now");
        assertThat(browser.text("roll-population")).isEqualTo("3");
        assertThat(browser.text("roll-in-cells")).isEqualTo("2");
        assertThat(browser.text("roll-in-reception")).isEqualTo("1");
        assertThat(browser.text("roll-vacancies")).isEqualTo("4");
        assertThat(browser.text("roll-chart")).contains("2 of 6");
        assertThat(browser.text("roll-module-" + estate.code() + "-M1")).contains("2");

        value("roll-at", now.minus(Duration.ofMinutes(90)).atZone(SAN_VICENTE).format(PICKER));
        browser.click("roll-at-submit");
        assertThat(browser.text("roll-when")).startsWith("Past roll at");
        assertThat(browser.text("roll-population")).isEqualTo("1");
        assertThat(browser.text("roll-in-cells")).isEqualTo("1");
        assertThat(browser.text("roll-in-reception")).isEqualTo("0");

        value("roll-at", now.minus(Duration.ofMinutes(150)).atZone(SAN_VICENTE).format(PICKER));
        browser.click("roll-at-submit");
        assertThat(browser.text("roll-population")).isEqualTo("1");
        assertThat(browser.text("roll-in-reception")).isEqualTo("1");
        assertThat(browser.text("roll-in-cells")).isEqualTo("0");

        browser.click("roll-now-link");
        assertThat(browser.text("roll-population")).isEqualTo("3");
    }

    private UUID admitted(String facility) {
        UUID person = aPerson(intake, facility);
        intake.post("/api/people/" + person + "/custody", anAdmission(facility)).expect(201);
        return person;
    }

    // Date and time pickers take keystrokes in the browser's locale; the value is what the form sends.
    private void value(String id, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }
}

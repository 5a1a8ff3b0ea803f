package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Correcting the ledger in real Chromium: a supervisor corrects a wrong cell from the custody timeline. */
class CorrectionBrowserTest extends IntegrationTest {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        Browser.assumeAvailable();
        browser = new Browser(baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSupervisorCorrectsAWrongCellAndTheLedgerShowsBothEntries() {
        ApiClient intake = as(Role.INTAKE);
        var estate = aFacility(as(Role.DIRECTOR), 3, 2, 3);
        UUID person = aPerson(intake, estate.code());
        var admission = new HashMap<>(anAdmission(estate.code()));
        admission.put("admittedAt", Instant.now().minus(Duration.ofHours(4)).toString());
        admission.put("reason", "ingreso registrado tarde");
        intake.post("/api/people/" + person + "/custody", admission).expect(201);
        var placement = new HashMap<>(aPlacement(estate.cells().get(0)));
        placement.put("occurredAt", Instant.now().minus(Duration.ofHours(2)).toString());
        placement.put("reason", "asignación registrada tarde");
        as(Role.HOUSING).post("/api/people/" + person + "/movements", placement).expect(201);

        browser.logOn(newUser(Role.SUPERVISOR).username(), PASSWORD_OF_TEST_USERS)
                .open("/people/" + person + "/custody?lang=en");
        assertThat(browser.text("where-cell")).isEqualTo(estate.code() + "-M1-C01");
        browser.driver().findElement(By.cssSelector("#custody-ledger a[id^='correct-']")).click();
        assertThat(browser.text("correction-form")).contains("Correct the latest entry: Placed in a cell");
        new Select(browser.driver().findElement(By.id("correction-cell")))
                .selectByValue(estate.cells().get(1).toString());
        browser.type("correction-reason", "la ronda de las 6 lo encontró en la C02").click("correction-submit");

        assertThat(browser.text("custody-done")).contains("The correction was recorded");
        assertThat(browser.text("where-cell")).isEqualTo(estate.code() + "-M1-C02");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#custody-ledger tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).getText()).contains("Placed in a cell", "superseded by the correction below",
                "M1-C01");
        assertThat(rows.get(1).findElements(By.tagName("del"))).as("struck through").hasSize(1);
        assertThat(rows.get(2).getText()).contains("Correction: Placed in a cell", "M1-C02",
                "la ronda de las 6 lo encontró en la C02");
        assertThat(browser.has("correction-form")).as("this supervisor recorded the latest entry now").isFalse();
        assertThat(browser.text("correction-by-recorder")).contains("another supervisor must correct it");

        browser.open("/people/" + person + "/custody?lang=es");
        assertThat(browser.text("custody-ledger")).contains("sustituida por la corrección siguiente",
                "Corrección: Asignación de celda");
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                .size()).isZero();
    }
}

package org.habeas.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.legal.LegalRecordFixtures.aFacility;
import static org.habeas.legal.LegalRecordFixtures.aPerson;
import static org.habeas.legal.LegalRecordFixtures.admit;

import java.time.LocalDate;
import java.util.UUID;

import org.habeas.access.Role;
import org.habeas.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The failure the legal module exists to prevent, in real Chromium (REQ-41, REQ-42): a legal officer enters a
 * withholding order whose structured country (Guatemala) is not the one its text names (El Salvador), sees the
 * data-quality warning before saving, saves it, and sees a removal to Guatemala denied by that order.
 */
class LegalBrowserTest extends BrowserTest {

    @Test
    void aMismatchedCountryIsWarnedBeforeSavingAndTheRemovalThereIsDeniedByTheOrder() {
        var intake = as(Role.INTAKE);
        var estate = aFacility(as(Role.DIRECTOR), 1);
        UUID person = aPerson(intake, estate.code(), "SV");
        admit(intake, person, estate.code(), "IMMIGRATION", null);
        String caseNumber = "A" + (100_000_000 + new java.util.Random().nextInt(899_999_999));

        browser.logOn(newUser(Role.LEGAL).username(), PASSWORD_OF_TEST_USERS)
                .open("/people/" + person + "?lang=en").submit("person-legal-link");
        assertThat(browser.path()).isEqualTo("/people/" + person + "/legal");
        browser.submit("legal-new-order");
        new Select(browser.driver().findElement(By.id("order-type"))).selectByValue("WITHHOLDING_OF_REMOVAL");
        new Select(browser.driver().findElement(By.id("order-country"))).selectByVisibleText("GT – Guatemala");
        browser.type("order-issued-by", "Immigration Court, Test District").type("order-case", caseNumber)
                .type("order-document", "EOIR-IJ-2026-0417")
                .type("order-text", "It is ordered that removal of the respondent to El Salvador is withheld.");
        date("order-decided", LocalDate.now().minusDays(10));
        assertThat(browser.has("order-save")).as("saving comes after the check").isFalse();

        browser.submit("order-check");
        assertThat(browser.text("order-finding-warning")).contains("flagged for legal review");
        assertThat(browser.text("order-finding-COUNTRY_IN_TEXT_DIFFERS"))
                .isEqualTo("The text names SV, but the structured country is GT.");
        assertThat(browser.driver().findElement(By.id("order-case")).getAttribute("value"))
                .as("the form keeps what was typed").isEqualTo(caseNumber);

        browser.submit("order-save");
        assertThat(browser.text("legal-done")).contains("The order was saved");
        assertThat(browser.text("legal-orders")).isNotEmpty();
        assertThat(browser.html()).contains(caseNumber, "Flagged by the data-quality check");

        browser.submit("legal-removal-link");
        new Select(browser.driver().findElement(By.id("removal-country"))).selectByValue("GT");
        browser.submit("removal-submit");
        assertThat(browser.text("removal-verdict")).contains("The removal would be refused");
        assertThat(browser.text("removal-PROTECTION_ORDER-verdict")).isEqualTo("Denies");
        assertThat(browser.text("removal-PROTECTION_ORDER-why"))
                .contains("a protection decision forbids removal to this country", "PROTECTION_ORDER");
        assertThat(browser.text("removal-PROTECTION_ORDER-detail"))
                .contains("withholding of removal (INA 241(b)(3)) against GT", "Immigration Court, Test District",
                        "case " + caseNumber);
    }

    // A date input takes what the browser's locale types; setting its value is what a date picker does.
    private void date(String id, LocalDate day) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.driver().findElement(By.id(id)), day.toString());
    }
}

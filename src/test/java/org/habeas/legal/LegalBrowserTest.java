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

        browser.driver().findElement(By.cssSelector("#review-entry summary")).click();
        new Select(browser.driver().findElement(By.id("review-country"))).selectByValue("GT");
        browser.type("review-sources", "EOIR case status; the decision itself")
                .type("review-conclusion", "the decision names El Salvador; the structured country is to be checked");
        browser.submit("review-submit");
        assertThat(browser.text("legal-done")).contains("The review was recorded");
        assertThat(browser.text("legal-last-review")).contains("for GT");

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

    @Test
    void aLegalOfficerEntersAnInjunctionByItsClassAndAnAdministratorSetsPolicy() {   // REQ-57, REQ-44
        String caseNumber = "1:26-cv-" + UUID.randomUUID().toString().substring(0, 6);
        // An injunction binds everyone in its class: this test's own facility keeps other tests' people outside it.
        String facility = aFacility(as(Role.DIRECTOR), 1).code();
        browser.logOn(newUser(Role.LEGAL).username(), PASSWORD_OF_TEST_USERS).open("/?lang=en")
                .submit("nav-legal").submit("legal-list-injunctions");
        browser.type("injunction-issued-by", "U.S. District Court for the District of Columbia")
                .type("injunction-case", caseNumber).type("injunction-document", "ECF 44");
        date("injunction-decided", LocalDate.now().minusDays(3));
        browser.submit("injunction-submit");
        assertThat(browser.text("custody-refused")).contains("INJUNCTION_WITHOUT_CRITERIA");
        assertThat(browser.driver().findElement(By.id("injunction-case")).getAttribute("value")).isEqualTo(caseNumber);
        new Select(browser.driver().findElement(By.id("injunction-nationalities"))).selectByValue("VE");
        new Select(browser.driver().findElement(By.id("injunction-basis"))).selectByValue("ALIEN_ENEMIES_ACT");
        browser.type("injunction-facilities", facility);
        date("injunction-decided", LocalDate.now().minusDays(3));
        browser.submit("injunction-submit");
        assertThat(browser.text("legal-done")).contains("The injunction was entered");
        assertThat(browser.text("legal-injunctions-table")).contains(caseNumber, "Nationalities: VE",
                "Removals under: Alien Enemies Act", "Held in: " + facility);

        browser.close();
        browser = new org.habeas.web.Browser(baseUrl());
        browser.logOn(newUser(Role.ADMIN).username(), PASSWORD_OF_TEST_USERS).open("/?lang=es").submit("nav-legal");
        assertThat(browser.path()).isEqualTo("/legal/policies");
        new Select(browser.driver().findElement(By.id("policy-name"))).selectByValue("REVIEW_FRESHNESS_DAYS");
        // The value the other legal tests use, so that this version changes nothing for them.
        browser.type("policy-value", "30").type("policy-citation", "prueba de navegador: vigencia");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.driver().findElement(By.id("policy-from")), "2025-01-01T00:00");
        browser.submit("policy-submit");
        assertThat(browser.text("legal-done")).contains("La nueva versión se registró");
        assertThat(browser.text("legal-policies-table")).contains("prueba de navegador: vigencia",
                "Vigencia de una revisión (días)");
    }

    // A date input takes what the browser's locale types; setting its value is what a date picker does.
    private void date(String id, LocalDate day) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.driver().findElement(By.id(id)), day.toString());
    }
}

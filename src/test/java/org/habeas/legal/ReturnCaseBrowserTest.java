package org.habeas.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.legal.LegalRecordFixtures.aFacility;
import static org.habeas.legal.LegalRecordFixtures.aPerson;
import static org.habeas.legal.LegalRecordFixtures.admit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.access.Role;
import org.habeas.web.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * In real Chromium, a legal officer opens a return case, records a contact with the receiving state and closes the
 * case on the person's return (REQ-45); and records a renewal with its review date on the person's authorities page,
 * which takes them off the list of detentions due (REQ-02).
 */
class ReturnCaseBrowserTest extends BrowserTest {

    static final ZoneId SAN_VICENTE = ZoneId.of("America/El_Salvador");

    UUID person;

    @BeforeEach
    void aPersonHeld() {
        ApiClient intake = as(Role.INTAKE);
        String facility = aFacility(as(Role.DIRECTOR), 1).code();
        person = aPerson(intake, facility, "SV");
        admit(intake, person, facility, "IMMIGRATION", null);
        browser.logOn(newUser(Role.LEGAL).username(), PASSWORD_OF_TEST_USERS);
    }

    // Date and time inputs take their value in the browser's own format; set it as the form would send it.
    void set(String id, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    @Test
    void aLegalOfficerOpensACaseRecordsAContactAndClosesItOnThePersonsReturn() {
        browser.open("/legal/return-cases?lang=en&person=" + person);
        browser.type("open-country", "SV").type("open-grounds", "Removed in breach of a withholding order")
                .submit("open-submit");
        assertThat(browser.text("returns-done")).contains("The return case is open.");
        assertThat(browser.text("case-status")).isEqualTo("Open");

        new Select(browser.driver().findElement(By.id("step-kind"))).selectByValue("CONTACT_WITH_RECEIVING_STATE");
        set("step-at", LocalDateTime.now(SAN_VICENTE).minusHours(3).truncatedTo(ChronoUnit.MINUTES).toString());
        browser.type("step-summary", "Diplomatic note to the foreign ministry").submit("step-submit");
        assertThat(browser.text("steps")).contains("Contact with the receiving state",
                "Diplomatic note to the foreign ministry");

        new Select(browser.driver().findElement(By.id("close-status"))).selectByValue("RETURNED");
        browser.type("close-summary", "Back on the flight of 7 December").submit("close-submit");
        assertThat(browser.text("case-status")).isEqualTo("Person returned");
        assertThat(browser.has("close-form")).isFalse();
    }

    @Test
    void aRenewalWithAFutureReviewTakesThePersonOffTheListOfDetentionsDue() {
        LocalDate today = LocalDate.now(SAN_VICENTE);
        browser.open("/people/" + person + "/authorities?lang=es");
        new Select(browser.driver().findElement(By.id("authority-type"))).selectByValue("DETENTION_RENEWAL");
        browser.type("authority-issuedBy", "Juzgado de prueba").type("authority-reference", "JP-7");
        set("authority-issuedOn", today.minusDays(40).toString());
        set("authority-reviewDue", today.minusDays(2).toString());
        browser.submit("authority-submit");
        assertThat(browser.text("authorities-standing")).contains("Revisión vencida");
        browser.open("/legal/authorities-due?lang=en");
        assertThat(browser.has("due-" + person)).isTrue();

        browser.open("/people/" + person + "/authorities?lang=en");
        new Select(browser.driver().findElement(By.id("authority-type"))).selectByValue("REVIEW_DECISION");
        browser.type("authority-issuedBy", "Juzgado de prueba").type("authority-reference", "JP-8");
        set("authority-issuedOn", today.toString());
        set("authority-reviewDue", today.plusDays(30).toString());
        browser.submit("authority-submit");
        assertThat(browser.text("authorities-standing")).contains("Valid");
        browser.open("/legal/authorities-due?lang=en");
        assertThat(browser.has("due-" + person)).isFalse();
    }
}

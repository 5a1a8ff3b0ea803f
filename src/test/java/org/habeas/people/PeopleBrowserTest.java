package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.habeas.web.BrowserTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The people pages in real Chromium: register (with the duplicate warning), search as you type, merge. */
class PeopleBrowserTest extends BrowserTest {

    @Autowired
    PeopleService people;

    @Test
    void anIntakeOfficerRegistersAndIsWarnedOfADuplicate() {
        var officer = newUser(Role.INTAKE);
        String given = People.uniqueName();
        browser.logOn(officer.username(), PASSWORD_OF_TEST_USERS).open("/people/new?lang=en");
        fill(given);
        browser.click("register-submit");
        assertThat(browser.path()).startsWith("/people/");
        assertThat(browser.text("person-name")).isEqualTo(given + " Ábrego Núñez");
        assertThat(browser.text("person-number")).matches("HAB-\\d{4}-\\d{6,}");
        assertThat(browser.text("person-history-table")).contains("Registered");

        browser.open("/people/new?lang=en");
        fill(given.toLowerCase());
        browser.click("register-submit");
        assertThat(browser.text("register-duplicates")).contains(given + " Ábrego Núñez").contains("BIRTH_DATE");
        browser.type("register-new-reason", "different father's name, checked with the consulate")
                .click("register-confirm-new");
        assertThat(browser.path()).startsWith("/people/");
        assertThat(browser.text("person-history-table")).contains("consulate");
    }

    @Test
    void searchShowsResultsAsYouTypeAndOpensThePerson() {
        String given = People.uniqueName();
        var registered = as(Role.INTAKE).post("/api/people", People.aPerson(given, "Cañas", "Menjívar", "1979-09-09"))
                .expect(201).json();
        var officer = newUser(Role.HOUSING);
        browser.logOn(officer.username(), PASSWORD_OF_TEST_USERS).open("/people?lang=en");
        browser.type("people-q", "menjivar " + given.toLowerCase().substring(0, given.length() - 1));
        String number = registered.path("registerNumber").asString();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("people-results")).getText().contains(number));
        assertThat(browser.path()).as("no page load: htmx swapped the rows").isEqualTo("/people");
        browser.driver().findElement(By.linkText(number)).click();
        assertThat(browser.text("person-name")).contains(given);
    }

    @Test
    void aLegalOfficerMergesTwoRecordsSideBySide() {
        var a = as(Role.INTAKE).post("/api/people", People.with(People.aPerson(), "newPersonReason", "t")).expect(201).json();
        var b = as(Role.INTAKE).post("/api/people", People.with(People.aPerson(), "newPersonReason", "t")).expect(201).json();
        var officer = newUser(Role.LEGAL);
        browser.logOn(officer.username(), PASSWORD_OF_TEST_USERS)
                .open("/people/" + a.path("id").asString() + "/merge?lang=en&duplicate=" + b.path("id").asString());
        assertThat(browser.text("merge-survivor")).contains(a.path("registerNumber").asString());
        assertThat(browser.text("merge-duplicate")).contains(b.path("registerNumber").asString());
        browser.type("merge-reason", "same fingerprints reference").click("merge-submit");
        assertThat(browser.text("people-done")).contains("merged");
        assertThat(browser.text("person-alias-list")).contains(b.path("identity").path("name").path("fullName").asString());
    }

    private void fill(String given) {
        browser.type("r-given", given).type("r-first", "Ábrego").type("r-second", "Núñez").type("r-birth", "1993-03-03")
                .type("r-nationality", "SV");
    }
}

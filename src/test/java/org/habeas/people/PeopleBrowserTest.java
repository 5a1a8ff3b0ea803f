package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.habeas.web.BrowserTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The people pages in real Chromium: register (with the duplicate warning), search as you type, correct (REQ-06),
 * merge.
 */
class PeopleBrowserTest extends BrowserTest {

    @Autowired
    PeopleService people;

    @Test
    void anIntakeOfficerRegistersAndIsWarnedOfADuplicate() {
        var officer = newUser(Role.INTAKE);
        String given = People.uniqueName();
        browser.logOn(officer.username(), PASSWORD_OF_TEST_USERS).open("/people/new?lang=en");
        fill(given);
        browser.submit("register-submit");
        assertThat(browser.path()).startsWith("/people/");
        assertThat(browser.text("person-name")).isEqualTo(given + " Ábrego Núñez");
        assertThat(browser.text("person-number")).matches("HAB-\\d{4}-\\d{6,}");
        assertThat(browser.text("person-history-table")).contains("Registered");

        browser.open("/people/new?lang=en");
        fill(given.toLowerCase());
        browser.submit("register-submit");
        assertThat(browser.text("register-duplicates")).contains(given + " Ábrego Núñez").contains("BIRTH_DATE");
        browser.type("register-new-reason", "different father's name, checked with the consulate")
                .submit("register-confirm-new");
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

    @Test
    void anIntakeOfficerCorrectsARecordWithAReasonAndTheHistoryShowsIt() {
        String given = People.uniqueName();
        var registered = as(Role.INTAKE).post("/api/people", People.aPerson(given, "Rivas", "Portillo", "1985-05-05"))
                .expect(201).json();
        String id = registered.path("id").asString();
        var officer = newUser(Role.INTAKE);
        browser.logOn(officer.username(), PASSWORD_OF_TEST_USERS).open("/people/" + id + "?lang=en");
        browser.click("person-correct-link");
        assertThat(browser.path()).isEqualTo("/people/" + id + "/correct");
        // The form starts from the record as it is: the SV nationality row is there, with an empty row after it.
        assertThat(browser.driver().findElement(By.id("c-nationality-0")).getAttribute("value")).isEqualTo("SV");
        browser.type("c-birth", "1985-06-05").type("c-place", "Chalatenango").type("c-nationality-1", "gt")
                .type("c-alias-0", given + " Rivas").type("c-doc-issuer-0", "sv").type("c-doc-number-0", "04567890-1")
                .type("c-languages", "es, mam");
        new Select(browser.driver().findElement(By.id("c-doc-type-0"))).selectByValue("NATIONAL_ID");
        new Select(browser.driver().findElement(By.id("c-status"))).selectByValue("CONFIRMED");
        browser.click("c-interpreter");
        browser.type("c-reason", "birth certificate shown by the consulate").click("correct-submit");

        assertThat(browser.path()).isEqualTo("/people/" + id);
        assertThat(browser.text("people-done")).contains("new revision");
        assertThat(browser.text("person-birth")).isEqualTo("1985-06-05");
        assertThat(browser.text("person-status")).isEqualTo("Confirmed");
        assertThat(browser.text("person-document-table")).contains("04567890-1");
        assertThat(browser.text("person-alias-list")).contains(given + " Rivas");
        assertThat(browser.text("revision-2")).contains("Corrected").contains("birth certificate shown by the consulate")
                .contains("birth").contains("documents").contains("nationalities").contains("interpreterNeeded");
        assertThat(browser.text("revision-1")).contains("Registered");

        var person = as(Role.INTAKE).get("/api/people/" + id).expect(200).json();
        assertThat(person.path("revision").asInt()).isEqualTo(2);
        assertThat(person.path("identity").path("languages").toString()).contains("mam");
        assertThat(person.path("identity").path("nationalities").toString()).contains("GT").contains("SV");
    }

    @Test
    void aCorrectionNeedsItsReasonAndABadCountryIsRefusedInTheForm() {
        var registered = as(Role.INTAKE).post("/api/people", People.aPerson()).expect(201).json();
        String id = registered.path("id").asString();
        var officer = newUser(Role.INTAKE);
        browser.logOn(officer.username(), PASSWORD_OF_TEST_USERS).open("/people/" + id + "/correct?lang=en");
        // The browser refuses an empty reason by itself; remove that so the server's own check is what answers.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('c-reason').removeAttribute('required')");
        browser.type("c-place", "Apopa").click("correct-submit");
        assertThat(browser.text("correct-refused")).contains("missing or not valid").contains("reason");
        browser.type("c-nationality-1", "XQ").type("c-reason", "typo on intake").click("correct-submit");
        assertThat(browser.text("correct-refused")).contains("country code").contains("nationalities[1].country");
        assertThat(as(Role.INTAKE).get("/api/people/" + id).expect(200).json().path("revision").asInt())
                .as("nothing written").isEqualTo(1);
    }

    @Test
    void onlyIntakeMayCorrectARecordFromThePages() {
        var registered = as(Role.INTAKE).post("/api/people", People.aPerson()).expect(201).json();
        String id = registered.path("id").asString();
        var housing = newUser(Role.HOUSING);
        browser.logOn(housing.username(), PASSWORD_OF_TEST_USERS).open("/people/" + id + "?lang=en");
        assertThat(browser.text("person-name")).isNotEmpty();
        assertThat(browser.has("person-correct-link")).isFalse();
        browser.open("/people/" + id + "/correct?lang=en");
        assertThat(browser.text("main")).contains("Your role does not allow this page");
        assertThat(browser.has("correct-form")).isFalse();
    }

    private void fill(String given) {
        browser.type("r-given", given).type("r-first", "Ábrego").type("r-second", "Núñez").type("r-birth", "1993-03-03")
                .type("r-nationality", "SV");
    }
}

package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.habeas.TestData.syntheticName;
import static org.habeas.rights.RightsFixtures.admit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.TestData;
import org.habeas.access.Role;
import org.habeas.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * In real Chromium: a relative, not logged on, finds on the public locator page where a person is held (the facility
 * and how to reach it, not the cell), in Spanish (REQ-16); then a housing officer records on the facility's duty list
 * that the family was told of the admission (REQ-30).
 */
class LocatorBrowserTest extends BrowserTest {

    @Test
    void aRelativeFindsTheFacilityAndAnOfficerRecordsThatTheFamilyWasTold() {
        TestData.Estate estate = TestData.aFacility(as(Role.DIRECTOR), "LOB", 1, 4, 4, 4);
        as(Role.DIRECTOR).put("/api/facilities/" + estate.code() + "/contact", Map.of(
                "address", "Carretera Ficticia km 40, San Vicente", "telephone", "+503 0000 2222",
                "visitingHours", "Domingos de 8:00 a 12:00")).expect(200);
        String given = syntheticName();
        String family = syntheticName();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Map.of("givenNames", given, "firstFamilyName", family));
        body.put("birthDate", "1990-02-03");
        body.put("recordedSex", "MALE");
        body.put("nationalities", List.of(Map.of("country", "SV", "determinedFrom", "PASSPORT")));
        body.put("facility", estate.code());
        UUID person = UUID.fromString(as(Role.INTAKE).post("/api/people", body).expect(201).json().path("id")
                .asString());
        admit(as(Role.INTAKE), person, estate.code());
        as(Role.HOUSING).post("/api/people/" + person + "/movements", Map.of("type", "PLACED",
                "toLocation", estate.cells().get(0).toString())).expect(201);
        jdbc.sql("DELETE FROM rights_locator_enquiry").update();

        browser.open("/locator?lang=es");
        assertThat(browser.language()).isEqualTo("es");
        browser.type("fullName", given + " " + family);
        // A date input takes its value in the browser's own format; set it as the form sends it.
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('birthDate').value = '1990-02-03'");
        browser.submit("locator-submit");
        assertThat(browser.text("locator-state")).contains("Privada de libertad desde");
        String facility = browser.text("locator-facility");
        assertThat(facility).contains("Centro de prueba " + estate.code(), "Carretera Ficticia km 40, San Vicente",
                "Domingos de 8:00 a 12:00");
        assertThat(browser.html()).doesNotContain("M1-C01");

        // Part of the name, with the same birth date kept by the form: nobody.
        browser.type("fullName", given).submit("locator-submit");
        assertThat(browser.text("outcome-NOT_HELD")).contains("El registro no tiene a nadie detenido");
        assertThat(browser.has("locator-facility")).isFalse();

        browser.logOn(newUser(Role.HOUSING).username(), PASSWORD_OF_TEST_USERS);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification_task WHERE person_id = :p").param("p", person)
                .query(Integer.class).single() == 1);
        UUID task = jdbc.sql("SELECT id FROM notification_task WHERE person_id = :p").param("p", person)
                .query(UUID.class).single();
        browser.open("/facilities/" + estate.code() + "/notifications?state=DUE&lang=en");
        browser.click("delivered-" + task);
        assertThat(browser.text("tasks-done")).isEqualTo("Recorded as delivered.");
        assertThat(as(Role.INSPECTOR).get("/api/people/" + person + "/notifications").expect(200).json().get(0)
                .path("status").asString()).isEqualTo("DONE");
    }
}

package org.habeas.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.estate.EstateFixtures.aCode;
import static org.habeas.estate.EstateFixtures.aFacility;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.habeas.web.Browser;
import org.habeas.web.BrowserTest;
import org.habeas.access.Role;
import org.habeas.access.UserChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The estate pages in real Chromium: the overview, the facility grid and timeline, a capacity edit by a director. */
class EstatePagesTest extends BrowserTest {

    private String code;

    @BeforeEach
    void theReferenceFacility() throws Exception {
        code = aCode();
        as(Role.DIRECTOR).post("/api/facilities", aFacility(code)).expect(201);
        as(Role.DIRECTOR).post("/api/facilities/" + code + "/locations",
                Files.readString(Path.of("docs/examples/cecot-layout.json"))).expect(201);
    }

    @Test
    void aDirectorSeesTheGridAndChangesACellsCapacity() {
        var director = newUser(Role.DIRECTOR);
        browser.logOn(director.username(), PASSWORD_OF_TEST_USERS).open("/estate?lang=en");
        assertThat(browser.text("facility-" + code)).contains("39936", "7424", "6400");

        browser.click("open-" + code);
        assertThat(browser.text("figure-maximum")).isEqualTo("39936");
        assertThat(browser.text("figure-icrc")).isEqualTo("7424");
        assertThat(browser.text("flag-icrc")).contains("256");
        assertThat(browser.text("timeline")).contains("Today");
        assertThat(browser.text("module-M8")).contains("C32");

        browser.click("cell-M1-C07");
        assertThat(browser.text("location-icrc")).isEqualTo("29");
        assertThat(browser.text("location-cpt")).isEqualTo("25");
        browser.type("capacity-maximum", "120").type("capacity-operational", "100")
                .type("capacity-reason", "Area-based review").click("capacity-submit");
        assertThat(browser.text("estate-done")).contains("capacity was changed");
        assertThat(browser.text("location-maximum")).isEqualTo("120");
        assertThat(browser.text("history")).contains("maximumCapacity: 156 → 120", "Area-based review",
                director.username());

        browser.type("capacity-operational", "130").type("capacity-reason", "Too many").click("capacity-submit");
        assertThat(browser.text("estate-refused")).contains("operational capacity cannot be above maximum");
    }

    @Test
    void anInspectorReadsButCannotEditAndScopeHidesOtherFacilities() {
        var inspector = newUser(Role.INSPECTOR);
        access.changeUser(inspector.id(), new UserChange(null, null, Set.of("ELSEWHERE"), null, "scope"));
        browser.logOn(inspector.username(), PASSWORD_OF_TEST_USERS).open("/estate?lang=en");
        assertThat(browser.has("facility-" + code)).isFalse();
        browser.open("/estate/" + code + "?lang=en");
        assertThat(browser.text("main")).contains("nothing at this address");

        var reader = newUser(Role.INSPECTOR);
        browser.close();
        browser = new Browser(baseUrl());
        browser.logOn(reader.username(), PASSWORD_OF_TEST_USERS).open("/estate/" + code + "?lang=en");
        browser.click("cell-M2-C01");
        assertThat(browser.has("capacity-form")).isFalse();
        assertThat(browser.has("status-form")).isFalse();
    }
}

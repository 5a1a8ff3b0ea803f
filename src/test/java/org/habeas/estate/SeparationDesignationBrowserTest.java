package org.habeas.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.estate.EstateFixtures.aCode;
import static org.habeas.estate.EstateFixtures.aFacility;
import static org.habeas.estate.EstateFixtures.aLayout;

import java.util.HashMap;
import java.util.Map;

import org.habeas.access.Role;
import org.habeas.web.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** A director designates a module for women in real Chromium; its cells and the facility's grid show it (REQ-20). */
class SeparationDesignationBrowserTest extends BrowserTest {

    private String code;
    private final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void aFacilityWithAModule() {
        code = aCode();
        as(Role.DIRECTOR).post("/api/facilities", aFacility(code)).expect(201);
        as(Role.DIRECTOR).post("/api/facilities/" + code + "/locations", aLayout(1, 1, 2, 12, 2, 3, 4)).expect(201);
        as(Role.DIRECTOR).get("/api/facilities/" + code + "/locations").json().forEach(l -> ids.put(
                l.path("pathKey").asString().substring(code.length() + 1), l.path("id").asString()));
    }

    @Test
    void aDirectorDesignatesAModuleForWomenAndItsCellsSayWhere() {
        browser.logOn(newUser(Role.DIRECTOR).username(), PASSWORD_OF_TEST_USERS)
                .open("/estate/" + code + "/locations/" + ids.get("M1") + "?lang=en");
        assertThat(browser.text("separation-none")).contains("Anyone");
        new Select(browser.driver().findElement(By.id("separation-sex"))).selectByValue("FEMALE");
        new Select(browser.driver().findElement(By.id("separation-detention"))).selectByValue("UNTRIED");
        browser.type("separation-reason", "women's pre-trial module from January").click("separation-submit");

        assertThat(browser.text("estate-done")).contains("designation was changed");
        assertThat(browser.text("separation-designations")).contains("Women", "Untried (pre-trial)",
                "(set on " + code + "-M1)");
        assertThat(browser.text("history")).contains("forSex", "FEMALE", "women's pre-trial module");

        browser.open("/estate/" + code + "/locations/" + ids.get("M1-C02") + "?lang=es");
        assertThat(browser.text("separation-designations")).contains("Mujeres", "(fijado en " + code + "-M1)");

        browser.open("/estate/" + code + "?lang=es");   // the facility's grid says whom each module is for
        assertThat(browser.text("designation-M1"))
                .isEqualTo("Destinado a: Mujeres, En espera de juicio (prisión preventiva)");
    }
}

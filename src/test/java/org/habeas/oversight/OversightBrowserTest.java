package org.habeas.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.oversight.OversightFixtures.aFacility;
import static org.habeas.oversight.OversightFixtures.aPerson;
import static org.habeas.oversight.OversightFixtures.admit;
import static org.habeas.TestData.facility;
import static org.habeas.oversight.OversightFixtures.place;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.TestData;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.habeas.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In real Chromium: a director opens the estate at a glance and the capacity forecast, with its chart drawn, in
 * English and in Spanish; the planned facility is on both (REQ-28, REQ-47).
 */
class OversightBrowserTest extends BrowserTest {

    @Test
    void aDirectorReadsTheEstateAndItsForecastChartInBothLanguages() {
        ZoneId zone = ZoneId.of("America/El_Salvador");
        var facility = aFacility(as(Role.DIRECTOR), zone, 2, 2, 4, 6, 10);
        for (int i = 0; i < 3; i++) {
            UUID person = aPerson(as(Role.INTAKE), facility.code(), "MALE", "1982-05-0" + (i + 1), "SV");
            admit(as(Role.INTAKE), person, facility.code(), "PRE_TRIAL", Instant.now().minusSeconds(300 - i));
            place(as(Role.HOUSING), person, facility.cells().get(i % 2), Instant.now().minusSeconds(200 - i));
        }
        String planned = TestData.aCode("P");
        as(Role.DIRECTOR).post("/api/facilities", facility(planned, zone, "PLANNED",
                YearMonth.now(zone).plusMonths(6).atDay(1).toString())).expect(201);
        as(Role.DIRECTOR).put("/api/facilities/" + planned + "/planned-capacity", Map.of("places", 40,
                "floorAreaM2", 102)).expect(200);
        String username = "director-" + UUID.randomUUID().toString().substring(0, 8);
        access.createUser(new NewUser(username, "Director " + username, PASSWORD_OF_TEST_USERS,
                Set.of(Role.DIRECTOR), Set.of(facility.code(), planned)));

        browser.logOn(username, PASSWORD_OF_TEST_USERS);
        browser.open("/?lang=en");
        browser.click("nav-oversight");
        assertThat(browser.path()).isEqualTo("/oversight");
        assertThat(browser.text("oversight-" + facility.code())).contains("open", "8", "12", "3", "37.5 %");
        assertThat(browser.text("planned-" + planned)).isEqualTo("Planned: 40 places, 30 ICRC places by floor area");
        assertThat(browser.text("oversight-open-total")).contains("Open estate", "37.5 %");

        browser.click("link-forecast");
        assertThat(browser.path()).isEqualTo("/oversight/forecast");
        assertThat(browser.text("forecast-method")).contains("Trend: arrivals less departures",
                "the 3 people on the rolls today");
        assertDrawn();
        // Nobody came or left before today: three on the roll all along. From the planned facility's opening,
        // operational 8 + 40 places and ICRC 4 + 30 (102 m² / 3.4).
        assertThat(browser.text("month-" + YearMonth.now(zone).plusMonths(6))).isEqualTo(
                YearMonth.now(zone).plusMonths(6) + " 3 48 52 34 29");

        browser.click("lang-es");
        assertThat(browser.language()).isEqualTo("es");
        assertThat(browser.text("forecast-method")).contains("Tendencia: entradas menos salidas");
        assertDrawn();
        browser.click("link-estate");
        assertThat(browser.text("planned-" + planned)).isEqualTo("Previsto: 40 plazas, 30 plazas CICR por superficie");
        assertThat(browser.text("oversight-open-total")).contains("Centros abiertos");
    }

    // The chart is on the page and drawn: its three lines, each with 24 points, and room on the screen.
    private void assertDrawn() {
        WebElement chart = browser.driver().findElement(By.id("forecast-chart"));
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.findElement(By.tagName("svg")).getSize().getHeight()).isGreaterThan(100);
        List<WebElement> lines = chart.findElements(By.tagName("polyline"));
        assertThat(lines).hasSize(3);
        for (WebElement line : lines) {
            assertThat(line.getDomAttribute("points").split(" ")).hasSize(24);
        }
    }
}

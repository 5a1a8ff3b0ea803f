package org.habeas.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.oversight.OversightFixtures.aFacility;
import static org.habeas.oversight.OversightFixtures.aPerson;
import static org.habeas.oversight.OversightFixtures.admit;
import static org.habeas.oversight.OversightFixtures.place;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/** The oversight pages in both languages, for the roles that read them, and refused to the others. */
class OversightPagesTest extends IntegrationTest {

    @Test
    void theFourPagesShowTheirFiguresInEnglishAndSpanish() {
        var facility = aFacility(as(Role.DIRECTOR), ZoneId.of("America/El_Salvador"), 1, 2, 4, 6, 10);
        UUID person = aPerson(as(Role.INTAKE), facility.code(), "MALE", "1984-04-04", "SV");
        admit(as(Role.INTAKE), person, facility.code(), "PRE_TRIAL", Instant.now().minusSeconds(120));
        place(as(Role.HOUSING), person, facility.cells().get(0), Instant.now().minusSeconds(60));
        PageSession inspector = new PageSession(baseUrl()).logOn(newUser(Role.INSPECTOR).username(),
                PASSWORD_OF_TEST_USERS);

        assertThat(inspector.get("/oversight?lang=en").body()).contains("The estate at a glance",
                "id=\"oversight-" + facility.code() + "\"", "id=\"nav-oversight\"");
        assertThat(inspector.get("/oversight?lang=es").body()).contains("Los centros de un vistazo",
                "Capacidad normal certificada");
        assertThat(inspector.get("/oversight/safeguards?facility=" + facility.code() + "&lang=en").body())
                .contains("id=\"safeguards-" + facility.code() + "\"", "Nothing overdue.");
        assertThat(inspector.get("/oversight/statistics?facility=" + facility.code() + "&by=sex&lang=es").body())
                .contains("Población en el tiempo", "id=\"statistics-chart\"", "id=\"statistics-MALE\"", "<polyline");
        String forecast = inspector.get("/oversight/forecast?facility=" + facility.code() + "&lang=en").body();
        assertThat(forecast).contains("Capacity forecast", "id=\"forecast-chart\"", "id=\"forecast-method\"",
                "Trend: arrivals less departures");
        assertThat(inspector.get("/oversight/forecast?facility=" + facility.code() + "&lang=es").body())
                .contains("Previsión de capacidad", "Tendencia: entradas menos salidas");
        var csv = inspector.get("/oversight/statistics.csv?facility=" + facility.code());
        assertThat(csv.body()).startsWith("day,category,population");
    }

    @Test
    void aDirectorRecordsAnIncidentsReportFromTheSafeguardsList() {   // REQ-13
        var facility = aFacility(as(Role.DIRECTOR), ZoneId.of("America/El_Salvador"), 1, 2, 4, 6, 10);
        UUID person = aPerson(as(Role.INTAKE), facility.code(), "MALE", "1979-09-09", "SV");
        admit(as(Role.INTAKE), person, facility.code(), "PRE_TRIAL", Instant.now().minusSeconds(120));
        UUID death = OversightFixtures.die(as(Role.HOUSING), person, Instant.now().minusSeconds(60));
        String list = "/oversight/safeguards?facility=" + facility.code();

        PageSession inspector = new PageSession(baseUrl()).logOn(newUser(Role.INSPECTOR).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(inspector.get(list + "&lang=en").body()).contains("id=\"incident-" + death + "\"")
                .doesNotContain("id=\"report-" + death + "\"");
        assertThat(inspector.post("/oversight/incidents/" + death + "/report", Map.of("authority", "PDDH",
                "reference", "PDDH-1", "reportedOn", LocalDate.now().toString())).statusCode()).isEqualTo(403);

        PageSession director = new PageSession(baseUrl()).logOn(newUser(Role.DIRECTOR).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(director.get(list + "&lang=en").body()).contains("id=\"report-" + death + "\"");
        String today = LocalDate.now(ZoneId.of("America/El_Salvador")).toString();
        director.post("/oversight/incidents/" + death + "/report", Map.of("authority", "Fiscalía General",
                "reference", " ", "reportedOn", today, "facility", facility.code()));
        assertThat(director.get(list + "&lang=es").body()).contains("id=\"report-refused\"",
                "Indique la autoridad, la referencia de la investigación");
        director.post("/oversight/incidents/" + death + "/report", Map.of("authority", "Fiscalía General",
                "reference", "FGR-2026-7", "reportedOn", today, "facility", facility.code()));
        String after = director.get(list + "&lang=en").body();
        assertThat(after).contains("The report was recorded.").doesNotContain("id=\"incident-" + death + "\"");
        assertThat(as(Role.INSPECTOR).get("/api/incidents/" + death).expect(200).json().path("report")
                .path("reference").asString()).isEqualTo("FGR-2026-7");
    }

    @Test
    void badInputOnAPageAnswersItsStatusAndOtherRolesAreRefused() {
        PageSession director = new PageSession(baseUrl()).logOn(newUser(Role.DIRECTOR).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(director.get("/oversight/statistics?by=colour").statusCode()).isEqualTo(400);
        assertThat(director.get("/oversight/forecast?window=2").statusCode()).isEqualTo(400);
        PageSession housing = new PageSession(baseUrl()).logOn(newUser(Role.HOUSING).username(),
                PASSWORD_OF_TEST_USERS);
        for (String page : new String[] {"/oversight", "/oversight/safeguards", "/oversight/statistics",
                "/oversight/statistics.csv", "/oversight/forecast"}) {
            assertThat(housing.get(page).statusCode()).as(page).isEqualTo(403);
        }
        assertThat(housing.get("/?lang=en").body()).doesNotContain("id=\"nav-oversight\"")
                .doesNotContain("id=\"oversight-card\"");
        assertThat(director.get("/?lang=es").body()).contains("id=\"oversight-card\"", "Salvaguardias vencidas",
                "id=\"home-safeguards-overdue\"");
    }
}

package org.habeas.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.legal.LegalRecordFixtures.aFacility;
import static org.habeas.legal.LegalRecordFixtures.aPerson;
import static org.habeas.legal.LegalRecordFixtures.admit;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The return-case pages (REQ-45), the detentions-due list and a person's authorities (REQ-02), and the legal card on
 * the home page: in Spanish and English, the forms for legal officers only, refusals shown on the page in the
 * officer's language, and the wrong role refused.
 */
@DisplayName("legal pages: return cases and detention authorities")
class ReturnCasePagesTest extends IntegrationTest {

    static final ZoneId SAN_VICENTE = ZoneId.of("America/El_Salvador");

    TestData.Estate estate;
    UUID person;
    PageSession legal;

    @BeforeEach
    void aPersonHeldAndALegalOfficerSignedIn() {
        ApiClient intake = as(Role.INTAKE);
        estate = aFacility(as(Role.DIRECTOR), 1);
        person = aPerson(intake, estate.code(), "SV");
        admit(intake, person, estate.code(), "IMMIGRATION", null);
        legal = session(Role.LEGAL);
    }

    PageSession session(Role role) {
        return new PageSession(baseUrl()).logOn(newUser(role).username(), PASSWORD_OF_TEST_USERS);
    }

    String openThroughTheForm() {
        legal.get("/legal/return-cases?lang=en");
        HttpResponse<String> opened = legal.post("/legal/return-cases", Map.of("personId", person.toString(),
                "country", "SV", "grounds", "Removed despite a withholding order"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/legal/return-cases/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aLegalOfficerOpensACaseAddsAStepAndClosesItOnACourtsDecision() {
        String id = openThroughTheForm();
        String page = legal.get("/legal/return-cases/" + id + "?lang=en").body();
        assertThat(page).contains("The return case is open.", "Add a step", "Close the case", "Open");

        HttpResponse<String> step = legal.post("/legal/return-cases/" + id + "/steps", Map.of("kind",
                "CONTACT_WITH_RECEIVING_STATE", "happenedAt", LocalDateTime.now(SAN_VICENTE).minusHours(2)
                        .withSecond(0).withNano(0).toString(), "summary", "Called the consulate in San Salvador"));
        assertThat(step.statusCode()).isEqualTo(302);
        page = legal.get("/legal/return-cases/" + id + "?lang=en").body();
        assertThat(page).contains("The step is recorded.", "Contact with the receiving state",
                "Called the consulate in San Salvador", "(America/El_Salvador)");

        legal.post("/legal/return-cases/" + id + "/close", Map.of("status", "CLOSED_BY_COURT",
                "summary", "the court vacated its order"));
        page = legal.get("/legal/return-cases/" + id + "?lang=en").body();
        assertThat(page).contains("id=\"returns-refused\"", "RETURN_CASE_CLOSURE_INVALID", "reference");

        legal.post("/legal/return-cases/" + id + "/close", Map.of("status", "CLOSED_BY_COURT", "reference",
                "No. 25-1234", "summary", "the court vacated its order"));
        page = legal.get("/legal/return-cases/" + id + "?lang=es").body();
        assertThat(page).contains("El caso de retorno está cerrado.", "Cerrado por un tribunal", "No. 25-1234")
                .doesNotContain("id=\"close-form\"", "id=\"step-form\"");

        legal.post("/legal/return-cases/" + id + "/steps", Map.of("kind", "STEP", "happenedAt",
                LocalDateTime.now(SAN_VICENTE).minusHours(1).withSecond(0).withNano(0).toString(), "summary", "late"));
        assertThat(legal.get("/legal/return-cases/" + id + "?lang=es").body()).contains("RETURN_CASE_CLOSED",
                "el caso de retorno ya está cerrado.");
    }

    @Test
    void theListIsInBothLanguagesAndBadInputIsShownOnTheForm() {
        String id = openThroughTheForm();
        String en = legal.get("/legal/return-cases?status=OPEN&lang=en").body();
        assertThat(en).contains("Return cases", "Open a return case", "id=\"case-" + id + "\"", estate.code());
        String es = legal.get("/legal/return-cases?lang=es").body();
        assertThat(es).contains("Casos de retorno", "Abrir un caso de retorno", "Abierto");

        legal.post("/legal/return-cases", Map.of("personId", person.toString(), "country", "XX", "grounds", "g"));
        assertThat(legal.get("/legal/return-cases?lang=en").body()).contains("UNKNOWN_COUNTRY_CODE", "country");
        legal.post("/legal/return-cases", Map.of("personId", "not an id", "country", "SV", "grounds", "g"));
        assertThat(legal.get("/legal/return-cases?lang=es").body()).contains("VALIDATION_FAILED", "personId");
    }

    @Test
    void readersSeeTheCaseWithoutFormsAndTheWrongRolesAreRefused() {
        String id = openThroughTheForm();
        PageSession inspector = session(Role.INSPECTOR);
        assertThat(inspector.get("/legal/return-cases?lang=en").body()).contains("id=\"case-" + id + "\"")
                .doesNotContain("id=\"open-form\"");
        assertThat(inspector.get("/legal/return-cases/" + id + "?lang=en").body())
                .doesNotContain("id=\"step-form\"", "id=\"close-form\"");
        assertThat(inspector.post("/legal/return-cases/" + id + "/close", Map.of("status", "RETURNED",
                "summary", "x")).statusCode()).isEqualTo(403);
        assertThat(inspector.post("/legal/return-cases/" + id + "/steps", Map.of("kind", "STEP",
                "happenedAt", "2026-01-01T10:00", "summary", "x")).statusCode()).isEqualTo(403);
        assertThat(inspector.post("/legal/return-cases", Map.of("personId", person.toString(), "country", "SV",
                "grounds", "x")).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM legal_return_case WHERE person_id = :p").param("p", person)
                .query(Integer.class).single()).isOne();
        assertThat(session(Role.SUPERVISOR).get("/legal/return-cases/" + id).statusCode()).isEqualTo(200);

        PageSession housing = session(Role.HOUSING);
        assertThat(housing.get("/legal/return-cases").statusCode()).isEqualTo(403);
        assertThat(housing.get("/legal/return-cases/" + id).statusCode()).isEqualTo(403);
        assertThat(housing.get("/legal/authorities-due").statusCode()).isEqualTo(403);
        assertThat(housing.get("/people/" + person + "/authorities").statusCode()).isEqualTo(403);
        assertThat(session(Role.SUPERVISOR).get("/legal/authorities-due").statusCode()).isEqualTo(403);
        assertThat(legal.get("/legal/return-cases/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aDocumentRecordedOnThePersonsPageTakesThemOffTheListOfDetentionsDue() {
        LocalDate today = LocalDate.now(SAN_VICENTE);
        String authorities = "/people/" + person + "/authorities";
        assertThat(legal.get(authorities + "?lang=en").body()).contains("Detention order", "at admission", "Valid")
                .contains("id=\"authority-form\"");

        Map<String, String> overdue = new LinkedHashMap<>();
        overdue.put("type", "DETENTION_RENEWAL");
        overdue.put("issuedBy", "Juzgado de prueba");
        overdue.put("issuedOn", today.minusDays(40).toString());
        overdue.put("documentReference", "JP-1");
        overdue.put("reviewDue", today.minusDays(1).toString());
        assertThat(legal.post(authorities, overdue).statusCode()).isEqualTo(302);
        assertThat(legal.get(authorities + "?lang=es").body()).contains("El documento está registrado.",
                "Prórroga de la detención", "Revisión vencida");
        assertThat(legal.get("/legal/authorities-due?lang=en").body()).contains("id=\"due-" + person + "\"",
                "Review overdue");
        assertThat(session(Role.INSPECTOR).get("/legal/authorities-due?lang=es").body())
                .contains("id=\"due-" + person + "\"", "Revisión vencida");
        assertThat(legal.get("/?lang=en").body()).contains("id=\"legal-card\"", "id=\"home-authorities-due\"",
                "id=\"home-open-return-cases\"");

        overdue.put("reviewDue", today.minusDays(50).toString());
        legal.post(authorities, overdue);
        assertThat(legal.get(authorities + "?lang=en").body()).contains("DETENTION_AUTHORITY_DATES_INVALID",
                "reviewDue");

        Map<String, String> renewed = new LinkedHashMap<>(overdue);
        renewed.put("issuedOn", today.toString());
        renewed.put("documentReference", "JP-2");
        renewed.put("reviewDue", today.plusDays(30).toString());
        legal.post(authorities, renewed);
        assertThat(legal.get("/legal/authorities-due?lang=en").body()).doesNotContain("id=\"due-" + person + "\"");

        PageSession supervisor = session(Role.SUPERVISOR);
        assertThat(supervisor.get(authorities + "?lang=en").body()).doesNotContain("id=\"authority-form\"");
        assertThat(supervisor.post(authorities, renewed).statusCode()).isEqualTo(403);
    }

    @Test
    void theLegalCardIsOnlyForTheRolesThatReadTheLists() {
        assertThat(session(Role.HOUSING).get("/?lang=en").body()).doesNotContain("id=\"legal-card\"");
        String supervisor = session(Role.SUPERVISOR).get("/?lang=es").body();
        assertThat(supervisor).contains("id=\"legal-card\"", "Casos de retorno abiertos")
                .doesNotContain("id=\"home-authorities-due\"");
        assertThat(session(Role.INSPECTOR).get("/?lang=en").body()).contains("Open return cases",
                "Detentions without a valid authority or past their review", "id=\"nav-return-cases\"");
    }
}

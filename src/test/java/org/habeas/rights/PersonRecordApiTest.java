package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.habeas.rights.RightsFixtures.aReleaseTo;
import static org.habeas.rights.RightsFixtures.aTransferTo;
import static org.habeas.rights.RightsFixtures.admit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The person's own record (REQ-15): identity, custody on its authority, movements with the cell, orders and
 * notifications, as JSON and as a PDF that opens and says the same; the redactions applied, each with its ground; the
 * export journaled; the wrong roles refused.
 */
@DisplayName("/api/people/{id}/record")
class PersonRecordApiTest extends IntegrationTest {

    private TestData.Estate estate;
    private TestData.Estate other;
    private UUID person;
    private String given;
    private String caseNumber;

    @BeforeEach
    void aPersonTransferredWithAnOrder() {
        estate = TestData.aFacility(as(Role.DIRECTOR), "REC", 1, 4, 4, 4);
        other = TestData.aFacility(as(Role.DIRECTOR), "RED", 1, 4, 4, 4);
        given = "Ñoño " + TestData.syntheticName();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Map.of("givenNames", given, "firstFamilyName", TestData.syntheticName()));
        body.put("birthDate", "1979-08-21");
        body.put("recordedSex", "MALE");
        body.put("nationalities", List.of(Map.of("country", "VE", "determinedFrom", "PASSPORT")));
        body.put("facility", estate.code());
        person = UUID.fromString(as(Role.INTAKE).post("/api/people", body).expect(201).json().path("id").asString());
        admit(as(Role.INTAKE), person, estate.code());
        as(Role.HOUSING).post("/api/people/" + person + "/movements", Map.of("type", "PLACED",
                "toLocation", estate.cells().get(0).toString())).expect(201);
        as(Role.HOUSING).post("/api/people/" + person + "/movements", aTransferTo(other.code())).expect(201);
        caseNumber = "A" + (100_000_000 + (int) (Math.random() * 800_000_000));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("type", "WITHHOLDING_OF_REMOVAL");
        order.put("issuedBy", "Immigration Court, Test District");
        order.put("caseNumber", caseNumber);
        order.put("decidedOn", "2025-05-02");
        order.put("country", "VE");
        order.put("documentReference", "EOIR-551");
        as(Role.LEGAL).post("/api/people/" + person + "/orders", order).expect(201);
    }

    @Test
    void theJsonHoldsTheWholeRecordWithEachRedactionAndItsGround() {
        JsonNode record = as(Role.LEGAL).get("/api/people/" + person + "/record").expect(200).json();
        assertThat(record.path("identity").path("fullName").asString()).startsWith(given);
        assertThat(record.path("identity").path("nationalities").toString()).contains("VE (PASSPORT)");
        JsonNode episode = record.path("custody").get(0);
        assertThat(episode.path("facility").asString()).isEqualTo(estate.code());
        assertThat(episode.path("issuingAuthority").asString()).isEqualTo("Juzgado Especializado de Instrucción");
        List<String> kinds = record.path("movements").valueStream().map(m -> m.path("kind").asString()).toList();
        assertThat(kinds).containsExactly("ADMITTED", "PLACED", "TRANSFERRED_OUT");
        assertThat(record.path("movements").get(1).path("cell").asString()).isEqualTo(estate.code() + "-M1-C01");
        assertThat(record.path("movements").get(2).path("destination").asString()).isEqualTo(other.code());
        assertThat(record.path("orders").get(0).path("caseNumber").asString()).isEqualTo(caseNumber);
        assertThat(record.path("notifications").size()).isPositive();
        List<String> redacted = record.path("redactions").valueStream().map(r -> r.path("code").asString()).toList();
        assertThat(redacted).contains("STAFF", "ESCORT", "PLACEMENT", "visibleInjuries", "illTreatmentComplaint");
        assertThat(record.path("redactions").valueStream()).allSatisfy(r ->
                assertThat(r.path("ground").asString()).isNotBlank());
        // The escort and the officers are what the redactions say is left out.
        assertThat(record.toString()).doesNotContain("escort team 4").doesNotContain("route 12");
        assertThat(record.path("producedBy").asString()).isNotBlank();

        var journaled = as(Role.INSPECTOR).get("/api/journal?action=PERSON_RECORD_EXPORTED&subjectId=" + person)
                .expect(200).json().path("items");
        assertThat(journaled.size()).isEqualTo(1);
        assertThat(journaled.get(0).path("details").path("format").asString()).isEqualTo("JSON");
    }

    @Test
    void thePdfOpensAndSaysTheSameInSpanish() throws Exception {
        String username = newUser(Role.INTAKE).username();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/people/" + person + "/record"))
                .header("Accept", "application/pdf").header("Accept-Language", "es")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + PASSWORD_OF_TEST_USERS).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isPositive();
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Expediente personal", given, estate.code(), caseNumber, "TRANSFERRED_OUT",
                    estate.code() + "-M1-C01", "Qué se ha omitido, y por qué", "Seguridad de los traslados");
            assertThat(text).doesNotContain("escort team 4");
        }
    }

    @Test
    void onlyTheOfficersOfThePersonsPapersExportItAndOnlyInTheirScope() {
        as(Role.HOUSING).get("/api/people/" + person + "/record").expect(403);
        as(Role.AGENCY).get("/api/people/" + person + "/record").expect(403);
        as(Role.ADMIN).get("/api/people/" + person + "/record").expect(403);
        anonymous().get("/api/people/" + person + "/record").expect(401);
        as(Role.LEGAL).get("/api/people/" + UUID.randomUUID() + "/record").expect(404).code("PERSON_NOT_FOUND");
        PageSession housing = new PageSession(baseUrl()).logOn(newUser(Role.HOUSING).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(housing.get("/people/" + person + "/record.pdf").statusCode()).isEqualTo(403);
        assertThat(housing.get("/people/" + person).body()).doesNotContain("person-record-link");
        PageSession supervisor = new PageSession(baseUrl()).logOn(newUser(Role.SUPERVISOR).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(supervisor.get("/people/" + person + "?lang=es").body()).contains("person-record-link")
                .contains("El expediente de la persona (PDF)");
        var pdf = supervisor.get("/people/" + person + "/record.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void aReleaseOpensTheDutyToHandThePersonTheirOfficialCopy() {
        as(Role.HOUSING).post("/api/people/" + person + "/movements", Map.of("type", "ARRIVED")).expect(201);
        as(Role.HOUSING).post("/api/people/" + person + "/movements", aReleaseTo("to his own address")).expect(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> copyTask() != null);
        JsonNode task = copyTask();
        assertThat(task.path("occasion").asString()).isEqualTo("RELEASE");
        assertThat(task.path("status").asString()).isEqualTo("OPEN");
        as(Role.INTAKE).post("/api/notifications/" + task.path("id").asString() + "/attempts",
                Map.of("method", "IN_PERSON", "delivered", true)).expect(201);
        assertThat(copyTask().path("status").asString()).isEqualTo("DONE");
    }

    private JsonNode copyTask() {
        for (JsonNode t : as(Role.INTAKE).get("/api/people/" + person + "/notifications").expect(200).json()) {
            if (t.path("recipient").asString().equals("PERSON")) {
                return t;
            }
        }
        return null;
    }
}

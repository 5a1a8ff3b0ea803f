package org.habeas.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.transfer.TransferFixtures.aFacility;
import static org.habeas.transfer.TransferFixtures.aPerson;
import static org.habeas.transfer.TransferFixtures.admitImmigration;
import static org.habeas.transfer.TransferFixtures.anAgreement;
import static org.habeas.transfer.TransferFixtures.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * POST /api/manifests/{id}/handovers (REQ-40, REQ-48, REQ-53): an outbound manifest whose people the legal record
 * clears, approved by a second person and dispatched, ends in handovers with every required field; the approved,
 * boarded line is the second approval the removal needs, and nobody else is handed over on it.
 */
class ManifestHandoverTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final Random RANDOM = new Random();

    ApiClient intake;
    ApiClient legal;
    ApiClient housing;
    TestData.Estate estate;
    UUID agreement;

    @BeforeEach
    void policiesAFacilityAndAnAgreement() {
        intake = as(Role.INTAKE);
        legal = as(Role.LEGAL);
        housing = as(Role.HOUSING);
        // The same values as the legal tests set: later versions win, so the order tests run in does not matter.
        String from = Instant.now().minus(365, ChronoUnit.DAYS).toString();
        ApiClient admin = as(Role.ADMIN);
        admin.post("/api/legal/policies", Map.of("name", "NOTICE_WINDOW_HOURS", "value", "72",
                "effectiveFrom", from, "citation", "test policy: notice window")).expect(201);
        admin.post("/api/legal/policies", Map.of("name", "FEAR_CLAIM_BLOCKS", "value", "true",
                "effectiveFrom", from, "citation", "test policy: fear claims")).expect(201);
        admin.post("/api/legal/policies", Map.of("name", "REVIEW_FRESHNESS_DAYS", "value", "30",
                "effectiveFrom", from, "citation", "test policy: freshness")).expect(201);
        estate = aFacility(as(Role.DIRECTOR), 1);
        var terms = anAgreement(TODAY.minusDays(30), TODAY.plusDays(300));
        terms.put("acceptedCategories", List.of());
        agreement = record(as(Role.DIRECTOR), terms);
    }

    /** A Salvadoran national in immigration custody with a final removal order and a fresh review for SV. */
    UUID removableToSV() {
        UUID person = aPerson(intake, estate.code(), "SV");
        admitImmigration(intake, person, estate.code());
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("type", "FINAL_REMOVAL_ORDER");
        order.put("issuedBy", "Immigration Court, Test District");
        order.put("caseNumber", "A" + (100_000_000 + RANDOM.nextInt(899_999_999)));
        order.put("decidedOn", TODAY.minusDays(30).toString());
        order.put("documentReference", "EOIR-" + RANDOM.nextInt(1_000_000));
        order.put("text", "Removal is ordered.");
        legal.post("/api/people/" + person + "/orders", order).expect(201);
        legal.post("/api/people/" + person + "/legal/reviews", Map.of("country", "SV",
                "sourcesChecked", "EOIR case status; federal court docket", "conclusion", "no bar found"))
                .expect(201);
        return person;
    }

    Map<String, Object> anOutbound(List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", "OUTBOUND");
        body.put("agreementId", agreement.toString());
        body.put("carrier", "Charter carrier");
        body.put("journey", "FLIGHT-" + UUID.randomUUID().toString().substring(0, 6));
        body.put("origin", estate.code());
        body.put("destinationAuthority", "Dirección General de Centros Penales");
        body.put("destinationCountry", "SV");
        body.put("scheduledAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        body.put("sendingAgency", "DHS / ICE");
        body.put("lines", lines);
        return body;
    }

    static Map<String, Object> line(String ref, UUID person) {
        return Map.of("ref", ref, "personId", person.toString(), "basisType", "COURT_ORDER",
                "basisReference", "final order of removal");
    }

    static Map<String, Object> aHandover(String ref) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ref", ref);
        body.put("receivingOfficial", "Oficial de recepción de prueba");
        body.put("place", "Aeropuerto Internacional de El Salvador");
        body.put("at", Instant.now().toString());
        body.put("receiptReference", "RCPT-" + RANDOM.nextInt(1_000_000));
        body.put("nonRefoulement", Map.of("persecutionRisk", "none found for this person",
                "tortureRisk", "none found for this person", "disappearanceRisk", "none found for this person",
                "facilityConditions", "reported overcrowding; access for the ICRC not guaranteed",
                "assessedBy", "Legal officer of test"));
        return body;
    }

    /** REQ-55: a protection order entered after the version was built refuses its approval. */
    @Test
    void anOrderEnteredAfterTheVersionWasBuiltRefusesItsApproval() {
        UUID person = removableToSV();
        JsonNode v1 = intake.post("/api/manifests", anOutbound(List.of(line("R1", person)))).expect(201).json();
        assertThat(v1.path("version").path("lines").get(0).path("vetting").path("status").asString())
                .isEqualTo("CLEARED");
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("type", "WITHHOLDING_OF_REMOVAL");
        order.put("issuedBy", "Immigration Court, Test District");
        order.put("caseNumber", "A" + (100_000_000 + RANDOM.nextInt(899_999_999)));
        order.put("decidedOn", TODAY.minusDays(2).toString());
        order.put("country", "SV");
        order.put("documentReference", "EOIR-" + RANDOM.nextInt(1_000_000));
        legal.post("/api/people/" + person + "/orders", order).expect(201);
        String id = v1.path("manifest").path("id").asString();
        var refused = as(Role.SUPERVISOR).post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(409)
                .code("MANIFEST_LINES_DENIED");
        assertThat(refused.body()).contains("R1: PROTECTION_ORDER");
    }

    @Test
    void anApprovedDispatchedLineIsHandedOverWithEveryFieldAndCustodyEnds() {
        UUID first = removableToSV();
        UUID second = removableToSV();
        JsonNode v1 = intake.post("/api/manifests", anOutbound(List.of(line("R1", first), line("R2", second))))
                .expect(201).json();
        String id = v1.path("manifest").path("id").asString();
        v1.path("version").path("lines").forEach(l -> assertThat(l.path("vetting").path("status").asString())
                .as(l.toString()).isEqualTo("CLEARED"));
        as(Role.SUPERVISOR).post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(200);
        intake.post("/api/manifests/" + id + "/dispatch", Map.of("version", 1, "boarded", List.of("R1")))
                .expect(200);

        var incomplete = aHandover("R1");
        incomplete.put("nonRefoulement", Map.of("persecutionRisk", "none"));
        housing.post("/api/manifests/" + id + "/handovers", incomplete).expect(400).code("VALIDATION_FAILED")
                .field("nonRefoulement.tortureRisk");
        var noReceipt = aHandover("R1");
        noReceipt.remove("receiptReference");
        housing.post("/api/manifests/" + id + "/handovers", noReceipt).expect(400).code("VALIDATION_FAILED")
                .field("receiptReference");
        housing.post("/api/manifests/" + id + "/handovers", aHandover("R2")).expect(409)
                .code("NOT_ON_APPROVED_MANIFEST");
        intake.post("/api/manifests/" + id + "/handovers", aHandover("R1")).expect(403);

        JsonNode done = housing.post("/api/manifests/" + id + "/handovers", aHandover("R1")).expect(201).json();
        assertThat(done.path("movement").path("movement").path("kind").asString()).isEqualTo("REMOVED");
        assertThat(jdbc.sql("SELECT end_kind FROM custody_episode WHERE person_id = :p").param("p", first)
                .query(String.class).single()).isEqualTo("REMOVED");
        assertThat(jdbc.sql("SELECT receiving_official FROM manifest_handover WHERE person_id = :p")
                .param("p", first).query(String.class).single()).isEqualTo("Oficial de recepción de prueba");

        // Outside the manifest the second person's removal still needs a second approver.
        Map<String, Object> removal = new LinkedHashMap<>();
        removal.put("type", "REMOVED");
        removal.put("destination", "SV");
        removal.put("detail", "Dirección General de Centros Penales");
        removal.put("authority", "final order of removal");
        removal.put("agreement", agreement.toString());
        removal.put("particulars", Map.of("basis", "COURT_ORDER"));
        housing.post("/api/people/" + second + "/movements", removal).expect(409)
                .code("SECOND_APPROVAL_REQUIRED");
    }

    /** The handover form of the manifest page: every field required, and the housing officer's alone. */
    @Test
    void aHousingOfficerRecordsTheHandoverOnTheManifestPage() {
        UUID person = removableToSV();
        String id = intake.post("/api/manifests", anOutbound(List.of(line("R1", person)))).expect(201).json()
                .path("manifest").path("id").asString();
        as(Role.SUPERVISOR).post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(200);
        intake.post("/api/manifests/" + id + "/dispatch", Map.of("version", 1, "boarded", List.of("R1")))
                .expect(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ref", "R1");
        form.put("receivingOfficial", "Oficial de recepción de prueba");
        form.put("place", "Aeropuerto Internacional de El Salvador");
        form.put("at", java.time.LocalDateTime.now(ZoneOffset.UTC).toString());
        form.put("receiptReference", "RCPT-" + RANDOM.nextInt(1_000_000));
        form.put("persecutionRisk", "none found for this person");
        form.put("tortureRisk", "none found for this person");
        form.put("disappearanceRisk", "none found for this person");
        form.put("facilityConditions", "reported overcrowding");

        PageSession officer = new PageSession(baseUrl()).logOn(newUser(Role.HOUSING).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(officer.get("/manifests/" + id + "?lang=es").body()).contains("id=\"handover\"")
                .contains("Evaluación de no devolución");
        assertThat(officer.post("/manifests/" + id + "/handovers", form).statusCode()).isEqualTo(302);
        assertThat(officer.get("/manifests/" + id + "?lang=en").body()).contains("VALIDATION_FAILED");
        assertThat(jdbc.sql("SELECT count(*) FROM manifest_handover WHERE manifest_id = :m")
                .param("m", UUID.fromString(id)).query(Integer.class).single()).isZero();

        PageSession intakeOfficer = new PageSession(baseUrl()).logOn(newUser(Role.INTAKE).username(),
                PASSWORD_OF_TEST_USERS);
        form.put("assessedBy", "Legal officer of test");
        assertThat(intakeOfficer.post("/manifests/" + id + "/handovers", form).statusCode()).isEqualTo(403);

        assertThat(officer.post("/manifests/" + id + "/handovers", form).statusCode()).isEqualTo(302);
        String page = officer.get("/manifests/" + id + "?lang=en").body();
        assertThat(page).contains("The handover is recorded").contains("Handed over: R1");
        assertThat(jdbc.sql("SELECT end_kind FROM custody_episode WHERE person_id = :p").param("p", person)
                .query(String.class).single()).isEqualTo("REMOVED");
    }
}

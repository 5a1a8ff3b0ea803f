package org.habeas.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habeas.legal.LegalRecordFixtures.aFacility;
import static org.habeas.legal.LegalRecordFixtures.aPerson;
import static org.habeas.legal.LegalRecordFixtures.admit;
import static org.habeas.legal.LegalRecordFixtures.anOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * Entering the legal record over the API: bad input refused with its own code and nothing written, the data-quality
 * guard (REQ-42), who may do what, facility scope, the journal (REQ-49), and records that are never deleted.
 */
@DisplayName("legal: entering orders, holds and injunctions")
class LegalRecordApiTest extends IntegrationTest {

    ApiClient intake;
    ApiClient legal;
    TestData.Estate estate;
    UUID person;

    @BeforeEach
    void aPersonHeldInImmigrationCustody() {
        intake = as(Role.INTAKE);
        legal = as(Role.LEGAL);
        estate = aFacility(as(Role.DIRECTOR), 1);
        person = aPerson(intake, estate.code(), "SV");
        admit(intake, person, estate.code(), "IMMIGRATION", null);
    }

    String orders() {
        return "/api/people/" + person + "/orders";
    }

    int ordersOnRecord() {
        return jdbc.sql("SELECT count(*) FROM legal_order WHERE person_id = :p").param("p", person)
                .query(Integer.class).single();
    }

    int journalEntries(String action) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = :a AND subject_id = :p")
                .param("a", action).param("p", person.toString()).query(Integer.class).single();
    }

    @Test
    void anUnknownCountryIsRefusedAndNothingIsWritten() {
        legal.post(orders(), anOrder("WITHHOLDING_OF_REMOVAL", "XX", null)).expect(400)
                .code("UNKNOWN_COUNTRY_CODE").field("country");
        assertThat(ordersOnRecord()).isZero();
        assertThat(journalEntries("LEGAL_ORDER_ENTERED")).isZero();
    }

    @Test
    void aProtectionDecisionWithoutItsCountryIsRefused() {
        legal.post(orders(), anOrder("CAT_WITHHOLDING", null, null)).expect(400).code("ORDER_COUNTRY_REQUIRED")
                .field("country");
        assertThat(ordersOnRecord()).isZero();
    }

    @Test
    void anExpiryBeforeTheDecisionIsRefused() {
        var order = anOrder("STAY_COURT", null, null);
        order.put("expiresOn", LocalDate.now().minusDays(60).toString());
        legal.post(orders(), order).expect(400).code("ORDER_DATES_INVALID").field("expiresOn");
        assertThat(ordersOnRecord()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuedBy", "caseNumber"})
    void aStayWithoutItsCourtOrCaseNumberIsRefused(String missing) {
        var stay = anOrder("STAY_BIA", null, null);
        stay.remove(missing);
        legal.post(orders(), stay).expect(400).code("STAY_NEEDS_COURT_AND_CASE").field(missing);
        assertThat(ordersOnRecord()).isZero();
    }

    @Test
    void anOrderWithoutATypeOrADocumentIsRefusedNamingTheField() {
        var untyped = anOrder("STAY_BIA", null, null);
        untyped.remove("type");
        legal.post(orders(), untyped).expect(400).code("VALIDATION_FAILED").field("type");
        var undocumented = anOrder("FINAL_REMOVAL_ORDER", null, null);
        undocumented.remove("documentReference");
        legal.post(orders(), undocumented).expect(400).code("VALIDATION_FAILED").field("documentReference");
        assertThat(ordersOnRecord()).isZero();
    }

    @Test
    void aClassInjunctionWithNoCriteriaIsRefused() {
        var body = LegalRulesTest.injunction(List.of(), null, List.of());
        legal.post("/api/injunctions", body).expect(400).code("INJUNCTION_WITHOUT_CRITERIA");
        var bogus = LegalRulesTest.injunction(List.of("ZZ"), null, List.of());
        legal.post("/api/injunctions", bogus).expect(400).code("UNKNOWN_COUNTRY_CODE").field("nationalities");
    }

    @Test
    void theGuardFlagsACountryNamedDifferentlyInTheTextAndTheOrderStillBinds() {
        // The order that named Guatemala where El Salvador was meant (REQ-42), here the other way round.
        var order = anOrder("WITHHOLDING_OF_REMOVAL", "SV",
                "The respondent's removal to Guatemala is withheld under INA 241(b)(3).");
        JsonNode check = legal.post(orders() + "/check", order).expect(200).json();
        assertThat(check.path("flags").toString()).contains("COUNTRY_IN_TEXT_DIFFERS");
        assertThat(check.path("countriesInText").toString()).contains("GT");
        assertThat(ordersOnRecord()).as("a check saves nothing").isZero();

        JsonNode entered = legal.post(orders(), order).expect(201).json().path("order");
        assertThat(entered.path("flags").toString()).contains("COUNTRY_IN_TEXT_DIFFERS")
                .doesNotContain("COUNTRY_NOT_TIED_TO_PERSON");
        String id = entered.path("id").asString();
        assertThat(legal.get("/api/legal/orders-to-review").expect(200).json().toString()).contains(id);

        legal.post("/api/orders/" + id + "/quality-review", Map.of("reason", "checked against the signed order: "
                + "El Salvador is right, the text is a clerical error")).expect(200);
        assertThat(legal.get("/api/legal/orders-to-review").expect(200).json().toString()).doesNotContain(id);
        assertThat(legal.get("/api/orders/" + id).expect(200).json().path("qualityReviewedBy").asString())
                .isNotBlank();
        legal.post("/api/orders/" + id + "/quality-review", Map.of("reason", "again")).expect(409)
                .code("STATUS_UNCHANGED");
    }

    @Test
    void theGuardFlagsAProtectedCountryThatIsNeitherANationalityNorAResidence() {
        var order = anOrder("CAT_DEFERRAL", "HN", null);
        JsonNode first = legal.post(orders() + "/check", order).expect(200).json();
        assertThat(first.path("flags").toString()).contains("COUNTRY_NOT_TIED_TO_PERSON");

        legal.post("/api/people/" + person + "/legal/residences", Map.of("country", "HN")).expect(200);
        JsonNode second = legal.post(orders() + "/check", order).expect(200).json();
        assertThat(second.path("flags")).isEmpty();
    }

    @Test
    void aStatusChangeKeepsTheHistoryAndTheRecordCannotBeDeleted() {
        String id = legal.post(orders(), anOrder("ASYLUM_GRANT", "SV", null)).expect(201).json().path("order")
                .path("id").asString();
        legal.post("/api/orders/" + id + "/status", Map.of("status", "VACATED", "reason", "vacated by the BIA"))
                .expect(200);
        legal.post("/api/orders/" + id + "/status", Map.of("status", "VACATED", "reason", "twice")).expect(409)
                .code("STATUS_UNCHANGED");
        JsonNode history = legal.get("/api/orders/" + id).expect(200).json().path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("from").asString()).isEqualTo("ACTIVE");
        assertThat(history.get(1).path("to").asString()).isEqualTo("VACATED");
        assertThat(history.get(1).path("reason").asString()).isEqualTo("vacated by the BIA");

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM legal_order WHERE id = :id").param("id", UUID.fromString(id))
                .update()).hasMessageContaining("kept for ever");
        assertThatThrownBy(() -> jdbc.sql("UPDATE legal_status_change SET reason = 'x' WHERE record_id = :id")
                .param("id", UUID.fromString(id)).update()).hasMessageContaining("append-only");
    }

    @Test
    void everyEntryIsJournaledAndTheLegalSummaryIsAJournaledRead() {
        legal.post(orders(), anOrder("FINAL_REMOVAL_ORDER", null, null)).expect(201);
        legal.post("/api/people/" + person + "/holds", Map.of("source", "COUNSEL_NOTICE", "summary",
                "petition for review filed")).expect(201);
        assertThat(journalEntries("LEGAL_ORDER_ENTERED")).isOne();
        assertThat(journalEntries("LEGAL_HOLD_ENTERED")).isOne();

        int readsBefore = journalEntries("READ");
        JsonNode summary = as(Role.INSPECTOR).get("/api/people/" + person + "/legal").expect(200).json();
        assertThat(summary.path("orders")).hasSize(1);
        assertThat(summary.path("holds")).hasSize(1);
        assertThat(summary.path("legalStatus").asString()).isEqualTo("IMMIGRATION");
        assertThat(journalEntries("READ")).isEqualTo(readsBefore + 1);
    }

    @Test
    void onlyLegalOfficersEnterAndOnlyTheReadingRolesRead() {
        as(Role.HOUSING).post(orders(), anOrder("FINAL_REMOVAL_ORDER", null, null)).expect(403);
        as(Role.SUPERVISOR).post(orders(), anOrder("FINAL_REMOVAL_ORDER", null, null)).expect(403);
        as(Role.INSPECTOR).post("/api/people/" + person + "/holds", Map.of("source", "COUNSEL_NOTICE",
                "summary", "x")).expect(403);
        as(Role.HOUSING).get("/api/people/" + person + "/legal").expect(403);
        as(Role.AGENCY).get(orders()).expect(403);
        as(Role.INTAKE).get("/api/injunctions").expect(403);
        legal.post("/api/legal/policies", Map.of("name", "NOTICE_WINDOW_HOURS", "value", "1",
                "effectiveFrom", Instant.now().toString(), "citation", "x")).expect(403);
        as(Role.ADMIN).post("/api/people/" + person + "/legal/reviews", Map.of("country", "SV",
                "sourcesChecked", "x", "conclusion", "y")).expect(403);
        assertThat(ordersOnRecord()).isZero();
        as(Role.INSPECTOR).get(orders()).expect(200);
        as(Role.DIRECTOR).get("/api/legal/policies").expect(200);
    }

    @Test
    void aLegalOfficerOfAnotherFacilitySeesNoSuchPerson() {
        String username = "legal-" + UUID.randomUUID().toString().substring(0, 8);
        String other = aFacility(as(Role.DIRECTOR), 1).code();
        access.createUser(new NewUser(username, "Scoped " + username, PASSWORD_OF_TEST_USERS, Set.of(Role.LEGAL),
                Set.of(other)));
        ApiClient elsewhere = anonymous().basic(username, PASSWORD_OF_TEST_USERS);
        elsewhere.post(orders(), anOrder("FINAL_REMOVAL_ORDER", null, null)).expect(404).code("PERSON_NOT_FOUND");
        elsewhere.get("/api/people/" + person + "/legal").expect(404);
        String id = legal.post(orders(), anOrder("FINAL_REMOVAL_ORDER", null, null)).expect(201).json()
                .path("order").path("id").asString();
        elsewhere.get("/api/orders/" + id).expect(404).code("ORDER_NOT_FOUND");
    }

    @Test
    void policiesAreVersionedWithTheirCitationAndABadValueIsRefused() {
        ApiClient admin = as(Role.ADMIN);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("name", "FEAR_CLAIM_BLOCKS");
        policy.put("value", "perhaps");
        policy.put("effectiveFrom", Instant.now().toString());
        policy.put("citation", "8 CFR 208.31");
        admin.post("/api/legal/policies", policy).expect(400).code("POLICY_VALUE_INVALID").field("value");
        policy.put("value", "true");
        int first = admin.post("/api/legal/policies", policy).expect(201).json().path("version").asInt();
        int second = admin.post("/api/legal/policies", policy).expect(201).json().path("version").asInt();
        assertThat(second).isEqualTo(first + 1);
        assertThat(admin.get("/api/legal/policies").expect(200).json().toString()).contains("8 CFR 208.31");
    }

    @Test
    void aProtectionOrderOnADuplicateRecordProtectsThePersonItIsMergedInto() {
        UUID duplicate = aPerson(intake, estate.code(), "SV");
        legal.post("/api/people/" + duplicate + "/orders", anOrder("WITHHOLDING_OF_REMOVAL", "SV", null))
                .expect(201);
        legal.post("/api/people/" + person + "/merge", Map.of("duplicate", duplicate.toString(),
                "reason", "same fingerprint record reference")).expect(200);
        JsonNode summary = legal.get("/api/people/" + person + "/legal").expect(200).json();
        assertThat(summary.path("orders").toString()).contains("WITHHOLDING_OF_REMOVAL");
    }
}

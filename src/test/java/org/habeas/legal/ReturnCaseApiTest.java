package org.habeas.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habeas.legal.LegalRecordFixtures.aFacility;
import static org.habeas.legal.LegalRecordFixtures.aPerson;
import static org.habeas.legal.LegalRecordFixtures.admit;
import static org.habeas.legal.LegalRecordFixtures.anOrder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * Return cases over the API (REQ-45): opened by a legal officer, steps, contacts and reports added, closed only on
 * the person's return or a court's decision and never twice; bad input refused naming the field; who may do what;
 * facility scope by the facility the person was removed from; every change journaled; nothing deleted.
 */
@DisplayName("legal: return cases")
class ReturnCaseApiTest extends IntegrationTest {

    ApiClient legal;
    TestData.Estate estate;
    UUID person;

    @BeforeEach
    void aPersonOfThisFacility() {
        ApiClient intake = as(Role.INTAKE);
        legal = as(Role.LEGAL);
        estate = aFacility(as(Role.DIRECTOR), 1);
        person = aPerson(intake, estate.code(), "SV");
        admit(intake, person, estate.code(), "IMMIGRATION", null);
    }

    Map<String, Object> aCase() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", person.toString());
        body.put("country", "SV");
        body.put("grounds", "Removed in breach of a withholding order; the court orders the return facilitated.");
        return body;
    }

    String open() {
        return legal.post("/api/return-cases", aCase()).expect(201).json().path("id").asString();
    }

    static Map<String, Object> aStep(String kind) {
        return Map.of("kind", kind, "happenedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "summary", "Diplomatic note sent to the receiving state's foreign ministry");
    }

    int journalEntries(String action) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = :a AND subject_id = :p")
                .param("a", action).param("p", person.toString()).query(Integer.class).single();
    }

    int casesOnRecord() {
        return jdbc.sql("SELECT count(*) FROM legal_return_case WHERE person_id = :p").param("p", person)
                .query(Integer.class).single();
    }

    @Nested
    @DisplayName("POST /api/return-cases")
    class Open {

        @Test
        void opensACaseOfThePersonsFacilityWithTheOrderAndJournalsIt() {
            String order = legal.post("/api/people/" + person + "/orders", anOrder("FACILITATE_RETURN", null,
                    "The government shall facilitate the petitioner's return.")).expect(201).json().path("order")
                    .path("id").asString();
            var body = aCase();
            body.put("orderId", order);
            JsonNode opened = legal.post("/api/return-cases", body).expect(201).json();
            assertThat(opened.path("status").asString()).isEqualTo("OPEN");
            assertThat(opened.path("order").asString()).isEqualTo(order);
            assertThat(opened.path("country").asString()).isEqualTo("SV");
            assertThat(opened.path("facility").asString()).isEqualTo(estate.code());
            assertThat(opened.path("history")).hasSize(1);
            assertThat(journalEntries("LEGAL_RETURN_CASE_OPENED")).isOne();
            assertThat(as(Role.INSPECTOR).get("/api/return-cases?status=OPEN").expect(200).json().toString())
                    .contains(opened.path("id").asString());
        }

        @Test
        void anUnknownCountryIsRefusedAndNothingIsWritten() {
            var body = aCase();
            body.put("country", "XX");
            legal.post("/api/return-cases", body).expect(400).code("UNKNOWN_COUNTRY_CODE").field("country");
            assertThat(casesOnRecord()).isZero();
            assertThat(journalEntries("LEGAL_RETURN_CASE_OPENED")).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"personId", "country", "grounds"})
        void aMissingFieldIsRefusedNamingIt(String missing) {
            var body = aCase();
            body.remove(missing);
            legal.post("/api/return-cases", body).expect(400).code("VALIDATION_FAILED").field(missing);
            assertThat(casesOnRecord()).isZero();
        }

        @Test
        void anOrderThatIsNotThePersonsIsRefused() {
            UUID other = aPerson(as(Role.INTAKE), estate.code(), "SV");
            String order = legal.post("/api/people/" + other + "/orders", anOrder("FACILITATE_RETURN", null, null))
                    .expect(201).json().path("order").path("id").asString();
            var body = aCase();
            body.put("orderId", order);
            legal.post("/api/return-cases", body).expect(400).code("VALIDATION_FAILED").field("orderId");
            body.put("orderId", UUID.randomUUID().toString());
            legal.post("/api/return-cases", body).expect(400).code("VALIDATION_FAILED").field("orderId");
            body.put("orderId", "not-an-id");
            legal.post("/api/return-cases", body).expect(400).field("orderId");
            assertThat(casesOnRecord()).isZero();
        }

        @Test
        void anUnknownPersonIsNotFound() {
            var body = aCase();
            body.put("personId", UUID.randomUUID().toString());
            legal.post("/api/return-cases", body).expect(404).code("PERSON_NOT_FOUND");
        }
    }

    @Nested
    @DisplayName("POST /api/return-cases/{id}/steps")
    class Steps {

        @Test
        void stepsContactsAndReportsAreNumberedInOrderAndJournaled() {
            String id = open();
            for (String kind : List.of("STEP", "CONTACT_WITH_RECEIVING_STATE", "STATUS_REPORT_TO_COURT")) {
                legal.post("/api/return-cases/" + id + "/steps", aStep(kind)).expect(201);
            }
            JsonNode steps = as(Role.SUPERVISOR).get("/api/return-cases/" + id).expect(200).json().path("steps");
            assertThat(steps).hasSize(3);
            assertThat(steps.get(0).path("line").asInt()).isEqualTo(1);
            assertThat(steps.get(1).path("kind").asString()).isEqualTo("CONTACT_WITH_RECEIVING_STATE");
            assertThat(steps.get(2).path("line").asInt()).isEqualTo(3);
            assertThat(steps.get(2).path("recordedBy").asString()).isNotBlank();
            assertThat(journalEntries("LEGAL_RETURN_CASE_STEP")).isEqualTo(3);
        }

        @Test
        void aStepRetriedWithItsIdempotencyKeyIsRecordedOnce() {
            String id = open();
            String key = "step-" + UUID.randomUUID();
            var step = aStep("STATUS_REPORT_TO_COURT");
            as(Role.LEGAL).header("Idempotency-Key", key).post("/api/return-cases/" + id + "/steps", step).expect(201);
            assertThat(as(Role.LEGAL).header("Idempotency-Key", key).post("/api/return-cases/" + id + "/steps", step)
                    .expect(201).header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(legal.get("/api/return-cases/" + id).expect(200).json().path("steps")).hasSize(1);
        }

        @Test
        void badStepsAreRefusedNamingTheField() {
            String id = open();
            legal.post("/api/return-cases/" + id + "/steps", Map.of("kind", "PHONE_CALL", "happenedAt",
                    Instant.now().toString(), "summary", "x")).expect(400).field("kind");
            legal.post("/api/return-cases/" + id + "/steps", Map.of("kind", "STEP", "summary", "x"))
                    .expect(400).code("VALIDATION_FAILED").field("happenedAt");
            legal.post("/api/return-cases/" + id + "/steps", Map.of("kind", "STEP", "happenedAt",
                    Instant.now().plus(2, ChronoUnit.DAYS).toString(), "summary", "x"))
                    .expect(400).code("VALIDATION_FAILED").field("happenedAt");
            legal.post("/api/return-cases/" + id + "/steps", Map.of("kind", "STEP", "happenedAt",
                    Instant.now().toString(), "summary", " ")).expect(400).code("VALIDATION_FAILED").field("summary");
            assertThat(legal.get("/api/return-cases/" + id).expect(200).json().path("steps")).isEmpty();
        }

        @Test
        void anUnknownCaseIsNotFound() {
            legal.post("/api/return-cases/" + UUID.randomUUID() + "/steps", aStep("STEP")).expect(404)
                    .code("RETURN_CASE_NOT_FOUND");
        }
    }

    @Nested
    @DisplayName("POST /api/return-cases/{id}/close")
    class Close {

        @Test
        void closesOnThePersonsReturnOnceAndThenTakesNoMoreSteps() {
            String id = open();
            JsonNode closed = legal.post("/api/return-cases/" + id + "/close", Map.of("status", "RETURNED",
                    "summary", "Returned on a commercial flight and admitted at the border")).expect(200).json();
            assertThat(closed.path("status").asString()).isEqualTo("RETURNED");
            assertThat(closed.path("closedAt").asString()).isNotBlank();
            assertThat(closed.path("history")).hasSize(2);
            assertThat(closed.path("history").get(1).path("from").asString()).isEqualTo("OPEN");

            legal.post("/api/return-cases/" + id + "/close", Map.of("status", "CLOSED_BY_COURT", "reference",
                    "No. 25-1234", "summary", "again")).expect(409).code("RETURN_CASE_CLOSED");
            legal.post("/api/return-cases/" + id + "/steps", aStep("STEP")).expect(409).code("RETURN_CASE_CLOSED");
            assertThat(journalEntries("LEGAL_RETURN_CASE_CLOSED")).isOne();
            assertThat(as(Role.DIRECTOR).get("/api/return-cases?status=OPEN").expect(200).json().toString())
                    .doesNotContain(id);
            assertThat(as(Role.DIRECTOR).get("/api/return-cases?status=RETURNED").expect(200).json().toString())
                    .contains(id);
        }

        @Test
        void aCourtsClosureCitesTheDecision() {
            String id = open();
            legal.post("/api/return-cases/" + id + "/close", Map.of("status", "CLOSED_BY_COURT",
                    "summary", "the court vacated its order")).expect(400).code("RETURN_CASE_CLOSURE_INVALID")
                    .field("reference");
            JsonNode closed = legal.post("/api/return-cases/" + id + "/close", Map.of("status", "CLOSED_BY_COURT",
                    "reference", "No. 25-1234, order of 3 May", "summary", "the court vacated its order"))
                    .expect(200).json();
            assertThat(closed.path("closureReference").asString()).isEqualTo("No. 25-1234, order of 3 May");
        }

        @Test
        void onlyAReturnOrACourtCloses() {
            String id = open();
            legal.post("/api/return-cases/" + id + "/close", Map.of("status", "OPEN", "summary", "x"))
                    .expect(400).code("RETURN_CASE_CLOSURE_INVALID").field("status");
            legal.post("/api/return-cases/" + id + "/close", Map.of("status", "ABANDONED", "summary", "x"))
                    .expect(400).field("status");
            legal.post("/api/return-cases/" + id + "/close", Map.of("status", "RETURNED"))
                    .expect(400).code("VALIDATION_FAILED").field("summary");
            assertThat(legal.get("/api/return-cases/" + id).expect(200).json().path("status").asString())
                    .isEqualTo("OPEN");
        }
    }

    @Nested
    @DisplayName("who may do what")
    class Security {

        @Test
        void refusedWithoutLogOn() {
            anonymous().post("/api/return-cases", aCase()).expect(401);
            anonymous().get("/api/return-cases").expect(401);
        }

        @Test
        void onlyLegalOfficersWriteAndTheReadingRolesRead() {
            String id = open();
            for (Role role : List.of(Role.SUPERVISOR, Role.DIRECTOR, Role.INSPECTOR, Role.HOUSING, Role.ADMIN)) {
                as(role).post("/api/return-cases", aCase()).expect(403);
                as(role).post("/api/return-cases/" + id + "/steps", aStep("STEP")).expect(403);
                as(role).post("/api/return-cases/" + id + "/close", Map.of("status", "RETURNED", "summary", "x"))
                        .expect(403);
            }
            for (Role role : List.of(Role.HOUSING, Role.INTAKE, Role.ADMIN, Role.AGENCY)) {
                as(role).get("/api/return-cases").expect(403);
                as(role).get("/api/return-cases/" + id).expect(403);
            }
            for (Role role : List.of(Role.LEGAL, Role.SUPERVISOR, Role.DIRECTOR, Role.INSPECTOR)) {
                as(role).get("/api/return-cases/" + id).expect(200);
            }
            assertThat(casesOnRecord()).isOne();
        }

        @Test
        void aReaderOfAnotherFacilitySeesNoSuchCase() {
            String id = open();
            String username = "legal-" + UUID.randomUUID().toString().substring(0, 8);
            String other = aFacility(as(Role.DIRECTOR), 1).code();
            access.createUser(new NewUser(username, "Scoped " + username, PASSWORD_OF_TEST_USERS,
                    Set.of(Role.LEGAL), Set.of(other)));
            ApiClient elsewhere = anonymous().basic(username, PASSWORD_OF_TEST_USERS);
            elsewhere.get("/api/return-cases/" + id).expect(404).code("RETURN_CASE_NOT_FOUND");
            elsewhere.post("/api/return-cases/" + id + "/steps", aStep("STEP")).expect(404)
                    .code("RETURN_CASE_NOT_FOUND");
            elsewhere.post("/api/return-cases/" + id + "/close", Map.of("status", "RETURNED", "summary", "x"))
                    .expect(404).code("RETURN_CASE_NOT_FOUND");
            assertThat(elsewhere.get("/api/return-cases").expect(200).json().toString()).doesNotContain(id);
            elsewhere.post("/api/return-cases", aCase()).expect(404).code("PERSON_NOT_FOUND");
        }
    }

    @Test
    void aCaseBelongsToTheFacilityThePersonWasRemovedFrom() {
        LegalRecordFixtures.policies(as(Role.ADMIN), 72, true, 30);
        legal.post("/api/people/" + person + "/orders", anOrder("FINAL_REMOVAL_ORDER", null, null)).expect(201);
        LegalRecordFixtures.review(legal, person, "SV");
        ApiClient housing = as(Role.HOUSING);
        Map<String, Object> movement = new LinkedHashMap<>();
        movement.put("personId", person.toString());
        movement.put("action", "REMOVAL");
        movement.put("facility", estate.code());
        movement.put("toCountry", "SV");
        movement.put("toAuthority", "Dirección General de Migración");
        String approval = housing.post("/api/overrides", Map.of("movement", movement, "rule", "SECOND_APPROVER",
                "reason", "removal on the final order", "legalBasis", "final order of removal",
                "expiresAt", Instant.now().plus(2, ChronoUnit.HOURS).toString())).expect(201).json().path("id")
                .asString();
        as(Role.SUPERVISOR).post("/api/overrides/" + approval + "/approve", Map.of("reason", "checked the file"))
                .expect(200);
        housing.post("/api/people/" + person + "/movements", Map.of("type", "REMOVED", "destination", "SV",
                "detail", "Dirección General de Migración", "authority", "final order of removal",
                "overrides", List.of(approval))).expect(201);

        JsonNode opened = legal.post("/api/return-cases", aCase()).expect(201).json();
        assertThat(opened.path("facility").asString()).as("removed from").isEqualTo(estate.code());
        String username = "legal-" + UUID.randomUUID().toString().substring(0, 8);
        access.createUser(new NewUser(username, "Scoped " + username, PASSWORD_OF_TEST_USERS,
                Set.of(Role.INSPECTOR), Set.of(estate.code())));
        ApiClient here = anonymous().basic(username, PASSWORD_OF_TEST_USERS);
        assertThat(here.get("/api/return-cases?status=OPEN").expect(200).json().toString())
                .contains(opened.path("id").asString());
        here.get("/api/return-cases/" + opened.path("id").asString()).expect(200);
    }

    @Test
    void aCaseAndItsStepsAreNeverDeletedOrRewritten() {
        String id = open();
        legal.post("/api/return-cases/" + id + "/steps", aStep("STEP")).expect(201);
        UUID caseId = UUID.fromString(id);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM legal_return_case WHERE id = :id").param("id", caseId)
                .update()).hasMessageContaining("kept for ever");
        assertThatThrownBy(() -> jdbc.sql("UPDATE legal_return_step SET summary = 'x' WHERE case_id = :id")
                .param("id", caseId).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE legal_return_case SET status = 'CLOSED_BY_COURT',"
                + " closed_at = now(), closure_summary = 'x' WHERE id = :id").param("id", caseId).update())
                .as("the database wants a court's decision cited").hasMessageContaining("cites_decision");
    }
}

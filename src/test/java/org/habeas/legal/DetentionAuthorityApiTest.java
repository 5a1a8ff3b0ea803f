package org.habeas.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habeas.legal.LegalRecordFixtures.aFacility;
import static org.habeas.legal.LegalRecordFixtures.aPerson;
import static org.habeas.legal.LegalRecordFixtures.admit;

import java.time.LocalDate;
import java.time.ZoneId;
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

import tools.jackson.databind.JsonNode;

/**
 * Detention authority documents (REQ-02): recorded for the open episode, listed per person with the admission's
 * authority as the first, and the list of held people whose detention is past its review date or has no valid
 * authority, within the reader's facilities.
 */
@DisplayName("legal: detention authorities and their review dates")
class DetentionAuthorityApiTest extends IntegrationTest {

    ApiClient intake;
    ApiClient legal;
    TestData.Estate estate;
    UUID person;
    LocalDate today;

    @BeforeEach
    void aPersonHeld() {
        intake = as(Role.INTAKE);
        legal = as(Role.LEGAL);
        estate = aFacility(as(Role.DIRECTOR), 1);
        person = aPerson(intake, estate.code(), "SV");
        admit(intake, person, estate.code(), "PRE_TRIAL", null);
        today = LocalDate.now(ZoneId.of("America/El_Salvador"));
    }

    String authorities() {
        return "/api/people/" + person + "/authorities";
    }

    static Map<String, Object> aDocument(LocalDate issuedOn, LocalDate validUntil, LocalDate reviewDue) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "DETENTION_RENEWAL");
        body.put("issuedBy", "Juzgado Especializado de Instrucción");
        body.put("issuedOn", issuedOn.toString());
        body.put("documentReference", "JEI-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("validUntil", validUntil == null ? null : validUntil.toString());
        body.put("reviewDue", reviewDue.toString());
        return body;
    }

    String due(ApiClient reader) {
        return reader.get("/api/legal/authorities-due").expect(200).json().toString();
    }

    @Test
    void theAdmissionsAuthorityIsTheFirstDocumentAndNotDue() {
        JsonNode record = legal.get(authorities()).expect(200).json();
        assertThat(record.path("documents")).hasSize(1);
        assertThat(record.path("documents").get(0).path("fromAdmission").asBoolean()).isTrue();
        assertThat(record.path("documents").get(0).path("type").asString()).isEqualTo("DETENTION_ORDER");
        assertThat(record.path("standing").path("standing").asString()).isEqualTo("VALID");
        assertThat(due(legal)).doesNotContain(person.toString());
    }

    @Test
    void aDetentionPastItsReviewIsListedUntilANewDocumentMovesTheReview() {
        legal.post(authorities(), aDocument(today.minusDays(40), null, today.minusDays(1))).expect(201);
        JsonNode listed = legal.get("/api/legal/authorities-due").expect(200).json();
        assertThat(listed.toString()).contains(person.toString());
        JsonNode line = null;
        for (JsonNode l : listed) {
            if (l.path("person").asString().equals(person.toString())) {
                line = l;
            }
        }
        assertThat(line.path("standing").asString()).isEqualTo("REVIEW_OVERDUE");
        assertThat(line.path("facility").asString()).isEqualTo(estate.code());
        assertThat(line.path("current").path("reviewDue").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(due(as(Role.INSPECTOR))).contains(person.toString());
        assertThat(due(as(Role.DIRECTOR))).contains(person.toString());

        legal.post(authorities(), aDocument(today, today.plusDays(90), today.plusDays(30))).expect(201);
        assertThat(due(legal)).doesNotContain(person.toString());
        JsonNode record = legal.get(authorities()).expect(200).json();
        assertThat(record.path("documents")).hasSize(3);
        assertThat(record.path("standing").path("standing").asString()).isEqualTo("VALID");
        assertThat(record.path("standing").path("current").path("reviewDue").asString())
                .isEqualTo(today.plusDays(30).toString());
    }

    @Test
    void aDocumentPastItsValidUntilLeavesTheDetentionWithoutAValidAuthority() {
        legal.post(authorities(), aDocument(today.minusDays(60), today.minusDays(2), today.plusDays(10)))
                .expect(201);
        assertThat(legal.get(authorities()).expect(200).json().path("standing").path("standing").asString())
                .isEqualTo("EXPIRED");
        assertThat(due(legal)).contains(person.toString());
    }

    @Test
    void aReaderOfAnotherFacilityDoesNotSeeTheDetention() {
        legal.post(authorities(), aDocument(today.minusDays(40), null, today.minusDays(1))).expect(201);
        String username = "legal-" + UUID.randomUUID().toString().substring(0, 8);
        String other = aFacility(as(Role.DIRECTOR), 1).code();
        access.createUser(new NewUser(username, "Scoped " + username, PASSWORD_OF_TEST_USERS, Set.of(Role.LEGAL),
                Set.of(other)));
        ApiClient elsewhere = anonymous().basic(username, PASSWORD_OF_TEST_USERS);
        assertThat(due(elsewhere)).doesNotContain(person.toString());
        elsewhere.get(authorities()).expect(404).code("PERSON_NOT_FOUND");
        elsewhere.post(authorities(), aDocument(today, null, today.plusDays(30))).expect(404)
                .code("PERSON_NOT_FOUND");

        String local = "legal-" + UUID.randomUUID().toString().substring(0, 8);
        access.createUser(new NewUser(local, "Scoped " + local, PASSWORD_OF_TEST_USERS, Set.of(Role.INSPECTOR),
                Set.of(estate.code())));
        assertThat(due(anonymous().basic(local, PASSWORD_OF_TEST_USERS))).contains(person.toString());
    }

    @Test
    void badDatesAndMissingFieldsAreRefusedNamingTheField() {
        legal.post(authorities(), aDocument(today, today.minusDays(1), today.plusDays(5))).expect(400)
                .code("DETENTION_AUTHORITY_DATES_INVALID").field("validUntil");
        legal.post(authorities(), aDocument(today, null, today.minusDays(1))).expect(400)
                .code("DETENTION_AUTHORITY_DATES_INVALID").field("reviewDue");
        legal.post(authorities(), aDocument(today.plusDays(5), null, today.plusDays(30))).expect(400)
                .code("VALIDATION_FAILED").field("issuedOn");
        for (String field : List.of("type", "issuedBy", "issuedOn", "documentReference", "reviewDue")) {
            var body = aDocument(today, null, today.plusDays(30));
            body.remove(field);
            legal.post(authorities(), body).expect(400).code("VALIDATION_FAILED").field(field);
        }
        var bogus = aDocument(today, null, today.plusDays(30));
        bogus.put("type", "LETTER_FROM_A_FRIEND");
        legal.post(authorities(), bogus).expect(400).field("type");
        assertThat(legal.get(authorities()).expect(200).json().path("documents")).hasSize(1);
    }

    @Test
    void aPersonNotHeldHasNoDetentionToRecordAgainst() {
        UUID free = aPerson(intake, estate.code(), "SV");
        legal.post("/api/people/" + free + "/authorities", aDocument(today, null, today.plusDays(30))).expect(409)
                .code("NOT_IN_CUSTODY");
        JsonNode record = legal.get("/api/people/" + free + "/authorities").expect(200).json();
        assertThat(record.path("standing").isNull() || record.path("standing").isMissingNode()).isTrue();
    }

    @Test
    void onlyLegalOfficersRecordAndEveryDocumentIsJournaledAndKept() {
        for (Role role : List.of(Role.SUPERVISOR, Role.DIRECTOR, Role.INSPECTOR, Role.INTAKE, Role.ADMIN)) {
            as(role).post(authorities(), aDocument(today, null, today.plusDays(30))).expect(403);
        }
        for (Role role : List.of(Role.HOUSING, Role.INTAKE, Role.ADMIN)) {
            as(role).get(authorities()).expect(403);
            as(role).get("/api/legal/authorities-due").expect(403);
        }
        as(Role.SUPERVISOR).get("/api/legal/authorities-due").expect(403);
        as(Role.SUPERVISOR).get(authorities()).expect(200);
        anonymous().get("/api/legal/authorities-due").expect(401);

        String id = legal.post(authorities(), aDocument(today, null, today.plusDays(30))).expect(201).json()
                .path("id").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = 'LEGAL_DETENTION_AUTHORITY_RECORDED'"
                + " AND subject_id = :p").param("p", person.toString()).query(Integer.class).single()).isOne();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM legal_detention_authority WHERE id = :id")
                .param("id", UUID.fromString(id)).update()).hasMessageContaining("kept for ever");
    }
}

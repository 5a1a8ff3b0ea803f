package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.TestData.syntheticName;
import static org.habeas.rights.RightsFixtures.aReleaseTo;
import static org.habeas.rights.RightsFixtures.aTransferTo;
import static org.habeas.rights.RightsFixtures.admit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The public locator (REQ-16): an exact enquiry learns the facility and how to reach it, never the cell and never
 * another person; every enquiry is recorded without what was asked; one client is rate-limited; an answer is
 * restricted only on a recorded legal ground.
 */
@DisplayName("/api/locator, /api/people/{id}/locator-restrictions, /api/facilities/{code}/contact")
class LocatorApiTest extends IntegrationTest {

    private TestData.Estate estate;
    private String given;
    private String family;
    private String birth;
    private String passport;
    private UUID person;
    private String registerNumber;

    @BeforeEach
    void aPersonHeldInACell() {
        // The tests share one client address (127.0.0.1): each starts with its enquiries forgotten.
        jdbc.sql("DELETE FROM rights_locator_enquiry").update();
        estate = TestData.aFacility(as(Role.DIRECTOR), "LOC", 1, 4, 4, 4);
        given = "José " + syntheticName();
        family = syntheticName();
        birth = "1987-04-1" + (int) (Math.random() * 10);
        passport = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Map.of("givenNames", given, "firstFamilyName", family, "secondFamilyName", "Núñez"));
        body.put("birthDate", birth);
        body.put("recordedSex", "MALE");
        body.put("nationalities", List.of(Map.of("country", "SV", "determinedFrom", "PASSPORT")));
        body.put("documents", List.of(Map.of("type", "PASSPORT", "issuer", "SV", "number", passport)));
        body.put("facility", estate.code());
        JsonNode registered = as(Role.INTAKE).post("/api/people", body).expect(201).json();
        person = UUID.fromString(registered.path("id").asString());
        registerNumber = registered.path("registerNumber").asString();
        admit(as(Role.INTAKE), person, estate.code());
        as(Role.HOUSING).post("/api/people/" + person + "/movements", Map.of("type", "PLACED",
                "toLocation", estate.cells().get(0).toString())).expect(201);
        as(Role.DIRECTOR).put("/api/facilities/" + estate.code() + "/contact", Map.of(
                "address", "Carretera Ficticia km 12, Tecoluca", "telephone", "+503 0000 1111",
                "visitingHours", "Sundays 08:00 to 12:00")).expect(200);
    }

    @Test
    void anExactEnquiryAnswersTheFacilityAndHowToReachItNeverTheCell() {
        // Accents, case and word order aside, the full name as registered with the birth date.
        String typed = (family + " nunez " + given.replace("José", "JOSE")).toLowerCase();
        JsonNode answer = anonymous().post("/api/locator", Map.of("fullName", typed, "birthDate", birth))
                .expect(200).json();
        assertThat(answer.path("outcome").asString()).isEqualTo("FOUND");
        assertThat(answer.path("state").asString()).isEqualTo("HELD");
        assertThat(answer.path("facility").path("code").asString()).isEqualTo(estate.code());
        assertThat(answer.path("facility").path("address").asString()).isEqualTo("Carretera Ficticia km 12, Tecoluca");
        assertThat(answer.path("facility").path("visitingHours").asString()).isEqualTo("Sundays 08:00 to 12:00");
        assertThat(answer.path("orderingAuthority").asString()).isEqualTo("Juzgado Especializado de Instrucción");
        String text = answer.toString();
        assertThat(text).doesNotContain("M1-C01").doesNotContain(estate.cells().get(0).toString())
                .doesNotContain(person.toString()).doesNotContain("Hermana");

        assertThat(anonymous().post("/api/locator", Map.of("registerNumber", registerNumber.toLowerCase()))
                .expect(200).json().path("facility").path("code").asString()).isEqualTo(estate.code());
        assertThat(anonymous().post("/api/locator", Map.of("documentNumber", passport.toLowerCase(),
                "documentIssuer", "sv")).expect(200).json().path("outcome").asString()).isEqualTo("FOUND");

        // Recorded and journaled: the kind and the outcome, never the words asked.
        List<Map<String, Object>> enquiries = jdbc.sql("SELECT kind, outcome, person_id FROM rights_locator_enquiry")
                .query().listOfRows();
        assertThat(enquiries).hasSize(3).allSatisfy(e -> assertThat(e.get("outcome")).isEqualTo("FOUND"));
        var journaled = as(Role.INSPECTOR).get("/api/journal?action=LOCATOR_ENQUIRY&subjectId=" + person)
                .expect(200).json();
        assertThat(journaled.path("items").size()).isEqualTo(3);
        assertThat(journaled.toString()).doesNotContain(family).doesNotContain(passport);
    }

    @Test
    void aPartialNameAnotherBirthDateOrAnUnknownNumberFindNobody() {
        for (Map<String, Object> enquiry : List.of(
                Map.<String, Object>of("fullName", given + " " + family, "birthDate", birth),
                Map.<String, Object>of("fullName", given + " " + family + " Núñez", "birthDate", "1987-05-01"),
                Map.<String, Object>of("registerNumber", "SV-2026-999999999"),
                Map.<String, Object>of("documentNumber", passport, "documentIssuer", "GT"))) {
            JsonNode answer = anonymous().post("/api/locator", enquiry).expect(200).json();
            assertThat(answer.path("outcome").asString()).as(enquiry.toString()).isEqualTo("NOT_HELD");
            assertThat(answer.path("facility").isNull() || answer.path("facility").isMissingNode()).isTrue();
        }
    }

    @Test
    void someoneRegisteredButNeverHeldIsAnsweredAsNobody() {
        Map<String, Object> body = new LinkedHashMap<>();
        String name = syntheticName();
        body.put("name", Map.of("givenNames", name, "firstFamilyName", family));
        body.put("birthDate", birth);
        body.put("recordedSex", "FEMALE");
        body.put("facility", estate.code());
        as(Role.INTAKE).post("/api/people", body).expect(201);
        assertThat(anonymous().post("/api/locator", Map.of("fullName", name + " " + family, "birthDate", birth))
                .expect(200).json().path("outcome").asString()).isEqualTo("NOT_HELD");
    }

    @Test
    void aTransferNamesTheFacilityItGoesToAndAReleaseNeverWhereTo() {
        TestData.Estate other = TestData.aFacility(as(Role.DIRECTOR), "LOD", 1, 4, 4, 4);
        as(Role.HOUSING).post("/api/people/" + person + "/movements", aTransferTo(other.code())).expect(201);
        JsonNode moving = anonymous().post("/api/locator", Map.of("registerNumber", registerNumber)).expect(200).json();
        assertThat(moving.path("state").asString()).isEqualTo("IN_TRANSIT");
        assertThat(moving.path("transferTo").path("code").asString()).isEqualTo(other.code());
        assertThat(moving.toString()).doesNotContain("escort").doesNotContain("route 12");

        as(Role.HOUSING).post("/api/people/" + person + "/movements", Map.of("type", "ARRIVED")).expect(201);
        as(Role.HOUSING).post("/api/people/" + person + "/movements", aReleaseTo("his sister, at the gate")).expect(201);
        JsonNode released = anonymous().post("/api/locator", Map.of("registerNumber", registerNumber))
                .expect(200).json();
        assertThat(released.path("state").asString()).isEqualTo("RELEASED");
        assertThat(released.path("facility").path("code").asString()).isEqualTo(other.code());
        assertThat(released.toString()).doesNotContain("sister");
    }

    @Test
    void anAnswerIsRestrictedOnlyOnARecordedGroundThatNamesWhoOrderedIt() {
        Map<String, Object> restriction = Map.of("ground", "protected witness under judicial control",
                "orderedBy", "Juzgado Primero de Instrucción de San Salvador", "reference", "JPI-77/2026");
        as(Role.INTAKE).post("/api/people/" + person + "/locator-restrictions", restriction).expect(403);
        anonymous().get("/api/people/" + person + "/locator-restrictions").expect(401);
        as(Role.HOUSING).get("/api/people/" + person + "/locator-restrictions").expect(403);
        as(Role.LEGAL).post("/api/people/" + person + "/locator-restrictions", Map.of("ground", "")).expect(400)
                .code("VALIDATION_FAILED");
        String id = as(Role.LEGAL).post("/api/people/" + person + "/locator-restrictions", restriction).expect(201)
                .json().path("id").asString();

        JsonNode answer = anonymous().post("/api/locator", Map.of("registerNumber", registerNumber)).expect(200).json();
        assertThat(answer.path("outcome").asString()).isEqualTo("RESTRICTED");
        assertThat(answer.path("restrictionGround").asString()).isEqualTo("protected witness under judicial control");
        assertThat(answer.path("restrictionOrderedBy").asString())
                .isEqualTo("Juzgado Primero de Instrucción de San Salvador");
        assertThat(answer.path("facility").isNull() || answer.path("facility").isMissingNode()).isTrue();
        assertThat(as(Role.INSPECTOR).get("/api/journal?action=LOCATOR_RESTRICTED&subjectId=" + person).expect(200)
                .json().path("items").size()).isEqualTo(1);

        as(Role.LEGAL).post("/api/people/" + person + "/locator-restrictions/" + id + "/lift", Map.of()).expect(200);
        as(Role.LEGAL).post("/api/people/" + person + "/locator-restrictions/" + id + "/lift", Map.of()).expect(404)
                .code("LOCATOR_RESTRICTION_NOT_FOUND");
        assertThat(anonymous().post("/api/locator", Map.of("registerNumber", registerNumber)).expect(200).json()
                .path("outcome").asString()).isEqualTo("FOUND");
        assertThat(as(Role.INSPECTOR).get("/api/people/" + person + "/locator-restrictions").expect(200).json()
                .get(0).path("liftedBy").isString()).isTrue();
    }

    @Test
    void oneClientAsksAtMostTenTimesAMinuteAndTheRefusalIsRecorded() {
        for (int i = 0; i < 10; i++) {
            anonymous().post("/api/locator", Map.of("registerNumber", "SV-2026-00000000" + i)).expect(200);
        }
        var refused = anonymous().post("/api/locator", Map.of("registerNumber", registerNumber)).expect(429)
                .code("LOCATOR_RATE_LIMITED");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);
        assertThat(refused.json().path("retryAfterSeconds").asInt()).isEqualTo(retryAfter);
        assertThat(refused.json().toString()).doesNotContain(estate.code());
        assertThat(jdbc.sql("SELECT count(*) FROM rights_locator_enquiry WHERE outcome = 'RATE_LIMITED'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anEnquiryGivesExactlyOneKindOfKey() {
        anonymous().post("/api/locator", Map.of("fullName", given, "registerNumber", registerNumber)).expect(400)
                .code("VALIDATION_FAILED");
        anonymous().post("/api/locator", Map.of("fullName", given)).expect(400).code("VALIDATION_FAILED")
                .field("birthDate");
        anonymous().post("/api/locator", Map.of()).expect(400).code("VALIDATION_FAILED");
        anonymous().post("/api/locator", Map.of("registerNumber", registerNumber, "birthDate", "not a date"))
                .expect(400).code("VALIDATION_FAILED");
        assertThat(jdbc.sql("SELECT count(*) FROM rights_locator_enquiry").query(Integer.class).single()).isZero();
    }

    @Test
    void onlyTheDirectorOrAnAdministratorSetsAFacilitysContact() {
        Map<String, Object> contact = Map.of("address", "Avenida Ficticia 1");
        as(Role.HOUSING).put("/api/facilities/" + estate.code() + "/contact", contact).expect(403);
        as(Role.INSPECTOR).put("/api/facilities/" + estate.code() + "/contact", contact).expect(403);
        anonymous().put("/api/facilities/" + estate.code() + "/contact", contact).expect(401);
        as(Role.AGENCY).get("/api/facilities/" + estate.code() + "/contact").expect(403);
        as(Role.REPRESENTATIVE).get("/api/facilities/" + estate.code() + "/contact").expect(403);
        as(Role.DIRECTOR).put("/api/facilities/" + estate.code() + "/contact", Map.of("address", " ")).expect(400)
                .field("address");
        as(Role.ADMIN).put("/api/facilities/" + estate.code() + "/contact", contact).expect(200);
        assertThat(as(Role.INSPECTOR).get("/api/facilities/" + estate.code() + "/contact").expect(200).json()
                .path("address").asString()).isEqualTo("Avenida Ficticia 1");
        as(Role.DIRECTOR).get("/api/facilities/NO-SUCH/contact").expect(404).code("FACILITY_NOT_FOUND");
    }
}

package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.TestData.syntheticName;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Instant;
import java.util.HashMap;
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
 * Bulk admission reads the people, who is in custody and the facilities once for the whole batch and writes the
 * lines that pass in one statement (performance); each line must still be refused for its own reason and
 * be all-or-nothing, exactly as when admitted alone.
 */
@DisplayName("custody: bulk admission, refusals per line")
class BulkAdmissionTest extends IntegrationTest {

    TestData.Estate estate;
    ApiClient intake;

    @BeforeEach
    void aFacilityWithTwoCells() {
        intake = as(Role.INTAKE);
        estate = aFacility(as(Role.DIRECTOR), 2, 4, 4);
    }

    JsonNode admitAll(ApiClient who, List<Map<String, Object>> lines) {
        return who.post("/api/custody/admissions", lines).expect(200).json().path("results");
    }

    static Map<String, Object> line(UUID person, Map<String, Object> admission) {
        return Map.of("personId", person, "admission", admission);
    }

    int journaled(String action, UUID person) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = :a AND subject_id = :p")
                .param("a", action).param("p", person.toString()).query(Integer.class).single();
    }

    @Test
    void unknownOutOfScopeAndMergedPeopleAreNotFoundWhileTheOthersAreAdmitted() {
        UUID unknown = UUID.randomUUID();
        String elsewhere = aFacility(as(Role.DIRECTOR), 1, 2, 2).code();
        UUID heldElsewhere = aPerson(intake, elsewhere);
        UUID survivor = aPerson(intake, estate.code());
        UUID duplicate = aPerson(intake, estate.code());
        as(Role.LEGAL).post("/api/people/" + survivor + "/merge", Map.of("duplicate", duplicate.toString(),
                "reason", "same fingerprints, registry confirmed")).expect(200);
        UUID fresh = aPerson(intake, estate.code());
        var localIntake = access.createUser(new NewUser("intake-" + UUID.randomUUID().toString().substring(0, 8),
                "Intake officer of one facility", PASSWORD_OF_TEST_USERS, Set.of(Role.INTAKE),
                Set.of(estate.code())));
        var officer = anonymous().basic(localIntake.username(), PASSWORD_OF_TEST_USERS);

        var results = admitAll(officer, List.of(line(unknown, anAdmission(estate.code())),
                line(heldElsewhere, anAdmission(estate.code())), line(duplicate, anAdmission(estate.code())),
                line(fresh, anAdmission(estate.code()))));

        assertThat(results.get(0).path("code").asString()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(results.get(1).path("code").asString()).as("a person the officer's facilities never held")
                .isEqualTo("PERSON_NOT_FOUND");
        assertThat(results.get(2).path("code").asString()).as("a record merged into another")
                .isEqualTo("PERSON_NOT_FOUND");
        assertThat(results.get(3).path("status").asInt()).isEqualTo(201);
        for (UUID refused : List.of(heldElsewhere, duplicate)) {
            assertThat(jdbc.sql("SELECT count(*) FROM custody_episode WHERE person_id = :p").param("p", refused)
                    .query(Integer.class).single()).isZero();
            assertThat(journaled("PERSON_ADMITTED", refused)).isZero();
        }
        // The merged record is refused alone too, not admitted under its dead id.
        intake.post("/api/people/" + duplicate + "/custody", anAdmission(estate.code())).expect(404)
                .code("PERSON_NOT_FOUND");
    }

    @Test
    void eachAdmittedLineIsJournaledOnceWithItsEpisodeAndLinksThePersonToTheFacility() {
        UUID first = aPerson(intake, estate.code());
        String other = aFacility(as(Role.DIRECTOR), 1, 2, 2).code();
        UUID arriving = aPerson(intake, other);   // registered in another facility, admitted here
        var complaint = new HashMap<>(anAdmission(estate.code()));
        complaint.put("illTreatmentComplaint", "says he was beaten during the arrest");

        var results = admitAll(intake, List.of(line(first, anAdmission(estate.code())), line(arriving, complaint)));

        assertThat(results.get(0).path("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).path("status").asInt()).isEqualTo(201);
        assertThat(journaled("PERSON_ADMITTED", first)).isEqualTo(1);
        assertThat(journaled("PERSON_ADMITTED", arriving)).isEqualTo(1);
        assertThat(journaled("ILL_TREATMENT_REFERRAL_OPENED", arriving)).isEqualTo(1);
        assertThat(journaled("ILL_TREATMENT_REFERRAL_OPENED", first)).isZero();
        assertThat(journaled("PERSON_LINKED_TO_FACILITY", arriving)).isEqualTo(1);
        assertThat(journaled("PERSON_LINKED_TO_FACILITY", first)).as("already linked at registration").isZero();
        String episode = results.get(1).path("episode").asString();
        String details = jdbc.sql("""
                SELECT details::text FROM journal_entry WHERE action = 'PERSON_ADMITTED' AND subject_id = :p""")
                .param("p", arriving.toString()).query(String.class).single();
        assertThat(details).contains(episode).contains("DETENTION_ORDER").contains("PRE_TRIAL");
        assertThat(jdbc.sql("SELECT count(*) FROM person_facility WHERE person_id = :p AND facility_code = :f")
                .param("p", arriving).param("f", estate.code()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM ill_treatment_referral WHERE person_id = :p")
                .param("p", arriving).query(Integer.class).single()).isEqualTo(1);
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                .size()).isZero();
    }

    @Test
    void aChildIsClassedJuvenileAtAdmissionInBulkAsAlone() {   // REQ-21
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("givenNames", syntheticName());
        name.put("firstFamilyName", syntheticName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("birthDate", Instant.now().atZone(java.time.ZoneOffset.UTC).toLocalDate().minusYears(15).toString());
        body.put("recordedSex", "FEMALE");
        body.put("nationalities", List.of(Map.of("country", "SV", "determinedFrom", "PASSPORT")));
        body.put("facility", estate.code());
        UUID child = UUID.fromString(intake.post("/api/people", body).expect(201).json().path("id").asString());
        UUID adult = aPerson(intake, estate.code(), "FEMALE");

        admitAll(intake, List.of(line(child, anAdmission(estate.code())), line(adult, anAdmission(estate.code()))));

        var rows = jdbc.sql("SELECT person_id, juvenile, sex FROM custody_episode WHERE person_id IN (:a, :b)")
                .param("a", child).param("b", adult).query().listOfRows();
        assertThat(rows).hasSize(2);
        for (var row : rows) {
            assertThat(row.get("juvenile")).isEqualTo(row.get("person_id").equals(child));
            assertThat(row.get("sex")).isEqualTo("FEMALE");
        }
    }

    @Test
    void whenTheDatabaseRefusesALineARepeatedLineOfThatPersonIsTriedInItsPlace() {
        // Line 1 falls inside the person's earlier episode (refused by the exclusion constraint, 23P01); line 2 is
        // the same person admitted now, which alone would be accepted, and must not be refused ALREADY_IN_CUSTODY
        // for a line that was never written.
        UUID returning = CustodyFixtures.aPersonReleasedAnHourAgo(intake, as(Role.HOUSING), estate.code());
        var overlapping = new HashMap<>(anAdmission(estate.code()));
        overlapping.put("admittedAt", Instant.now().minusSeconds(5400).toString());
        overlapping.put("reason", "register copied late");
        UUID other = aPerson(intake, estate.code());

        var results = admitAll(intake, List.of(line(other, anAdmission(estate.code())), line(returning, overlapping),
                line(returning, anAdmission(estate.code())), line(other, anAdmission(estate.code()))));

        assertThat(results.get(0).path("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).path("code").asString()).isEqualTo("MOVEMENT_TIME_INVALID");
        assertThat(results.get(2).path("status").asInt()).isEqualTo(201);
        assertThat(results.get(3).path("code").asString()).isEqualTo("ALREADY_IN_CUSTODY");
        assertThat(jdbc.sql("SELECT count(*) FROM custody_episode WHERE person_id = :p").param("p", returning)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(journaled("PERSON_ADMITTED", returning)).isEqualTo(2);
        assertThat(journaled("PERSON_ADMITTED", other)).isEqualTo(1);
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                .size()).isZero();
    }
}

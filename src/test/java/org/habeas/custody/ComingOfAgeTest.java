package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.LocalDate;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A person held as a minor is an adult from their 18th birthday on, for separation too (REQ-20). */
class ComingOfAgeTest extends IntegrationTest {

    @Autowired
    ComingOfAge comingOfAge;

    CustodyFixtures.Estate estate;
    ApiClient intake;
    ApiClient housing;

    @BeforeEach
    void aFacility() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        estate = CustodyFixtures.aFacility(as(Role.DIRECTOR), 3, 10, 12);
    }

    UUID admittedBorn(LocalDate birth) {
        UUID person = aPerson(intake, estate.code(), "MALE", birth.toString());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        return person;
    }

    boolean juvenile(UUID person) {
        return jdbc.sql("SELECT juvenile FROM custody_episode WHERE person_id = :p AND ended_at IS NULL")
                .param("p", person).query(Boolean.class).single();
    }

    @Test
    void aMinorWhoTurns18WhileHeldIsJudgedAsAnAdultFromThenOn() {
        UUID youth = admittedBorn(LocalDate.now().minusYears(17));
        housing.post("/api/people/" + youth + "/movements", aPlacement(estate.cells().get(0))).expect(201);
        UUID adult = admittedBorn(LocalDate.now().minusYears(30));
        housing.post("/api/people/" + adult + "/movements", aPlacement(estate.cells().get(0))).expect(409)
                .code("SEPARATION_REQUIRED");

        // A year goes by: the recorded birth date now makes him 18 (the register's clock is not moved in tests).
        jdbc.sql("UPDATE person SET birth_date = :d WHERE id = :p")
                .param("d", LocalDate.now().minusYears(18).minusDays(1)).param("p", youth).update();
        assertThat(comingOfAge.reclassify()).isGreaterThanOrEqualTo(1);

        assertThat(juvenile(youth)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = 'CLASSIFIED_ADULT' AND subject_id = :p")
                .param("p", youth.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT juvenile FROM cell_category_count WHERE location_id = :c AND people > 0")
                .param("c", estate.cells().get(0)).query(Boolean.class).list()).containsExactly(false);
        housing.post("/api/people/" + adult + "/movements", aPlacement(estate.cells().get(0))).expect(201);
        assertThat(comingOfAge.reclassify()).as("nothing twice").isZero();
    }

    @Test
    void aMinorBeforeTheBirthdayStaysAMinor() {
        UUID youth = admittedBorn(LocalDate.now().minusYears(18).plusDays(2));
        comingOfAge.reclassify();
        assertThat(juvenile(youth)).isTrue();
    }
}

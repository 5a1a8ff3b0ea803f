package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.LocalDate;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A person held as a minor is an adult from their 18th birthday on, for separation too (REQ-20). */
class ComingOfAgeTest extends IntegrationTest {

    @Autowired
    ComingOfAge comingOfAge;

    TestData.Estate estate;
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
    void aPartialBirthDateCountsFromTheLatestDayItAllows() {   // a person who may still be a minor is treated as one
        int year = LocalDate.now().getYear() - 18;
        UUID bornThisMonth = admittedBorn(LocalDate.now().minusYears(16));
        UUID bornLastYear = admittedBorn(LocalDate.now().minusYears(16));
        jdbc.sql("UPDATE person SET birth_precision = 'YEAR_MONTH', birth_date = :d WHERE id = :p")
                .param("d", LocalDate.now().minusYears(18).withDayOfMonth(1)).param("p", bornThisMonth).update();
        jdbc.sql("UPDATE person SET birth_precision = 'YEAR', birth_date = :d WHERE id = :p")
                .param("d", LocalDate.of(year - 1, 1, 1)).param("p", bornLastYear).update();
        comingOfAge.reclassify();
        // Born in this month 18 years ago: 18 only once the month is over, unless today is its last day.
        boolean lastDayOfTheMonth = LocalDate.now().lengthOfMonth() == LocalDate.now().getDayOfMonth();
        assertThat(juvenile(bornThisMonth)).isEqualTo(!lastDayOfTheMonth);
        assertThat(juvenile(bornLastYear)).as("born in %d: 18 by now whatever the day", year - 1).isFalse();
    }

    @Test
    void theBirthdayIsTheFacilitysLocalDay() {
        // The facility keeps America/El_Salvador (UTC-6): its day starts six hours after UTC's.
        UUID youth = admittedBorn(LocalDate.now().minusYears(16));
        LocalDate localToday = java.time.ZonedDateTime.now(java.time.ZoneId.of("America/El_Salvador")).toLocalDate();
        jdbc.sql("UPDATE person SET birth_date = :d WHERE id = :p")
                .param("d", localToday.minusYears(18).plusDays(1)).param("p", youth).update();
        comingOfAge.reclassify();
        assertThat(juvenile(youth)).as("18 tomorrow in the facility, whatever the UTC date").isTrue();
        jdbc.sql("UPDATE person SET birth_date = :d WHERE id = :p")
                .param("d", localToday.minusYears(18)).param("p", youth).update();
        comingOfAge.reclassify();
        assertThat(juvenile(youth)).as("18 today in the facility").isFalse();
    }

    @Test
    void aMinorBeforeTheBirthdayStaysAMinor() {
        UUID youth = admittedBorn(LocalDate.now().minusYears(18).plusDays(2));
        comingOfAge.reclassify();
        assertThat(juvenile(youth)).isTrue();
    }
}

package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People held against separation are listed, per cell and without names, on the roll and its API, until they are
 * moved (REQ-20): placed before their unit was designated for others, or reclassified among people they must be kept
 * apart from.
 */
class SeparationBreachesTest extends IntegrationTest {

    @Autowired
    ComingOfAge comingOfAge;

    TestData.Estate estate;
    String module;

    @BeforeEach
    void aManInACell() {
        estate = CustodyFixtures.aFacility(as(Role.DIRECTOR), 3, 10, 12);
        UUID man = aPerson(as(Role.INTAKE), estate.code(), "MALE");
        as(Role.INTAKE).post("/api/people/" + man + "/custody", anAdmission(estate.code())).expect(201);
        as(Role.HOUSING).post("/api/people/" + man + "/movements", aPlacement(estate.cells().get(0))).expect(201);
        module = as(Role.DIRECTOR).get("/api/facilities/" + estate.code() + "/locations").json().get(0).path("id")
                .asString();
    }

    String breaches() {
        return "/api/facilities/" + estate.code() + "/roll/separation-breaches";
    }

    void designateForWomen() {
        Map<String, Object> body = new HashMap<>();
        body.put("sex", "FEMALE");
        body.put("reason", "women's module from January");
        as(Role.DIRECTOR).put("/api/facilities/" + estate.code() + "/locations/" + module + "/separation", body)
                .expect(200);
    }

    @Test
    void aManInAModuleDesignatedForWomenIsListedWithHisCellAndTheReason() {
        assertThat(as(Role.SUPERVISOR).get(breaches()).expect(200).json().size()).isZero();
        designateForWomen();

        var listed = as(Role.SUPERVISOR).get(breaches()).expect(200).json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("cellPath").asString()).isEqualTo(estate.code() + "-M1-C01");
        assertThat(listed.get(0).path("people").asInt()).isEqualTo(1);
        assertThat(listed.get(0).path("reason").path("text").asString())
                .isEqualTo(estate.code() + "-M1 is designated for women only; this person's recorded sex: male"
                        + " (Mandela Rule 11)");

        var roll = new PageSession(baseUrl()).logOn(newUser(Role.HOUSING).username(), PASSWORD_OF_TEST_USERS)
                .get("/facilities/" + estate.code() + "/roll?lang=es").body();
        assertThat(roll).contains("id=\"roll-breaches\"", estate.code() + "-M1-C01",
                "está destinado solo a mujeres; sexo registrado de esta persona: masculino");
    }

    @Test
    void aMinorWhoTurned18AmongMinorsIsListed() {
        UUID first = aMinorPlacedIn(1);
        aMinorPlacedIn(1);
        assertThat(as(Role.SUPERVISOR).get(breaches()).expect(200).json().size()).isZero();

        jdbc.sql("UPDATE person SET birth_date = :d WHERE id = :p")
                .param("d", LocalDate.now().minusYears(19)).param("p", first).update();
        comingOfAge.reclassify();

        var listed = as(Role.SUPERVISOR).get(breaches()).expect(200).json();
        assertThat(listed.size()).as("both sides of the cell are named").isEqualTo(2);
        assertThat(listed.toString()).contains(estate.code() + "-M1-C02", "the cell holds a minor",
                "a minor cannot be placed with adults");
    }

    UUID aMinorPlacedIn(int cell) {
        UUID minor = aPerson(as(Role.INTAKE), estate.code(), "MALE", LocalDate.now().minusYears(16).toString());
        as(Role.INTAKE).post("/api/people/" + minor + "/custody", anAdmission(estate.code())).expect(201);
        as(Role.HOUSING).post("/api/people/" + minor + "/movements", aPlacement(estate.cells().get(cell))).expect(201);
        return minor;
    }

    @Test
    void nobodyIsListedWhereEveryoneFits() {
        var roll = new PageSession(baseUrl()).logOn(newUser(Role.HOUSING).username(), PASSWORD_OF_TEST_USERS)
                .get("/facilities/" + estate.code() + "/roll?lang=en").body();
        assertThat(roll).contains("id=\"roll-breaches-none\"").doesNotContain("id=\"roll-breaches\"");
    }

    @Test
    void readersOfTheRollOnly() {
        designateForWomen();
        as(Role.AGENCY).get(breaches()).expect(403).code("FORBIDDEN");
        as(Role.ADMIN).get(breaches()).expect(403).code("FORBIDDEN");
        anonymous().get(breaches()).expect(401);
        as(Role.SUPERVISOR).get("/api/facilities/NOSUCHPLACE/roll/separation-breaches").expect(404)
                .code("FACILITY_NOT_FOUND");
    }
}

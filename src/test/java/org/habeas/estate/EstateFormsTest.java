package org.habeas.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.estate.EstateFixtures.aCode;
import static org.habeas.estate.EstateFixtures.aFacility;
import static org.habeas.estate.EstateFixtures.aLayout;

import java.util.Map;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The estate's page forms refuse what the API refuses, even when the request does not come from the page's own
 * form (which limits lengths in the browser): the refusal is shown on the page and nothing is stored.
 */
class EstateFormsTest extends IntegrationTest {

    private String code;
    private String cell;

    @BeforeEach
    void aFacilityWithACell() {
        code = aCode();
        as(Role.DIRECTOR).post("/api/facilities", aFacility(code)).expect(201);
        as(Role.DIRECTOR).post("/api/facilities/" + code + "/locations", aLayout(1, 1, 1, 40, 8, 10, 12)).expect(201);
        cell = as(Role.DIRECTOR).get("/api/facilities/" + code + "/locations").json().get(1).path("id").asString();
    }

    @Test
    void anOverlongNameOrAnImpossibleAreaIsRefusedOnThePageAndNothingChanges() {
        var director = new PageSession(baseUrl()).logOn(newUser(Role.DIRECTOR).username(), PASSWORD_OF_TEST_USERS);
        String page = "/estate/" + code + "/locations/" + cell;
        director.get(page);

        var overlong = director.post(page + "/attributes", Map.of("name", "x".repeat(201), "reason", "rename"));
        assertThat(overlong.statusCode()).isEqualTo(302);
        assertThat(director.get(page + "?lang=en").body()).contains("estate-refused");
        var tooLarge = director.post(page + "/attributes", Map.of("floorAreaM2", "99999999", "reason", "survey"));
        assertThat(tooLarge.statusCode()).isEqualTo(302);
        assertThat(director.get(page + "?lang=en").body()).contains("estate-refused");

        var location = as(Role.DIRECTOR).get("/api/facilities/" + code + "/locations/" + cell).expect(200).json();
        assertThat(location.path("name").asString()).hasSizeLessThan(201);
        assertThat(location.path("version").asLong()).as("nothing was written").isZero();
    }

    @Test
    void aValidChangeFromThePageIsStored() {
        var director = new PageSession(baseUrl()).logOn(newUser(Role.DIRECTOR).username(), PASSWORD_OF_TEST_USERS);
        String page = "/estate/" + code + "/locations/" + cell;
        director.get(page);
        director.post(page + "/attributes", Map.of("name", "Celda de observación", "floorAreaM2", "41.5",
                "reason", "measured again"));
        var location = as(Role.DIRECTOR).get("/api/facilities/" + code + "/locations/" + cell).expect(200).json();
        assertThat(location.path("name").asString()).isEqualTo("Celda de observación");
        assertThat(location.path("attributes").path("floorAreaM2").asDouble()).isEqualTo(41.5);
    }

    @Test
    void theDirectorDesignatesAModuleOnItsPageAndItsCellsShowIt() {   // REQ-20
        String module = as(Role.DIRECTOR).get("/api/facilities/" + code + "/locations").json().get(0).path("id")
                .asString();
        var director = new PageSession(baseUrl()).logOn(newUser(Role.DIRECTOR).username(), PASSWORD_OF_TEST_USERS);
        String modulePage = "/estate/" + code + "/locations/" + module;
        assertThat(director.get(modulePage + "?lang=en").body()).contains("separation-form", "Anyone");
        director.post(modulePage + "/separation", Map.of("sex", "FEMALE", "ageGroup", "", "detention", "CIVIL",
                "reason", "women's immigration unit"));

        var shown = director.get("/estate/" + code + "/locations/" + cell + "?lang=es").body();
        assertThat(shown).contains("Mujeres", "Detención civil o migratoria", "(fijado en " + code + "-M1)");
        var stored = as(Role.DIRECTOR).get("/api/facilities/" + code + "/locations/" + module).expect(200).json();
        assertThat(stored.path("separation").path("sex").asString()).isEqualTo("FEMALE");
        assertThat(stored.path("separation").path("ageGroup").isNull()).isTrue();

        var contradicting = director.post("/estate/" + code + "/locations/" + cell + "/separation",
                Map.of("sex", "MALE", "reason", "men's cell"));
        assertThat(contradicting.statusCode()).isEqualTo(302);
        assertThat(director.get("/estate/" + code + "/locations/" + cell + "?lang=en").body())
                .contains("estate-refused", "designated otherwise");
    }

    @Test
    void onlyTheDirectorSeesAndUsesTheDesignationForm() {
        var housing = new PageSession(baseUrl()).logOn(newUser(Role.HOUSING).username(), PASSWORD_OF_TEST_USERS);
        String page = "/estate/" + code + "/locations/" + cell;
        var body = housing.get(page + "?lang=en").body();
        assertThat(body).contains("Whom this place is for").doesNotContain("separation-form");
        assertThat(housing.post(page + "/separation", Map.of("sex", "MALE", "reason", "x")).statusCode())
                .isEqualTo(403);
        var stored = as(Role.DIRECTOR).get("/api/facilities/" + code + "/locations/" + cell).expect(200).json();
        assertThat(stored.path("separation").path("sex").isNull()).isTrue();
    }
}

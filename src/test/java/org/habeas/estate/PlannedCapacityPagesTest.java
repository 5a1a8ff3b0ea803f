package org.habeas.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/** A director records on a planned facility's page what it will hold before it has cells (REQ-47). */
class PlannedCapacityPagesTest extends IntegrationTest {

    @Test
    void aDirectorRecordsThePlannedCapacityAndABadFigureIsRefusedNamed() {
        String code = TestData.aCode("P");
        as(Role.DIRECTOR).post("/api/facilities", TestData.facility(code, ZoneId.of("America/El_Salvador"), "PLANNED",
                "2028-01-01")).expect(201);

        PageSession director = new PageSession(baseUrl()).logOn(newUser(Role.DIRECTOR).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(director.get("/estate/" + code + "?lang=en").body()).contains("id=\"planned-capacity\"",
                "id=\"planned-save\"").doesNotContain("id=\"planned-figures\"");
        director.post("/estate/" + code + "/planned-capacity", Map.of("places", "0"));
        assertThat(director.get("/estate/" + code + "?lang=es").body()).contains("id=\"estate-refused\"");
        director.post("/estate/" + code + "/planned-capacity", Map.of("places", "40000", "floorAreaM2", "25160"));
        assertThat(director.get("/estate/" + code + "?lang=en").body()).contains(
                "The planned capacity was recorded.", "40,000 places on 25,160 m² of cell floor: 7,400 places by ICRC");
        assertThat(as(Role.INSPECTOR).get("/api/facilities/" + code + "/planned-capacity").expect(200).json()
                .path("icrcPlaces").asLong()).isEqualTo(7400);

        PageSession inspector = new PageSession(baseUrl()).logOn(newUser(Role.INSPECTOR).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(inspector.get("/estate/" + code + "?lang=en").body()).contains("id=\"planned-figures\"")
                .doesNotContain("id=\"planned-save\"");
        assertThat(inspector.post("/estate/" + code + "/planned-capacity", Map.of("places", "5")).statusCode())
                .isEqualTo(403);
    }
}

package org.habeas.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.oversight.OversightFixtures.aFacility;
import static org.habeas.oversight.OversightFixtures.aPerson;
import static org.habeas.oversight.OversightFixtures.admit;
import static org.habeas.TestData.facility;
import static org.habeas.oversight.OversightFixtures.place;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The estate view (REQ-26 to REQ-28, REQ-47): declared and area-based capacity, population and every occupancy rate
 * of each facility and of the open estate, checked against figures worked out by hand from the cells the test built;
 * a planned facility shown with what it is planned to hold before it has a cell.
 */
class EstateViewApiTest extends IntegrationTest {

    private final ZoneId zone = ZoneId.of("America/El_Salvador");

    @Test
    void everyFacilityOpenOrPlannedWithItsCapacityPopulationAndRates() {
        // Two cells of 10 m²: certified normal 2, operational 4, maximum 6 each; ICRC floor(10 / 3.4) = 2 places,
        // CPT floor(10 / 4) = 2 places each.
        var open = aFacility(as(Role.DIRECTOR), zone, 2, 2, 4, 6, 10);
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            UUID person = aPerson(as(Role.INTAKE), open.code(), "MALE", "1985-01-0" + (i + 1), "SV");
            admit(as(Role.INTAKE), person, open.code(), "PRE_TRIAL", now.minusSeconds(300 - i));
            place(as(Role.HOUSING), person, open.cells().get(i < 2 ? 0 : 1), now.minusSeconds(200 - i));
        }
        String expansion = as(Role.DIRECTOR).post("/api/facilities/" + open.code() + "/expansions",
                Map.of("name", "Fase 2", "plannedOn", "2028-06-01")).expect(201).json().path("id").asString();
        String planned = TestData.aCode("P");
        as(Role.DIRECTOR).post("/api/facilities", facility(planned, zone, "PLANNED", "2028-01-01")).expect(201);
        as(Role.DIRECTOR).put("/api/facilities/" + planned + "/planned-capacity", Map.of("places", 1000,
                "floorAreaM2", 2380)).expect(200);

        String username = "estate-" + UUID.randomUUID().toString().substring(0, 8);
        access.createUser(new NewUser(username, "Inspector " + username, PASSWORD_OF_TEST_USERS,
                Set.of(Role.INSPECTOR), Set.of(open.code(), planned)));
        JsonNode estate = anonymous().basic(username, PASSWORD_OF_TEST_USERS).get("/api/estate").expect(200).json();
        assertThat(estate.path("facilities")).hasSize(2);

        JsonNode f = line(estate, open.code());
        assertThat(f.path("status").asString()).isEqualTo("OPEN");
        JsonNode x = f.path("figures");
        assertThat(x.path("cells").asInt()).isEqualTo(2);
        assertThat(x.path("certifiedNormal").asLong()).isEqualTo(4);
        assertThat(x.path("operational").asLong()).isEqualTo(8);
        assertThat(x.path("maximum").asLong()).isEqualTo(12);
        assertThat(x.path("floorAreaM2").decimalValue()).isEqualByComparingTo("20");
        assertThat(x.path("icrcPlaces").asLong()).isEqualTo(4);
        assertThat(x.path("cptPlaces").asLong()).isEqualTo(4);
        assertThat(x.path("population").asLong()).isEqualTo(3);
        assertThat(x.path("rateToOperational").decimalValue()).isEqualByComparingTo("37.5");   // 3 × 100 / 8
        assertThat(x.path("rateToCertifiedNormal").decimalValue()).isEqualByComparingTo("75.0");   // 3 × 100 / 4
        assertThat(x.path("rateToMaximum").decimalValue()).isEqualByComparingTo("25.0");   // 3 × 100 / 12
        assertThat(x.path("rateToIcrc").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(x.path("rateToCpt").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(x.path("crowded").asBoolean()).as("operational above certified normal").isTrue();
        assertThat(x.path("declaredExceedsIcrc").asBoolean()).as("maximum 6 above 2 ICRC places").isTrue();
        assertThat(x.path("squareMetresPerPerson").decimalValue()).isEqualByComparingTo("6.67");   // 20 m² / 3
        assertThat(f.path("expansions")).hasSize(1);
        assertThat(f.path("expansions").get(0).path("id").asString()).isEqualTo(expansion);
        assertThat(f.path("expansions").get(0).path("plannedOn").asString()).isEqualTo("2028-06-01");
        assertThat(f.path("link").asString()).isEqualTo("/estate/" + open.code());

        JsonNode p = line(estate, planned);
        assertThat(p.path("status").asString()).isEqualTo("PLANNED");
        assertThat(p.path("openedOn").asString()).isEqualTo("2028-01-01");
        assertThat(p.path("figures").path("cells").asInt()).isZero();
        assertThat(p.path("planned").path("places").asInt()).isEqualTo(1000);
        assertThat(p.path("planned").path("icrcPlaces").asLong()).isEqualTo(700);   // 2380 / 3.4
        assertThat(p.path("planned").path("cptPlaces").asLong()).isEqualTo(595);    // 2380 / 4

        // The open estate is the open facility alone: the planned one holds nobody yet.
        JsonNode total = estate.path("openTotal");
        assertThat(total.path("operational").asLong()).isEqualTo(8);
        assertThat(total.path("population").asLong()).isEqualTo(3);
        assertThat(total.path("rateToOperational").decimalValue()).isEqualByComparingTo("37.5");
    }

    @Test
    void plannedCapacityIsForAPlannedFacilityOnlyAndOnlyBuildersRecordIt() {
        var open = aFacility(as(Role.DIRECTOR), zone, 1, 2, 4, 6, 10);
        as(Role.DIRECTOR).put("/api/facilities/" + open.code() + "/planned-capacity", Map.of("places", 10))
                .expect(409).code("FACILITY_NOT_PLANNED");
        String planned = TestData.aCode("P");
        as(Role.DIRECTOR).post("/api/facilities", facility(planned, zone, "PLANNED", "2028-01-01")).expect(201);
        as(Role.DIRECTOR).put("/api/facilities/" + planned + "/planned-capacity", Map.of("places", 0)).expect(400)
                .field("places");
        as(Role.DIRECTOR).put("/api/facilities/" + planned + "/planned-capacity", Map.of("places", 10,
                "floorAreaM2", -3)).expect(400).field("floorAreaM2");
        for (Role role : new Role[] {Role.INSPECTOR, Role.HOUSING, Role.SUPERVISOR}) {
            as(role).put("/api/facilities/" + planned + "/planned-capacity", Map.of("places", 10)).expect(403);
        }
        as(Role.DIRECTOR).get("/api/facilities/" + planned + "/planned-capacity").expect(404)
                .code("FACILITY_NOT_PLANNED");
        as(Role.ADMIN).put("/api/facilities/" + planned + "/planned-capacity", Map.of("places", 10)).expect(200);
        as(Role.AGENCY).get("/api/facilities/" + planned + "/planned-capacity").expect(403);
        as(Role.REPRESENTATIVE).get("/api/facilities/" + planned + "/planned-capacity").expect(403);
        assertThat(as(Role.INSPECTOR).get("/api/facilities/" + planned + "/planned-capacity").expect(200).json()
                .path("places").asInt()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = 'FACILITY_PLANNED_CAPACITY_RECORDED'"
                + " AND subject_id = :c").param("c", planned).query(Integer.class).single()).isEqualTo(1);
    }

    private static JsonNode line(JsonNode estate, String code) {
        for (JsonNode f : estate.path("facilities")) {
            if (f.path("code").asString().equals(code)) {
                return f;
            }
        }
        throw new AssertionError("no facility " + code);
    }
}

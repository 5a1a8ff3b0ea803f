package org.habeas.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.oversight.OversightFixtures.aFacility;
import static org.habeas.oversight.OversightFixtures.aPerson;
import static org.habeas.oversight.OversightFixtures.admit;
import static org.habeas.TestData.facility;
import static org.habeas.oversight.OversightFixtures.release;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The capacity forecast against a case worked out by hand. One open facility of one cell (certified normal 2,
 * operational 4, maximum 6, 10 m²: 2 ICRC and 2 CPT places) with an expansion of one more such cell from the first of
 * the month after next, and a planned facility of 10 places on 34 m² (10 ICRC, 8 CPT places) opening on the first of
 * the sixth month. Yesterday three people came and one left; today one more came: 3 on the roll, and over a window of
 * 7 days a net change of (3 - 1) / 7 a day. A director expects 100 more in the fifth month.
 *
 * <p>At the end of month m (m = 0 is this month): projected = 3 + round(2 × days from today to its end / 7), plus
 * 100 from the fifth month; operational capacity 4, then 8 from month 2, then 18 from month 5; ICRC 2, 4, 14.
 */
class CapacityForecastApiTest extends IntegrationTest {

    @Test
    void theProjectionCapacityCrossingsAndPlacesNeededAreThoseOfTheHandWorkedCase() {
        ZoneId zone = OversightFixtures.zoneNearNoon();
        var facility = aFacility(as(Role.DIRECTOR), zone, 1, 2, 4, 6, 10);
        String code = facility.code();
        LocalDate today = facility.today();
        YearMonth now = YearMonth.from(today);

        String expansion = as(Role.DIRECTOR).post("/api/facilities/" + code + "/expansions",
                Map.of("name", "Fase 2", "plannedOn", now.plusMonths(2).atDay(1).toString())).expect(201).json()
                .path("id").asString();
        as(Role.DIRECTOR).post("/api/facilities/" + code + "/expansions/" + expansion + "/locations", Map.of(
                "format", "habeas-layout/1", "locations", List.of(Map.of("path", "M2", "kind", "MODULE"),
                        Map.of("path", "M2-C01", "parent", "M2", "kind", "CELL", "certifiedNormal", 2,
                                "operationalCapacity", 4, "maximumCapacity", 6, "floorAreaM2", 10.0))))
                .expect(201);
        String planned = TestData.aCode("P");
        as(Role.DIRECTOR).post("/api/facilities", facility(planned, zone, "PLANNED",
                now.plusMonths(5).atDay(1).toString())).expect(201);
        as(Role.DIRECTOR).put("/api/facilities/" + planned + "/planned-capacity", Map.of("places", 10,
                "floorAreaM2", 34)).expect(200);

        for (int i = 0; i < 3; i++) {
            UUID person = aPerson(as(Role.INTAKE), code, "MALE", "1980-02-0" + (i + 1), "SV");
            admit(as(Role.INTAKE), person, code, "PRE_TRIAL", facility.hoursAgo(23 - i));
            if (i == 0) {
                release(as(Role.HOUSING), person, facility.hoursAgo(19));
            }
        }
        UUID today1 = aPerson(as(Role.INTAKE), code, "MALE", "1980-03-01", "SV");
        admit(as(Role.INTAKE), today1, code, "PRE_TRIAL", facility.hoursAgo(1));

        String username = "forecast-" + UUID.randomUUID().toString().substring(0, 8);
        access.createUser(new NewUser(username, "Director " + username, PASSWORD_OF_TEST_USERS,
                Set.of(Role.DIRECTOR), Set.of(code, planned)));
        ApiClient director = anonymous().basic(username, PASSWORD_OF_TEST_USERS);
        JsonNode f = director.get("/api/estate/forecast?window=7&intake=" + now.plusMonths(4) + ":100").expect(200)
                .json();

        assertThat(f.path("population").asLong()).isEqualTo(3);
        assertThat(f.path("arrived").asLong()).isEqualTo(3);
        assertThat(f.path("left").asLong()).isEqualTo(1);
        assertThat(f.path("netPerDay").decimalValue()).isEqualByComparingTo("0.29");   // 2 / 7
        assertThat(f.path("windowFrom").asString()).isEqualTo(today.minusDays(7).toString());
        assertThat(f.path("windowTo").asString()).isEqualTo(today.minusDays(1).toString());
        JsonNode months = f.path("months");
        assertThat(months).hasSize(24);

        long[] operational = new long[24];
        long[] icrc = new long[24];
        long[] projected = new long[24];
        for (int m = 0; m < 24; m++) {
            LocalDate end = now.plusMonths(m).atEndOfMonth();
            long days = ChronoUnit.DAYS.between(today, end);
            // round half up of 2 × days / 7, in whole numbers: (2 × days × 2 + 7) / 14
            projected[m] = 3 + (4 * days + 7) / 14 + (m >= 4 ? 100 : 0);
            operational[m] = m < 2 ? 4 : m < 5 ? 8 : 18;
            icrc[m] = m < 2 ? 2 : m < 5 ? 4 : 14;
            JsonNode month = months.get(m);
            assertThat(month.path("month").asString()).isEqualTo(now.plusMonths(m).toString());
            assertThat(month.path("projected").asLong()).as("projected, month " + m).isEqualTo(projected[m]);
            assertThat(month.path("operational").asLong()).as("operational, month " + m).isEqualTo(operational[m]);
            assertThat(month.path("icrcPlaces").asLong()).as("ICRC, month " + m).isEqualTo(icrc[m]);
            assertThat(month.path("maximum").asLong()).isEqualTo(m < 2 ? 6 : m < 5 ? 12 : 22);
            assertThat(month.path("cptPlaces").asLong()).isEqualTo(m < 2 ? 2 : m < 5 ? 4 : 12);
        }
        // 3 on the roll against 2 ICRC places: crossed this month already. Operational is first exceeded in the
        // first month whose projection is above it; the worst excess over the horizon is the last month's.
        assertThat(f.path("crossed").path("icrc").asString()).isEqualTo(now.toString());
        int firstAboveOperational = -1;
        for (int m = 0; m < 24 && firstAboveOperational < 0; m++) {
            if (projected[m] > operational[m]) {
                firstAboveOperational = m;
            }
        }
        assertThat(f.path("crossed").path("operational").asString())
                .isEqualTo(now.plusMonths(firstAboveOperational).toString());
        assertThat(f.path("needed").path("declared").asLong()).isEqualTo(projected[23] - 18);
        assertThat(f.path("needed").path("icrc").asLong()).isEqualTo(projected[23] - 14);
        assertThat(f.path("needed").path("icrcFloorAreaM2").decimalValue())
                .isEqualByComparingTo(String.valueOf((projected[23] - 14) * 34 / 10.0));
        assertThat(f.path("unscheduled")).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingItAndOnlyDirectorsAndInspectorsForecast() {
        as(Role.DIRECTOR).get("/api/estate/forecast?window=3").expect(400).code("FORECAST_INPUT_INVALID")
                .field("window");
        as(Role.DIRECTOR).get("/api/estate/forecast?window=731").expect(400).code("FORECAST_INPUT_INVALID");
        as(Role.DIRECTOR).get("/api/estate/forecast?intake=2027-13:5").expect(400).code("FORECAST_INPUT_INVALID")
                .field("intake");
        as(Role.DIRECTOR).get("/api/estate/forecast?intake=" + YearMonth.now().plusMonths(30) + ":5").expect(400)
                .code("FORECAST_INPUT_INVALID");
        as(Role.DIRECTOR).get("/api/estate/forecast?intake=" + YearMonth.now().plusMonths(1) + ":0").expect(400)
                .code("FORECAST_INPUT_INVALID");
        as(Role.DIRECTOR).get("/api/estate/forecast?facility=NOWHERE").expect(404).code("FACILITY_NOT_FOUND");
        as(Role.INSPECTOR).get("/api/estate/forecast").expect(200);
        for (Role role : List.of(Role.INTAKE, Role.HOUSING, Role.LEGAL, Role.SUPERVISOR, Role.ADMIN, Role.AGENCY,
                Role.REPRESENTATIVE)) {
            as(role).get("/api/estate/forecast").expect(403);
        }
    }
}

package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aMove;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The roll now takes "arrived today" and "left today" from a per-facility, per-day counter kept with every movement
 * (V52) instead of counting the day's ledger (performance). A backdated movement counts on its own day, the
 * roll at a past instant still counts from the ledger, and the consistency check sees a counter that disagrees.
 */
@DisplayName("custody: the day's arrivals and departures counter")
class RollDayCountTest extends IntegrationTest {

    static final ZoneId SAN_VICENTE = ZoneId.of("America/El_Salvador");   // the fixture facility's time zone

    int[] counted(String facility, LocalDate day) {
        return jdbc.sql("SELECT arrived, left_ FROM movement_day_count WHERE facility_code = :f AND day = :d")
                .param("f", facility).param("d", day).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .optional().orElse(new int[] {0, 0});
    }

    JsonNode totals(ApiClient who, String facility, String query) {
        return who.get("/api/facilities/" + facility + "/roll" + query).expect(200).json().path("totals");
    }

    @Test
    void aBackdatedAdmissionCountsOnItsOwnDayAndARecountFromTheLedgerAgrees() {
        ApiClient intake = as(Role.INTAKE);
        ApiClient housing = as(Role.HOUSING);
        String code = aFacility(as(Role.DIRECTOR), 2, 4, 4).code();
        Instant now = Instant.now();
        LocalDate today = now.atZone(SAN_VICENTE).toLocalDate();
        Instant startOfToday = today.atStartOfDay(SAN_VICENTE).toInstant();

        UUID first = aPerson(intake, code);
        UUID second = aPerson(intake, code);
        UUID lateEntry = aPerson(intake, code);
        var results = intake.post("/api/custody/admissions", List.of(
                Map.of("personId", first, "admission", anAdmission(code)),
                Map.of("personId", second, "admission", anAdmission(code)))).expect(200).json().path("results");
        assertThat(results.get(1).path("status").asInt()).isEqualTo(201);
        var backdated = new HashMap<>(anAdmission(code));
        backdated.put("admittedAt", startOfToday.minusSeconds(60).toString());   // yesterday, within the 24 h window
        backdated.put("reason", "night register copied late");
        intake.post("/api/people/" + lateEntry + "/custody", backdated).expect(201);
        var release = aMove("RELEASED");
        release.put("destination", "family, at the gate");
        release.put("authority", "Juzgado de Paz");
        release.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "officer on duty", "basis", "COURT_ORDER"));
        housing.post("/api/people/" + first + "/movements", release).expect(201);

        assertThat(counted(code, today)).containsExactly(2, 1);
        assertThat(counted(code, today.minusDays(1))).containsExactly(1, 0);
        var rollNow = totals(housing, code, "");
        assertThat(rollNow.path("arrivedToday").asInt()).isEqualTo(2);
        assertThat(rollNow.path("leftToday").asInt()).isEqualTo(1);
        assertThat(rollNow.path("population").asInt()).isEqualTo(2);
        // At a past instant the day is only partly over: counted from the ledger, and the same as the counter now.
        var atNow = totals(housing, code, "?at=" + Instant.now());
        assertThat(atNow.path("arrivedToday").asInt()).isEqualTo(2);
        assertThat(atNow.path("leftToday").asInt()).isEqualTo(1);
        var lastNight = totals(housing, code, "?at=" + startOfToday.minusSeconds(30));
        assertThat(lastNight.path("arrivedToday").asInt()).isEqualTo(1);
        assertThat(lastNight.path("population").asInt()).isEqualTo(1);
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                .size()).isZero();
    }

    @Test
    void theConsistencyCheckReportsACounterThatDisagreesWithTheLedger() {
        ApiClient intake = as(Role.INTAKE);
        String code = aFacility(as(Role.DIRECTOR), 1, 2, 2).code();
        UUID person = aPerson(intake, code);
        intake.post("/api/people/" + person + "/custody", anAdmission(code)).expect(201);
        LocalDate today = Instant.now().atZone(SAN_VICENTE).toLocalDate();
        assertThat(totals(as(Role.HOUSING), code, "").path("arrivedToday").asInt()).isEqualTo(1);

        // Someone who got round the application: the counter says 4 arrived, the ledger has one.
        jdbc.sql("UPDATE movement_day_count SET arrived = arrived + 3 WHERE facility_code = :f AND day = :d")
                .param("f", code).param("d", today).update();
        try {
            var report = as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json();
            assertThat(report.path("differences").toString()).contains(code).contains(today.toString())
                    .contains("1 arrived").contains("4 and 0");
            assertThat(totals(as(Role.HOUSING), code, "").path("arrivedToday").asInt()).isEqualTo(4);
        } finally {
            // Other tests in this JVM expect a consistent register.
            jdbc.sql("UPDATE movement_day_count SET arrived = arrived - 3 WHERE facility_code = :f AND day = :d")
                    .param("f", code).param("d", today).update();
        }
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                .size()).isZero();
    }
}

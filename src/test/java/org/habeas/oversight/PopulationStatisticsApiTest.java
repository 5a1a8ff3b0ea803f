package org.habeas.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.oversight.OversightFixtures.aFacility;
import static org.habeas.oversight.OversightFixtures.aPerson;
import static org.habeas.oversight.OversightFixtures.admit;
import static org.habeas.oversight.OversightFixtures.die;
import static org.habeas.oversight.OversightFixtures.place;
import static org.habeas.oversight.OversightFixtures.release;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

/**
 * Population statistics through the API (REQ-19), checked against figures the test works out itself from the custody
 * it recorded: four people over yesterday and today in the facility's own days, by each category.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PopulationStatisticsApiTest extends IntegrationTest {

    /** One person as the test recorded them: categories, and the local days custody began and ended. */
    record Held(String sex, String ageGroup, String country, String legalStatus, LocalDate admitted, LocalDate left,
                String leftBy) {
    }

    private OversightFixtures.Facility facility;
    private final List<Held> held = new ArrayList<>();

    // Once for the class (the base's server address is set before each test, so not in a @BeforeAll).
    @BeforeEach
    void recordFourPeople() {
        if (facility != null) {
            return;
        }
        ZoneId zone = OversightFixtures.zoneNearNoon();
        facility = aFacility(as(Role.DIRECTOR), zone, 2, 2, 4, 6, 100);
        String code = facility.code();
        // Yesterday, local time: three admissions and a release; today an admission and a death.
        Instant a = facility.hoursAgo(23), b = facility.hoursAgo(22), c = facility.hoursAgo(21);
        Instant bLeaves = facility.hoursAgo(20), cDies = facility.hoursAgo(2), d = facility.hoursAgo(1);
        LocalDate today = facility.today();
        LocalDate yesterday = today.minusDays(1);
        assertThat(a.atZone(zone).toLocalDate()).as("the zone puts 23 hours ago on yesterday").isEqualTo(yesterday);
        assertThat(bLeaves.atZone(zone).toLocalDate()).isEqualTo(yesterday);
        assertThat(cDies.atZone(zone).toLocalDate()).isEqualTo(today);

        UUID personA = aPerson(as(Role.INTAKE), code, "MALE", "1990-05-01", "SV");
        admit(as(Role.INTAKE), personA, code, "PRE_TRIAL", a);
        place(as(Role.HOUSING), personA, facility.cells().get(0), a.plusSeconds(60));
        held.add(new Held("MALE", "25_39", "SV", "PRE_TRIAL", yesterday, null, null));

        UUID personB = aPerson(as(Role.INTAKE), code, "FEMALE", "1950-01-01", "GT");
        admit(as(Role.INTAKE), personB, code, "IMMIGRATION", b);
        release(as(Role.HOUSING), personB, bLeaves);
        held.add(new Held("FEMALE", "60_PLUS", "GT", "IMMIGRATION", yesterday, yesterday, "RELEASED"));

        UUID personC = aPerson(as(Role.INTAKE), code, "MALE", "2001-01-01", "SV");
        admit(as(Role.INTAKE), personC, code, "SENTENCED", c);
        place(as(Role.HOUSING), personC, facility.cells().get(1), c.plusSeconds(60));
        die(as(Role.HOUSING), personC, cDies);
        held.add(new Held("MALE", "25_39", "SV", "SENTENCED", yesterday, today, "DIED"));

        UUID personD = aPerson(as(Role.INTAKE), code, "FEMALE", "1995-07-15", "SV");
        admit(as(Role.INTAKE), personD, code, "PRE_TRIAL", d);
        held.add(new Held("FEMALE", "25_39", "SV", "PRE_TRIAL", today, null, null));
    }

    /** The test's own count: per day and category, on the roll at the end of the day, admitted, released, died. */
    private Map<String, long[]> expected(Function<Held, String> category, LocalDate from, LocalDate to) {
        Map<String, long[]> figures = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Held h : held) {
                if (h.admitted().isAfter(day) && h.left() == null) {
                    continue;
                }
                boolean onRollAtEnd = !h.admitted().isAfter(day) && (h.left() == null || h.left().isAfter(day));
                boolean admittedToday = h.admitted().equals(day);
                boolean leftToday = day.equals(h.left());
                if (!onRollAtEnd && !admittedToday && !leftToday && h.admitted().isAfter(day)) {
                    continue;
                }
                long[] f = figures.computeIfAbsent(day + " " + category.apply(h), k -> new long[4]);
                f[0] += onRollAtEnd ? 1 : 0;
                f[1] += admittedToday ? 1 : 0;
                f[2] += leftToday && "RELEASED".equals(h.leftBy()) ? 1 : 0;
                f[3] += leftToday && "DIED".equals(h.leftBy()) ? 1 : 0;
            }
        }
        figures.values().removeIf(f -> f[0] == 0 && f[1] == 0 && f[2] == 0 && f[3] == 0);
        return figures;
    }

    private Map<String, long[]> answered(JsonNode report) {
        Map<String, long[]> figures = new TreeMap<>();
        for (JsonNode row : report.path("rows")) {
            long[] f = {row.path("population").asLong(), row.path("admissions").asLong(),
                    row.path("releases").asLong(), row.path("deaths").asLong()};
            if (f[0] != 0 || f[1] != 0 || f[2] != 0 || f[3] != 0) {
                figures.put(row.path("day").asString() + " " + row.path("category").asString(), f);
            }
        }
        return figures;
    }

    private void assertSame(Map<String, long[]> answered, Map<String, long[]> expected) {
        assertThat(answered.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, f) -> assertThat(answered.get(key)).as(key).containsExactly(f));
    }

    private JsonNode report(String query) {
        return as(Role.INSPECTOR).get("/api/statistics/population?facility=" + facility.code() + query).expect(200)
                .json();
    }

    @Test
    void theDailyTotalsAreThoseOfTheLedger() {
        LocalDate from = facility.today().minusDays(3);
        JsonNode report = report("&from=" + from + "&to=" + facility.today());
        assertThat(report.path("by").asString()).isEqualTo("ALL");
        assertThat(report.path("rows")).hasSize(4);
        assertSame(answered(report), expected(h -> "ALL", from, facility.today()));
        JsonNode yesterday = report.path("rows").get(2);
        assertThat(yesterday.path("population").asLong()).isEqualTo(2);
        assertThat(yesterday.path("admissions").asLong()).isEqualTo(3);
        assertThat(yesterday.path("releases").asLong()).isEqualTo(1);
        JsonNode today = report.path("rows").get(3);
        assertThat(today.path("population").asLong()).isEqualTo(2);
        assertThat(today.path("admissions").asLong()).isEqualTo(1);
        assertThat(today.path("deaths").asLong()).isEqualTo(1);
    }

    @Test
    void eachCategoryCountsAsTheTestDoes() {
        LocalDate from = facility.today().minusDays(2);
        LocalDate to = facility.today();
        assertSame(answered(report("&from=" + from + "&by=sex")), expected(Held::sex, from, to));
        assertSame(answered(report("&from=" + from + "&by=ageGroup")), expected(Held::ageGroup, from, to));
        assertSame(answered(report("&from=" + from + "&by=nationality")), expected(Held::country, from, to));
        assertSame(answered(report("&from=" + from + "&by=legalStatus")), expected(Held::legalStatus, from, to));
    }

    @Test
    void aPastRangeEndsWhereItSays() {
        LocalDate yesterday = facility.today().minusDays(1);
        JsonNode report = report("&from=" + yesterday + "&to=" + yesterday + "&by=legalStatus");
        assertSame(answered(report), expected(Held::legalStatus, yesterday, yesterday));
        assertThat(answered(report)).containsKeys(yesterday + " SENTENCED").doesNotContainKey(yesterday + " ALL");
    }

    @Test
    void theCsvCarriesTheSameFigures() {
        LocalDate from = facility.today().minusDays(2);
        var director = anonymous().basic(newUser(Role.DIRECTOR).username(), PASSWORD_OF_TEST_USERS)
                .header("Accept", "text/csv");
        var answer = director.get("/api/statistics/population?facility=" + facility.code() + "&from=" + from
                + "&by=sex").expect(200);
        assertThat(answer.header("Content-Type")).startsWith("text/csv");
        String csv = answer.body();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("day,category,population,admissions,transfers_in,transfers_out,releases,"
                + "removals,handovers,deaths,escapes");
        Map<String, long[]> figures = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            long[] counts = {Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[6]), Long.parseLong(f[9])};
            if (counts[0] != 0 || counts[1] != 0 || counts[2] != 0 || counts[3] != 0) {
                figures.put(f[0] + " " + f[1], counts);
            }
        }
        assertSame(figures, expected(Held::sex, from, facility.today()));
    }

    @Test
    void theEstateAddsItsFacilities() {
        LocalDate today = facility.today();
        // A director sees every facility: the estate's today has at least this facility's people on the roll.
        JsonNode estate = as(Role.DIRECTOR).get("/api/statistics/population?from=" + today.minusDays(1) + "&to="
                + today.minusDays(1)).expect(200).json();
        assertThat(estate.path("facility").isNull()).isTrue();
        assertThat(estate.path("rows").get(0).path("population").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badRangesAndCategoriesAreRefusedWithTheirCodes() {
        LocalDate today = facility.today();
        String base = "/api/statistics/population?facility=" + facility.code();
        as(Role.INSPECTOR).get(base + "&from=" + today + "&to=" + today.minusDays(1)).expect(400)
                .code("STATISTICS_RANGE_INVALID").field("from");
        as(Role.INSPECTOR).get(base + "&from=" + today.minusDays(800) + "&to=" + today).expect(400)
                .code("STATISTICS_RANGE_INVALID");
        as(Role.INSPECTOR).get(base + "&to=" + today.plusDays(2)).expect(400).code("STATISTICS_RANGE_INVALID")
                .field("to");
        as(Role.INSPECTOR).get(base + "&by=colour").expect(400).code("STATISTICS_CATEGORY_UNKNOWN").field("by");
        as(Role.INSPECTOR).get(base + "&from=yesterday").expect(400);
        as(Role.INSPECTOR).get("/api/statistics/population?facility=NOPE-" + UUID.randomUUID().toString()
                .substring(0, 6).toUpperCase()).expect(404).code("FACILITY_NOT_FOUND");
    }

    @Test
    void onlyDirectorsAndInspectorsReadStatistics() {
        for (Role role : List.of(Role.INTAKE, Role.HOUSING, Role.LEGAL, Role.SUPERVISOR, Role.ADMIN, Role.AGENCY,
                Role.REPRESENTATIVE)) {
            as(role).get("/api/statistics/population?facility=" + facility.code()).expect(403);
        }
        anonymous().get("/api/statistics/population").expect(401);
    }
}

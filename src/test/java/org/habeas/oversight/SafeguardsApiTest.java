package org.habeas.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.habeas.oversight.OversightFixtures.aFacility;
import static org.habeas.oversight.OversightFixtures.aPerson;
import static org.habeas.oversight.OversightFixtures.admit;
import static org.habeas.oversight.OversightFixtures.die;
import static org.habeas.oversight.OversightFixtures.place;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The safeguards overdue (REQ-02, REQ-13, REQ-22, REQ-26, REQ-28, REQ-30, REQ-45): one facility made to fail each
 * safeguard through the API, and each list checked for exactly what was done, with its link to the record.
 */
class SafeguardsApiTest extends IntegrationTest {

    private final ZoneId zone = ZoneId.of("America/El_Salvador");

    private JsonNode section(JsonNode safeguards, String code) {
        for (JsonNode f : safeguards.path("facilities")) {
            if (f.path("facility").asString().equals(code)) {
                return f;
            }
        }
        return null;
    }

    @Test
    void eachFailingSafeguardIsListedOnceWithItsLink() {
        // Cell 1: 20 m² (ICRC 5 places), operational 4 raised to 5 by an override.
        var facility = aFacility(as(Role.DIRECTOR), zone, 2, 2, 4, 6, 20);
        String code = facility.code();
        UUID cell1 = facility.cells().get(0);
        Instant now = Instant.now();

        JsonNode clean = as(Role.INSPECTOR).get("/api/estate/safeguards?facility=" + code).expect(200).json();
        assertThat(section(clean, code).path("total").asLong()).isZero();

        // Five men in cell 1 under the override: above operational capacity (4), at the ICRC figure (5).
        as(Role.DIRECTOR).post("/api/facilities/" + code + "/locations/" + cell1 + "/overrides", Map.of("capacity", 5,
                "reason", "transfer backlog", "expiresAt", now.plus(Duration.ofDays(1)).toString())).expect(201);
        UUID[] men = new UUID[5];
        for (int i = 0; i < 5; i++) {
            men[i] = aPerson(as(Role.INTAKE), code, "MALE", "1980-01-0" + (i + 1), "SV");
            admit(as(Role.INTAKE), men[i], code, "PRE_TRIAL", now.minusSeconds(600 - i));
            place(as(Role.HOUSING), men[i], cell1, now.minusSeconds(300 - i));
        }
        // The cell re-measured at 10 m² (ICRC 2 places): now above its area-based capacity as well.
        as(Role.DIRECTOR).patch("/api/facilities/" + code + "/locations/" + cell1, Map.of("floorAreaM2", 10,
                "reason", "re-measured by the inspectorate")).expect(200);
        // Two of them must be kept apart within the cell.
        String apart = as(Role.HOUSING).post("/api/non-associations", Map.of("personA", men[0].toString(), "personB",
                men[1].toString(), "scope", "CELL", "reason", "threats", "source", "incident report 7"))
                .expect(201).json().path("id").asString();
        // The module designated for women with the men in it: a separation breach in cell 1.
        UUID module = null;
        for (JsonNode l : as(Role.DIRECTOR).get("/api/facilities/" + code + "/locations").expect(200).json()) {
            if (l.path("kind").asString().equals("MODULE")) {
                module = UUID.fromString(l.path("id").asString());
            }
        }
        Map<String, Object> women = new HashMap<>();
        women.put("sex", "FEMALE");
        women.put("reason", "women's module from January");
        as(Role.DIRECTOR).put("/api/facilities/" + code + "/locations/" + module + "/separation", women).expect(200);
        // A detention past its review date.
        LocalDate today = LocalDate.now(zone);
        Map<String, Object> renewal = new LinkedHashMap<>();
        renewal.put("type", "DETENTION_RENEWAL");
        renewal.put("issuedBy", "Juzgado Especializado de Instrucción");
        renewal.put("issuedOn", today.minusDays(40).toString());
        renewal.put("documentReference", "JEI-" + UUID.randomUUID().toString().substring(0, 8));
        renewal.put("reviewDue", today.minusDays(10).toString());
        as(Role.LEGAL).post("/api/people/" + men[2] + "/authorities", renewal).expect(201);
        // An open return case for one of them.
        String returnCase = as(Role.LEGAL).post("/api/return-cases", Map.of("personId", men[3].toString(),
                "country", "SV", "grounds", "Removed in breach of an order; the court orders the return facilitated."))
                .expect(201).json().path("id").asString();
        // A death in reception and a serious injury, neither reported yet; a notification duty overdue.
        UUID dead = aPerson(as(Role.INTAKE), code, "MALE", "1970-03-03", "SV");
        admit(as(Role.INTAKE), dead, code, "PRE_TRIAL", now.minusSeconds(900));
        UUID death = die(as(Role.HOUSING), dead, now.minusSeconds(700));
        String injury = as(Role.HOUSING).post("/api/incidents/serious-injuries", Map.of("personId", men[4].toString(),
                "occurredAt", now.minusSeconds(120).toString(), "description", "fractured wrist in the yard"))
                .expect(201).json().path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> as(Role.HOUSING)
                .get("/api/notifications?facility=" + code).expect(200).json().size() >= 5);
        as(Role.HOUSING).post("/api/people/" + men[4] + "/health-reports", Map.of("occasion", "INJURY",
                "at", now.minus(Duration.ofHours(13)).toString())).expect(201);

        JsonNode all = as(Role.INSPECTOR).get("/api/estate/safeguards?facility=" + code).expect(200).json();
        JsonNode s = section(all, code);
        assertThat(all.path("authoritiesDue").path("listed").asInt()).isPositive();
        assertThat(all.path("authoritiesDue").path("inScope").asInt())
                .isGreaterThanOrEqualTo(all.path("authoritiesDue").path("listed").asInt());
        assertThat(all.path("authoritiesDue").path("link").asString()).isEqualTo("/legal/authorities-due");

        assertThat(s.path("authorities")).hasSize(1);
        assertThat(s.path("authorities").get(0).path("person").asString()).isEqualTo(men[2].toString());
        assertThat(s.path("authorities").get(0).path("standing").asString()).isEqualTo("REVIEW_OVERDUE");
        assertThat(s.path("authorities").get(0).path("link").asString()).isEqualTo("/people/" + men[2] + "/authorities");

        assertThat(s.path("cellsAboveCapacity")).hasSize(1);
        JsonNode cell = s.path("cellsAboveCapacity").get(0);
        assertThat(cell.path("path").asString()).isEqualTo(code + "-M1-C01");
        assertThat(cell.path("population").asInt()).isEqualTo(5);
        assertThat(cell.path("operational").asInt()).isEqualTo(4);
        assertThat(cell.path("limitInForce").asInt()).isEqualTo(5);
        assertThat(cell.path("icrcPlaces").asInt()).isEqualTo(2);   // floor(10 / 3.4)
        assertThat(cell.path("aboveOperational").asBoolean()).isTrue();
        assertThat(cell.path("aboveIcrc").asBoolean()).isTrue();
        assertThat(cell.path("link").asString()).isEqualTo("/estate/" + code + "/locations/" + cell1);

        assertThat(s.path("separationBreaches")).hasSize(1);
        assertThat(s.path("separationBreaches").get(0).path("path").asString()).isEqualTo(code + "-M1-C01");
        assertThat(s.path("separationBreaches").get(0).path("people").asInt()).isEqualTo(5);

        assertThat(s.path("heldTogether")).hasSize(1);
        JsonNode together = s.path("heldTogether").get(0);
        assertThat(together.path("record").asString()).isEqualTo(apart);
        assertThat(together.path("unit").asString()).isEqualTo(code + "-M1-C01");
        assertThat(Set.of(together.path("personA").asString(), together.path("personB").asString()))
                .containsExactlyInAnyOrder(men[0].toString(), men[1].toString());

        assertThat(s.path("notificationsOverdue").path("overdue").asLong()).isEqualTo(1);
        assertThat(s.path("returnCases")).hasSize(1);
        assertThat(s.path("returnCases").get(0).path("id").asString()).isEqualTo(returnCase);
        assertThat(s.path("returnCases").get(0).path("link").asString()).isEqualTo("/legal/return-cases/" + returnCase);

        assertThat(s.path("unreportedIncidents").valueStream().map(i -> i.path("kind").asString() + " "
                + i.path("id").asString()).toList())
                .containsExactlyInAnyOrder("DEATH " + death, "SERIOUS_INJURY " + injury);
        assertThat(s.path("total").asLong()).isEqualTo(1 + 1 + 1 + 1 + 1 + 1 + 2);

        // Reported, the death leaves the list, and a second report of it is refused.
        Map<String, Object> report = Map.of("authority", "Fiscalía General de la República", "reference",
                "FGR-2026-0042", "reportedOn", today.toString());
        JsonNode reported = as(Role.DIRECTOR).post("/api/incidents/" + death + "/report", report).expect(200).json();
        assertThat(reported.path("report").path("reference").asString()).isEqualTo("FGR-2026-0042");
        as(Role.SUPERVISOR).post("/api/incidents/" + death + "/report", report).expect(409)
                .code("INCIDENT_ALREADY_REPORTED");
        JsonNode after = section(as(Role.DIRECTOR).get("/api/estate/safeguards?facility=" + code).expect(200).json(),
                code);
        assertThat(after.path("unreportedIncidents")).hasSize(1);
        assertThat(after.path("unreportedIncidents").get(0).path("kind").asString()).isEqualTo("SERIOUS_INJURY");
    }

    @Test
    void aNonAssociationAtFacilityScopeHeldTogetherIsNamedByItsFacility() {   // REQ-22
        var facility = aFacility(as(Role.DIRECTOR), zone, 2, 2, 4, 6, 20);
        String code = facility.code();
        Instant now = Instant.now();
        UUID[] two = new UUID[2];
        for (int i = 0; i < 2; i++) {
            two[i] = aPerson(as(Role.INTAKE), code, "MALE", "1981-01-0" + (i + 1), "SV");
            admit(as(Role.INTAKE), two[i], code, "PRE_TRIAL", now.minusSeconds(600 - i));
            place(as(Role.HOUSING), two[i], facility.cells().get(i), now.minusSeconds(300 - i));
        }
        as(Role.HOUSING).post("/api/non-associations", Map.of("personA", two[0].toString(), "personB",
                two[1].toString(), "scope", "FACILITY", "reason", "witness and accused", "source", "court order"))
                .expect(201);
        // Every facility, as the estate-wide list reads them, and this one.
        as(Role.DIRECTOR).get("/api/estate/safeguards").expect(200);
        JsonNode s = section(as(Role.DIRECTOR).get("/api/estate/safeguards?facility=" + code).expect(200).json(), code);
        assertThat(s.path("heldTogether")).hasSize(1);
        assertThat(s.path("heldTogether").get(0).path("scope").asString()).isEqualTo("FACILITY");
        assertThat(s.path("heldTogether").get(0).path("unit").asString()).isEqualTo(code);
    }

    @Test
    void aScopedInspectorSeesOnlyTheirFacilitiesAndTheWrongRolesAreRefused() {
        var mine = aFacility(as(Role.DIRECTOR), zone, 1, 2, 4, 6, 20);
        var other = aFacility(as(Role.DIRECTOR), zone, 1, 2, 4, 6, 20);
        String username = "scoped-" + UUID.randomUUID().toString().substring(0, 8);
        access.createUser(new NewUser(username, "Scoped " + username, PASSWORD_OF_TEST_USERS, Set.of(Role.INSPECTOR),
                Set.of(mine.code())));
        var inspector = anonymous().basic(username, PASSWORD_OF_TEST_USERS);
        JsonNode all = inspector.get("/api/estate/safeguards").expect(200).json();
        assertThat(all.path("facilities").valueStream().map(f -> f.path("facility").asString()).toList())
                .containsExactly(mine.code());
        assertThat(all.path("authoritiesDue").path("inScope").asInt()).isZero();
        assertThat(all.path("authoritiesDue").path("truncated").asBoolean()).isFalse();
        inspector.get("/api/estate/safeguards?facility=" + other.code()).expect(404).code("FACILITY_NOT_FOUND");
        for (Role role : List.of(Role.INTAKE, Role.HOUSING, Role.LEGAL, Role.SUPERVISOR, Role.ADMIN, Role.AGENCY,
                Role.REPRESENTATIVE)) {
            as(role).get("/api/estate/safeguards").expect(403);
            as(role).get("/api/estate").expect(403);
        }
    }

    @Test
    void incidentsAreRecordedAndReportedOnlyByTheirRolesAndBadReportsAreRefused() {
        var facility = aFacility(as(Role.DIRECTOR), zone, 1, 2, 4, 6, 20);
        UUID person = aPerson(as(Role.INTAKE), facility.code(), "FEMALE", "1991-02-02", "SV");
        admit(as(Role.INTAKE), person, facility.code(), "PRE_TRIAL", Instant.now().minusSeconds(60));
        Map<String, Object> injury = Map.of("personId", person.toString(), "occurredAt",
                Instant.now().minusSeconds(30).toString(), "description", "burns to the left hand");
        for (Role role : List.of(Role.INTAKE, Role.LEGAL, Role.INSPECTOR, Role.AGENCY)) {
            as(role).post("/api/incidents/serious-injuries", injury).expect(403);
        }
        as(Role.HOUSING).post("/api/incidents/serious-injuries", Map.of("personId", person.toString(),
                "occurredAt", Instant.now().plusSeconds(3600).toString(), "description", "x")).expect(400)
                .field("occurredAt");
        as(Role.HOUSING).post("/api/incidents/serious-injuries", Map.of("personId", UUID.randomUUID().toString(),
                "occurredAt", Instant.now().minusSeconds(30).toString(), "description", "x")).expect(409)
                .code("NOT_IN_CUSTODY");
        String id = as(Role.SUPERVISOR).post("/api/incidents/serious-injuries", injury).expect(201).json().path("id")
                .asString();
        // The description is medical: not shown without the MEDICAL permission (REQ-14).
        assertThat(as(Role.DIRECTOR).get("/api/incidents/" + id).expect(200).json().path("description").isNull())
                .isTrue();
        for (Role role : List.of(Role.HOUSING, Role.INTAKE, Role.LEGAL, Role.AGENCY, Role.REPRESENTATIVE)) {
            as(role).get("/api/incidents/" + id).expect(403);
        }
        LocalDate today = LocalDate.now(zone);
        Map<String, Object> report = new HashMap<>(Map.of("authority", "Procuraduría para la Defensa de los Derechos"
                + " Humanos", "reference", "PDDH-77", "reportedOn", today.toString()));
        for (Role role : List.of(Role.INTAKE, Role.HOUSING, Role.INSPECTOR, Role.LEGAL)) {
            as(role).post("/api/incidents/" + id + "/report", report).expect(403);
        }
        report.put("reportedOn", today.minusDays(3).toString());
        as(Role.DIRECTOR).post("/api/incidents/" + id + "/report", report).expect(400).field("reportedOn");
        report.remove("reference");
        report.put("reportedOn", today.toString());
        as(Role.DIRECTOR).post("/api/incidents/" + id + "/report", report).expect(400).field("reference");
        as(Role.DIRECTOR).post("/api/incidents/" + UUID.randomUUID() + "/report", Map.of("authority", "PDDH",
                "reference", "PDDH-1", "reportedOn", today.toString())).expect(404).code("INCIDENT_NOT_FOUND");
        assertThat(as(Role.INSPECTOR).get("/api/incidents?facility=" + facility.code() + "&unreported=true")
                .expect(200).json()).hasSize(1);
        as(Role.HOUSING).get("/api/incidents").expect(403);
    }
}

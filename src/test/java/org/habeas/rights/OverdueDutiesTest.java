package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.habeas.rights.RightsFixtures.aFacility;
import static org.habeas.rights.RightsFixtures.aPerson;
import static org.habeas.rights.RightsFixtures.admit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Overdue duties per facility (REQ-30): on the dashboard, in the inspector's report and its API, within scope. */
class OverdueDutiesTest extends IntegrationTest {

    @Test
    void anOverdueDutyShowsOnTheDashboardAndInTheInspectorsReportWithinScope() {
        String facility = aFacility(as(Role.DIRECTOR));
        UUID person = aPerson(as(Role.INTAKE), facility, "SV");
        admit(as(Role.INTAKE), person, facility);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(Role.HOUSING)
                .get("/api/notifications?facility=" + facility).expect(200).json().size() == 1);
        // An injury must be told within 12 hours: reported 13 hours after it, the duty is overdue at once.
        as(Role.HOUSING).post("/api/people/" + person + "/health-reports", Map.of("occasion", "INJURY",
                "at", Instant.now().minus(Duration.ofHours(13)).toString())).expect(201);

        JsonNode row = rowOf(as(Role.INSPECTOR).get("/api/notifications/overdue").expect(200).json(), facility);
        assertThat(row).isNotNull();
        assertThat(row.path("overdue").asLong()).isEqualTo(1);
        assertThat(row.path("toFamily").asLong()).isEqualTo(1);
        assertThat(row.path("facilityName").asString()).isEqualTo("Centro de prueba " + facility);

        String elsewhere = aFacility(as(Role.DIRECTOR));
        String username = "scoped-" + UUID.randomUUID().toString().substring(0, 8);
        access.createUser(new NewUser(username, "Scoped " + username, PASSWORD_OF_TEST_USERS, Set.of(Role.INSPECTOR),
                Set.of(elsewhere)));
        assertThat(rowOf(anonymous().basic(username, PASSWORD_OF_TEST_USERS).get("/api/notifications/overdue")
                .expect(200).json(), facility)).isNull();

        PageSession housing = new PageSession(baseUrl()).logOn(newUser(Role.HOUSING).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(housing.get("/?lang=en").body()).contains("id=\"home-overdue-" + facility + "\"")
                .contains("Notification duties");
        PageSession inspector = new PageSession(baseUrl()).logOn(newUser(Role.INSPECTOR).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(inspector.get("/notifications/overdue?lang=es").body()).contains("Avisos obligatorios vencidos")
                .contains("id=\"overdue-" + facility + "\"");
    }

    @Test
    void theReportIsRefusedToTheWrongRoles() {
        as(Role.AGENCY).get("/api/notifications/overdue").expect(403);
        as(Role.ADMIN).get("/api/notifications/overdue").expect(403);
        anonymous().get("/api/notifications/overdue").expect(401);
        PageSession admin = new PageSession(baseUrl()).logOn(newUser(Role.ADMIN).username(), PASSWORD_OF_TEST_USERS);
        assertThat(admin.get("/notifications/overdue").statusCode()).isEqualTo(403);
        assertThat(admin.get("/").body()).doesNotContain("id=\"duties-card\"");
    }

    private static JsonNode rowOf(JsonNode rows, String facility) {
        for (JsonNode r : rows) {
            if (r.path("facility").asString().equals(facility)) {
                return r;
            }
        }
        return null;
    }
}

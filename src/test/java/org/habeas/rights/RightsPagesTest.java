package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.habeas.rights.RightsFixtures.aFacility;
import static org.habeas.rights.RightsFixtures.aPerson;
import static org.habeas.rights.RightsFixtures.admit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/** The notification task lists with one-click recording, and the administrators' outbox page. */
class RightsPagesTest extends IntegrationTest {

    private PageSession logOn(Role... roles) {
        return new PageSession(baseUrl()).logOn(newUser(roles).username(), PASSWORD_OF_TEST_USERS);
    }

    @Test
    void anOfficerRecordsADeliveredNotificationInOneClick() {
        String facility = aFacility(as(Role.DIRECTOR));
        UUID person = aPerson(as(Role.INTAKE), facility, "SV");
        admit(as(Role.INTAKE), person, facility);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(Role.HOUSING)
                .get("/api/notifications?facility=" + facility).expect(200).json().size() == 1);
        String task = as(Role.HOUSING).get("/api/notifications?facility=" + facility).expect(200).json().get(0)
                .path("id").asString();

        var housing = logOn(Role.HOUSING);
        assertThat(housing.get("/estate/" + facility + "?lang=en").body()).contains("id=\"facility-notifications\"");
        String page = housing.get("/facilities/" + facility + "/notifications?state=DUE&lang=es").body();
        assertThat(page).contains("task-" + task).contains("Ingreso").contains("Hermana de prueba");
        var answer = housing.post("/facilities/" + facility + "/notifications/" + task + "/attempts",
                Map.of("method", "PHONE", "delivered", "true", "state", "DUE"));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(housing.get("/facilities/" + facility + "/notifications?state=DONE&lang=en").body())
                .contains("task-" + task).contains("Delivered");
        var again = housing.post("/facilities/" + facility + "/notifications/" + task + "/attempts",
                Map.of("method", "PHONE", "delivered", "true", "state", "DONE"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(housing.get("/facilities/" + facility + "/notifications?state=DONE&lang=en").body())
                .contains("already closed");
    }

    @Test
    void theListIsRefusedToTheWrongRoles() {
        String facility = aFacility(as(Role.DIRECTOR));
        assertThat(logOn(Role.AGENCY).get("/facilities/" + facility + "/notifications").statusCode()).isEqualTo(403);
        assertThat(logOn(Role.ADMIN).get("/facilities/" + facility + "/notifications").statusCode()).isEqualTo(403);
    }

    @Test
    void aFacilityThatIsNotThereIsTheErrorPageWithItsStatusNotA500() {
        var page = logOn(Role.HOUSING).get("/facilities/NO-SUCH-" + UUID.randomUUID().toString().substring(0, 6)
                + "/notifications?lang=en");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Notification duties in");
    }

    @Test
    void theOutboxPageIsForAdministratorsOnly() {
        assertThat(logOn(Role.HOUSING, Role.SUPERVISOR).get("/admin/events").statusCode()).isEqualTo(403);
        var admin = logOn(Role.ADMIN);
        var page = admin.get("/admin/events?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Incomplete event publications", "id=\"nav-events\"");
        var refused = admin.post("/admin/events/" + UUID.randomUUID() + "/resubmit", Map.of());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/events?lang=es").body()).contains("ya no está incompleta");
    }
}

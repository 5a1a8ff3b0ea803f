package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.rights.RightsFixtures.aFacility;
import static org.habeas.rights.RightsFixtures.aPerson;
import static org.habeas.rights.RightsFixtures.admit;

import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consular tab (REQ-32 to REQ-34): the facts and the notifications on one page; a notification to the country of
 * a fear claim is held, and a legal officer decides it there with a reason; the wrong roles are refused.
 */
class ConsularPagesTest extends IntegrationTest {

    private String facility;
    private UUID person;

    @BeforeEach
    void aVenezuelanAdmitted() {
        facility = aFacility(as(Role.DIRECTOR));
        person = aPerson(as(Role.INTAKE), facility, "VE");
        admit(as(Role.INTAKE), person, facility);
    }

    private PageSession logOn(Role role) {
        return new PageSession(baseUrl()).logOn(newUser(role).username(), PASSWORD_OF_TEST_USERS);
    }

    private String tab() {
        return "/people/" + person + "/consular";
    }

    @Test
    void intakeRecordsTheFactsAndANotificationThatIsHeldAndALegalOfficerWithdrawsIt() {
        as(Role.LEGAL).post("/api/people/" + person + "/legal/fear-claims", Map.of("country", "VE",
                "summary", "persecuted by the security services")).expect(201);
        PageSession intake = logOn(Role.INTAKE);
        assertThat(intake.get("/people/" + person + "?lang=en").body()).contains("id=\"person-consular-link\"");
        assertThat(intake.get(tab() + "?lang=es").body()).contains("Notificación consular")
                .contains("VE (pasaporte)").contains("todavía no");
        assertThat(intake.post(tab() + "/rights-told", Map.of("language", "es")).statusCode()).isEqualTo(302);
        assertThat(intake.get(tab() + "?lang=en").body()).contains("Recorded: the person was told of consular rights.");
        assertThat(intake.post(tab() + "/request", Map.of("requested", "true")).statusCode()).isEqualTo(302);
        assertThat(intake.get(tab()).body()).contains("id=\"consular-requested\">yes");
        assertThat(intake.post(tab() + "/notifications", Map.of("country", "VE", "post", "", "method", "EMAIL"))
                .statusCode()).isEqualTo(302);
        assertThat(intake.get(tab() + "?lang=en").body()).contains("id=\"consular-refused\"")
                .contains("the consular post");
        intake.post(tab() + "/notifications", Map.of("country", "VE", "post", "Consulado General en San Salvador",
                "method", "EMAIL"));
        String page = intake.get(tab() + "?lang=en").body();
        assertThat(page).contains("The notification is recorded.").contains("Held for review")
                .doesNotContain("id=\"withdraw-");
        UUID held = jdbc.sql("SELECT id FROM consular_notification WHERE person_id = :p").param("p", person)
                .query(UUID.class).single();

        PageSession legal = logOn(Role.LEGAL);
        assertThat(legal.get(tab()).body()).contains("id=\"withdraw-" + held + "\"");
        legal.post(tab() + "/notifications/" + held + "/review", Map.of("send", "false", "reason", ""));
        assertThat(legal.get(tab() + "?lang=en").body()).contains("the reason for the decision");
        legal.post(tab() + "/notifications/" + held + "/review", Map.of("send", "false",
                "reason", "the person's fear claim is pending; the consulate must not be told"));
        assertThat(legal.get(tab() + "?lang=en").body()).contains("The held notification is withdrawn.")
                .contains("id=\"status-" + held + "\">Withdrawn");
        var record = as(Role.INSPECTOR).get("/api/people/" + person + "/consular").expect(200).json();
        assertThat(record.path("rightsToldLanguage").asString()).isEqualTo("es");
        assertThat(record.path("notificationRequested").asBoolean()).isTrue();
    }

    @Test
    void theTabIsRefusedToTheWrongRoles() {
        assertThat(logOn(Role.HOUSING).get(tab()).statusCode()).isEqualTo(403);
        assertThat(logOn(Role.AGENCY).get(tab()).statusCode()).isEqualTo(403);
        PageSession inspector = logOn(Role.INSPECTOR);
        assertThat(inspector.get(tab()).body()).doesNotContain("id=\"notify-form\"");
        assertThat(inspector.post(tab() + "/notifications", Map.of("country", "VE", "post", "x", "method", "EMAIL"))
                .statusCode()).isEqualTo(403);
        assertThat(logOn(Role.INTAKE).get("/people/" + UUID.randomUUID() + "/consular").statusCode()).isEqualTo(404);
        assertThat(logOn(Role.INTAKE).post(tab() + "/notifications/" + UUID.randomUUID() + "/review",
                Map.of("send", "true", "reason", "x")).statusCode()).isEqualTo(403);
    }
}

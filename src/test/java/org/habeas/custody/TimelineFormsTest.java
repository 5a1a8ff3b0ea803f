package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/** The movement forms of the timeline each carry their own time, reason and CSRF fields, labelled in Spanish. */
class TimelineFormsTest extends IntegrationTest {

    @Test
    void eachEndingFormHasItsOwnLabelledTimeAndReason() {
        var intake = as(Role.INTAKE);
        var estate = aFacility(as(Role.DIRECTOR), 1, 1, 1);
        UUID person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        var supervisor = newUser(Role.SUPERVISOR);

        String page = new PageSession(baseUrl()).logOn(supervisor.username(), PASSWORD_OF_TEST_USERS)
                .get("/people/" + person + "/custody?lang=es").body();

        for (String form : new String[] {"release", "other", "death"}) {
            String body = page.substring(page.indexOf("id=\"" + form + "-form\""));
            body = body.substring(0, body.indexOf("</form>"));
            assertThat(body).as(form).contains("<label for=\"" + form + "-at\">Cuándo")
                    .contains("id=\"" + form + "-at\" name=\"occurredAt\"")
                    .contains("<label for=\"" + form + "-reason\">Motivo")
                    .contains("id=\"" + form + "-reason\" name=\"reason\"")
                    .contains("name=\"_csrf\"");
        }
    }
}

package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.access.Role.INTAKE;
import static org.habeas.access.Role.LEGAL;
import static org.habeas.people.People.aPerson;
import static org.habeas.people.People.with;

import java.util.Map;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.junit.jupiter.api.Test;

/** The merge page runs the API's validation: no merge without a reason, none with one too long to journal. */
class MergePageTest extends IntegrationTest {

    @Test
    void aMergeWithoutAReasonOrWithAnOverlongOneIsRefusedAndBothRecordsStay() {
        String survivor = register();
        String duplicate = register();
        var legal = newUser(LEGAL);
        var page = new PageSession(baseUrl()).logOn(legal.username(), PASSWORD_OF_TEST_USERS);

        for (String reason : new String[] {"   ", "r".repeat(2001)}) {
            var answer = page.post("/people/" + survivor + "/merge", Map.of("duplicate", duplicate, "reason", reason));

            assertThat(answer.statusCode()).isEqualTo(302);
            String shown = page.get("/people/" + survivor + "/merge?duplicate=" + duplicate + "&lang=en").body();
            assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/merge?duplicate=");
            assertThat(shown).contains("id=\"merge-refused-fields\"").contains("Check: reason");
            var mergedInto = as(LEGAL).get("/api/people/" + duplicate).expect(200).json().path("mergedInto");
            assertThat(mergedInto.isNull() || mergedInto.isMissingNode()).as("still its own record").isTrue();
        }
    }

    private String register() {
        return as(INTAKE).post("/api/people", with(aPerson(), "newPersonReason", "merge page test")).expect(201)
                .json().path("id").asString();
    }
}

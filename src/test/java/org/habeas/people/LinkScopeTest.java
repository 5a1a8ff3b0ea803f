package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.access.Role.INTAKE;
import static org.habeas.people.People.aPerson;
import static org.habeas.people.People.uniqueName;
import static org.habeas.people.People.with;

import java.util.Set;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.NewUser;
import org.junit.jupiter.api.Test;

/**
 * An intake officer links an arrival to a record held only elsewhere when the arrival's particulars match it, as
 * the duplicate warning showed them; a record's id alone does not bring someone into the officer's scope.
 */
class LinkScopeTest extends IntegrationTest {

    ApiClient intakeOf(String facility) {
        var user = access.createUser(new NewUser("in" + UUID.randomUUID().toString().substring(0, 8), "Intake",
                PASSWORD_OF_TEST_USERS, Set.of(INTAKE), Set.of(facility)));
        return anonymous().basic(user.username(), PASSWORD_OF_TEST_USERS);
    }

    @Test
    void anArrivalMatchingARecordHeldElsewhereIsLinkedButAStrangersIdIsNotEnough() {
        String elsewhere = "LNKE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String here = "LNKH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String given = uniqueName();
        var held = as(INTAKE).post("/api/people", with(aPerson(given, "Portillo", "Sosa", "1979-09-09"), "facility",
                elsewhere)).expect(201).json();
        String id = held.path("id").asString();
        var officer = intakeOf(here);

        officer.post("/api/people", with(with(aPerson(), "facility", here), "linkTo", id)).expect(404)
                .code("PERSON_NOT_FOUND");
        officer.get("/api/people/" + id).expect(404);

        var linked = officer.post("/api/people", with(with(aPerson(given, "Portillo", "Sosa", "1979-09-09"),
                "facility", here), "linkTo", id)).expect(200).json();
        assertThat(linked.path("id").asString()).isEqualTo(id);
        officer.get("/api/people/" + id).expect(200);
    }
}

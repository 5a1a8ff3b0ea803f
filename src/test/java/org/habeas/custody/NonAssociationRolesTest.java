package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;

import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/**
 * Who is kept apart from whom, and why, is confidential (REQ-14): staff who place people and oversight read it; a
 * sending agency and an administrator of accounts do not.
 */
class NonAssociationRolesTest extends IntegrationTest {

    @Test
    void aPersonsNonAssociationsAreRefusedToRolesOutsideCustody() {
        var intake = as(Role.INTAKE);
        String facility = aFacility(as(Role.DIRECTOR), 1, 2, 3).code();
        UUID person = aPerson(intake, facility);
        UUID rival = aPerson(intake, facility);
        as(Role.HOUSING).post("/api/non-associations", Map.of("personA", person, "personB", rival, "scope", "CELL",
                "reason", "threats in the yard", "source", "incident report 3")).expect(201);
        String path = "/api/people/" + person + "/non-associations";

        as(Role.AGENCY).get(path).expect(403).code("FORBIDDEN");
        as(Role.ADMIN).get(path).expect(403).code("FORBIDDEN");
        assertThat(as(Role.INSPECTOR).get(path).expect(200).json().get(0).path("reason").asString())
                .isEqualTo("threats in the yard");
    }
}

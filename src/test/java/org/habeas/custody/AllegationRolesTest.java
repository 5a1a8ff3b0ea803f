package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;

import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who records an alleged affiliation is not who decides it (REQ-22): intake records allegations only. */
class AllegationRolesTest extends IntegrationTest {

    UUID person;

    @BeforeEach
    void aRegisteredPerson() {
        person = aPerson(as(Role.INTAKE), aFacility(as(Role.DIRECTOR), 1, 2, 3).code());
    }

    static Map<String, Object> anAllegation(String status) {
        return Map.of("kind", "GANG_AFFILIATION", "group", "Grupo Norte", "source", "arresting officer's report",
                "status", status);
    }

    @Test
    void anIntakeOfficerCannotRecordAnAllegationAsAlreadyDecided() {
        as(Role.INTAKE).post("/api/people/" + person + "/allegations", anAllegation("ADJUDICATED")).expect(403)
                .code("FORBIDDEN");
        as(Role.INTAKE).post("/api/people/" + person + "/allegations", anAllegation("ADMITTED")).expect(403);
        assertThat(as(Role.LEGAL).get("/api/people/" + person + "/allegations").expect(200).json().size())
                .as("nothing was recorded").isZero();

        assertThat(as(Role.INTAKE).post("/api/people/" + person + "/allegations", anAllegation("ALLEGED"))
                .expect(201).json().path("status").asString()).isEqualTo("ALLEGED");
    }

    @Test
    void aLegalOfficerMayRecordAnAdmission() {
        assertThat(as(Role.LEGAL).post("/api/people/" + person + "/allegations", anAllegation("ADMITTED"))
                .expect(201).json().path("status").asString()).isEqualTo("ADMITTED");
    }
}

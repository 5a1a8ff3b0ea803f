package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.rights.RightsFixtures.aFacility;
import static org.habeas.rights.RightsFixtures.aPerson;

import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/** A merge moves the duplicate's contacts, duties and consular facts to the survivor (people.PersonReferences). */
class RightsMergeTest extends IntegrationTest {

    @Test
    void theDuplicatesContactsAndConsularFactsBecomeTheSurvivors() {
        String facility = aFacility(as(Role.DIRECTOR));
        UUID survivor = aPerson(as(Role.INTAKE), facility, "VE");
        UUID duplicate = aPerson(as(Role.INTAKE), facility, "VE");
        as(Role.INTAKE).post("/api/people/" + duplicate + "/contacts", Map.of("kind", "FAMILY",
                "name", "Madre de prueba")).expect(201);
        as(Role.INTAKE).post("/api/people/" + duplicate + "/consular/rights-told", Map.of("language", "es"))
                .expect(200);
        as(Role.INTAKE).post("/api/people/" + survivor + "/consular/request", Map.of("requested", false))
                .expect(200);

        as(Role.LEGAL).post("/api/people/" + survivor + "/merge", Map.of("duplicate", duplicate.toString(),
                "reason", "same passport")).expect(200);

        assertThat(as(Role.INTAKE).get("/api/people/" + survivor + "/contacts").expect(200).json().get(0)
                .path("name").asString()).isEqualTo("Madre de prueba");
        var record = as(Role.INTAKE).get("/api/people/" + survivor + "/consular").expect(200).json();
        assertThat(record.path("rightsToldLanguage").asString()).isEqualTo("es");
        assertThat(record.path("notificationRequested").asBoolean()).isFalse();
    }
}

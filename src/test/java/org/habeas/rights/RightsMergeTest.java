package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.rights.RightsFixtures.aFacility;
import static org.habeas.rights.RightsFixtures.aPerson;
import static org.habeas.rights.RightsFixtures.admit;

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

    @Test
    void aLocatorRestrictionAndARepresentativeOfTheDuplicateHoldForTheSurvivor() {
        String facility = aFacility(as(Role.DIRECTOR));
        UUID survivor = aPerson(as(Role.INTAKE), facility, "SV");
        admit(as(Role.INTAKE), survivor, facility);
        UUID duplicate = aPerson(as(Role.INTAKE), facility, "SV");
        as(Role.LEGAL).post("/api/people/" + duplicate + "/locator-restrictions", Map.of("ground",
                "protected witness under judicial control", "orderedBy", "Juzgado Primero de Instrucción",
                "reference", "JPI-3/2026")).expect(201);
        var counsel = newUser(Role.REPRESENTATIVE);
        as(Role.LEGAL).post("/api/people/" + duplicate + "/representatives", Map.of("username", counsel.username(),
                "kind", "COUNSEL", "evidence", "power of attorney PA-7")).expect(201);

        as(Role.LEGAL).post("/api/people/" + survivor + "/merge", Map.of("duplicate", duplicate.toString(),
                "reason", "same passport")).expect(200);

        jdbc.sql("DELETE FROM rights_locator_enquiry").update();
        String number = as(Role.INTAKE).get("/api/people/" + survivor).expect(200).json().path("registerNumber")
                .asString();
        assertThat(anonymous().post("/api/locator", Map.of("registerNumber", number)).expect(200).json()
                .path("outcome").asString()).isEqualTo("RESTRICTED");
        assertThat(anonymous().basic(counsel.username(), PASSWORD_OF_TEST_USERS).get("/api/represented/" + survivor)
                .expect(200).json().path("restrictionGround").asString())
                .isEqualTo("protected witness under judicial control");
    }
}

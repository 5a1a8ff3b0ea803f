package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.habeas.rights.RightsFixtures.aPerson;
import static org.habeas.rights.RightsFixtures.admit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A move to hospital opens the duty to tell the family which hospital (REQ-31); a day in court tells nobody. */
class HospitalDutyTest extends IntegrationTest {

    @Test
    void aMoveToHospitalOpensTheFamilysDutyAndACourtDayDoesNot() {
        TestData.Estate estate = TestData.aFacility(as(Role.DIRECTOR), "HOS", 1, 4, 4, 4);
        UUID person = aPerson(as(Role.INTAKE), estate.code(), "SV");
        admit(as(Role.INTAKE), person, estate.code());
        as(Role.HOUSING).post("/api/people/" + person + "/movements", Map.of("type", "PLACED",
                "toLocation", estate.cells().get(0).toString())).expect(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(person).size() == 1);

        as(Role.HOUSING).post("/api/people/" + person + "/movements", Map.of("type", "TEMPORARILY_OUT",
                "destination", "Juzgado de Paz de Tecoluca", "detail", "hearing", "authority", "production order JP-17",
                "particulars",
                Map.of("purpose", "COURT"))).expect(201);
        as(Role.HOUSING).post("/api/people/" + person + "/movements", Map.of("type", "RETURNED")).expect(201);
        as(Role.HOUSING).post("/api/people/" + person + "/movements", Map.of("type", "TEMPORARILY_OUT",
                "destination", "Hospital Nacional Ficticio", "detail", "emergency surgery",
                "authority", "medical referral MR-4", "particulars",
                Map.of("purpose", "HOSPITAL"))).expect(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(person).size() == 2);
        JsonNode hospital = tasks(person).get(1);
        assertThat(hospital.path("occasion").asString()).isEqualTo("HOSPITAL");
        assertThat(hospital.path("recipient").asString()).isEqualTo("FAMILY");
        assertThat(hospital.path("contactName").asString()).isEqualTo("Hermana de prueba");
        assertThat(hospital.path("notice").path("hospital").asString()).isEqualTo("Hospital Nacional Ficticio");
        assertThat(hospital.path("notice").toString()).doesNotContain("surgery");
    }

    private JsonNode tasks(UUID person) {
        return as(Role.INSPECTOR).get("/api/people/" + person + "/notifications").expect(200).json();
    }
}

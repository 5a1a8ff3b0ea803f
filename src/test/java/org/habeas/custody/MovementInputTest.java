package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aMove;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Movement particulars of the wrong shape are a 400 naming the field, never a 500, and nothing is recorded. */
@DisplayName("movement particulars of the wrong shape")
class MovementInputTest extends IntegrationTest {

    ApiClient housing;
    UUID person;

    @BeforeEach
    void anAdmittedPerson() {
        var estate = aFacility(as(Role.DIRECTOR), 1, 2, 3);
        person = aPerson(as(Role.INTAKE), estate.code());
        as(Role.INTAKE).post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        housing = as(Role.HOUSING);
    }

    @Test
    void whoCheckedTheIdentityMustBeANameNotANumber() {   // REQ-39
        var release = new HashMap<>(aMove("RELEASED"));
        release.put("destination", "his sister, at the gate");
        release.put("authority", "Juzgado de Paz de Tecoluca");
        release.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", 42));
        housing.post("/api/people/" + person + "/movements", release).expect(400).code("VALIDATION_FAILED")
                .field("particulars.identityCheckedBy");
        assertThat(housing.get("/api/people/" + person + "/whereabouts").expect(200).json().path("kind").asString())
                .isEqualTo("RECEPTION");
    }

    @Test
    void aNullParticularIsAMissingOne() {   // REQ-12f, REQ-13
        var death = new HashMap<>(aMove("DIED"));
        var particulars = new HashMap<String, Object>();
        particulars.put("circumstances", "found unresponsive at the 05:00 count");
        particulars.put("cause", null);
        particulars.put("remainsDestination", "Instituto de Medicina Legal");
        particulars.put("authorityNotified", "Procuraduría para la Defensa de los Derechos Humanos");
        death.put("particulars", particulars);
        housing.post("/api/people/" + person + "/movements", death).expect(400).code("VALIDATION_FAILED")
                .field("particulars.cause");
        assertThat(housing.get("/api/people/" + person + "/whereabouts").expect(200).json().path("kind").asString())
                .isEqualTo("RECEPTION");
    }
}

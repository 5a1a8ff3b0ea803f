package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.custody.roll.RollCall;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A roll checkpoint asked for twice at an instant finer than the database's microseconds is stored once: the second
 * request finds the first (it used to add the same counts again, doubling the roll at and after that instant).
 */
class RollCheckpointTwiceTest extends IntegrationTest {

    @Autowired
    RollCall rollCall;

    @Test
    void aCheckpointAtAnInstantWithNanosecondsIsCountedOnce() {
        ApiClient intake = as(Role.INTAKE);
        String code = aFacility(as(Role.DIRECTOR), 1, 2, 2).code();
        UUID person = aPerson(intake, code);
        var admission = new HashMap<>(anAdmission(code));
        admission.put("admittedAt", Instant.now().minus(Duration.ofHours(2)).toString());
        admission.put("reason", "register copied late");
        intake.post("/api/people/" + person + "/custody", admission).expect(201);

        Instant at = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).plusNanos(666_666_666);
        rollCall.checkpoint(at);
        rollCall.checkpoint(at);
        for (Instant sample : new Instant[] {at, at.plusSeconds(1)}) {
            assertThat(as(Role.HOUSING).get("/api/facilities/" + code + "/roll?at=" + sample).expect(200).json()
                    .path("totals").path("inReception").asInt()).as("in reception at %s", sample).isOne();
        }
    }
}

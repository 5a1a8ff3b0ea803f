package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.custody.roll.internal.ConsistencyCheckCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The consistency check as a command: exit 0 and CONSISTENT on a clean database, 1 naming the difference if not. */
class ConsistencyCheckCommandTest extends IntegrationTest {

    @Autowired
    ConsistencyCheckCommand command;

    @Test
    void exitsZeroWhenTheProjectionEqualsTheLedgerAndOneWhenItDoesNot() {
        var estate = aFacility(as(Role.DIRECTOR), 2, 4, 4);
        var intake = as(Role.INTAKE);
        UUID person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        as(Role.HOUSING).post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(0))).expect(201);

        var clean = new ByteArrayOutputStream();
        assertThat(command.execute(new PrintStream(clean, true, StandardCharsets.UTF_8)))
                .as(clean.toString(StandardCharsets.UTF_8)).isEqualTo(ConsistencyCheckCommand.CONSISTENT);
        assertThat(clean.toString(StandardCharsets.UTF_8)).contains("CONSISTENT").doesNotContain("DIFFERENCE");

        // Someone changed the stored occupancy behind the application's back: the cell now claims two people.
        jdbc.sql("UPDATE location SET population = population + 1 WHERE id = :cell")
                .param("cell", estate.cells().get(0)).update();
        try {
            var broken = new ByteArrayOutputStream();
            assertThat(command.execute(new PrintStream(broken, true, StandardCharsets.UTF_8)))
                    .isEqualTo(ConsistencyCheckCommand.DIFFERENCES_FOUND);
            assertThat(broken.toString(StandardCharsets.UTF_8)).contains("INCONSISTENT")
                    .contains("DIFFERENCE location " + estate.code() + "-M1-C01: occupancy 2, people in it 1");
        } finally {
            jdbc.sql("UPDATE location SET population = population - 1 WHERE id = :cell")
                    .param("cell", estate.cells().get(0)).update();
        }
        assertThat(command.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isEqualTo(ConsistencyCheckCommand.CONSISTENT);
    }
}

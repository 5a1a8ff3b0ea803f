package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/**
 * The override queue shows a request of this facility as its officers read the rest of the register: times in the
 * facility's time zone (docs/architecture.md, Pages) and the cell by its path, not a key of ids.
 */
class OverrideQueuePagesTest extends IntegrationTest {

    @Test
    void aPlacementOverrideShowsTheCellAndTheFacilitysLocalTimes() {
        var intake = as(Role.INTAKE);
        var estate = aFacility(as(Role.DIRECTOR), 1, 2, 3);   // America/El_Salvador, UTC-6
        UUID person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        UUID cell = estate.cells().get(0);
        Instant expires = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        var movement = Map.of("personId", person.toString(), "action", "PLACEMENT", "facility", estate.code(),
                "toLocation", cell.toString());
        String id = as(Role.HOUSING).post("/api/overrides", Map.of("movement", movement, "rule", "CAPACITY",
                "reason", "cell flooded", "legalBasis", "director's emergency instruction 7",
                "expiresAt", expires.toString())).expect(201).json().path("id").asString();

        var inspector = new PageSession(baseUrl()).logOn(newUser(Role.INSPECTOR).username(), PASSWORD_OF_TEST_USERS);
        String page = inspector.get("/overrides?lang=en").body();
        String row = page.substring(page.indexOf("id=\"override-" + id + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        String local = expires.atZone(ZoneId.of("America/El_Salvador"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertThat(row).contains(local + " (America/El_Salvador)", "datetime=\"" + expires + "\"")
                .contains("Placement in a cell to " + estate.code() + "-M1-C01")
                .doesNotContain(cell.toString());
        assertThat(inspector.get("/overrides?lang=es").body()).contains("Asignación de celda a " + estate.code()
                + "-M1-C01");
    }
}

package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/**
 * A ledger entry's published shape: the fields it always had, in their order, then the three of corrections; and an
 * entry written before those (a response kept for an idempotent replay) still reads, as one no correction touches.
 */
class MovementJsonTest extends IntegrationTest {

    static final List<String> BEFORE_CORRECTIONS = List.of("id", "seq", "person", "episode", "kind", "occurredAt",
            "recordedAt", "toState", "facility", "fromLocation", "toLocation", "destination", "detail", "authority",
            "reason", "actor", "decision", "corrects", "particulars");

    @Test
    void theFieldsItAlwaysHadThenThoseOfCorrections() {
        var estate = aFacility(as(Role.DIRECTOR), 1, 2, 2);
        var intake = as(Role.INTAKE);
        UUID person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        var moved = as(Role.HOUSING).post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(0)))
                .expect(201).json().path("movement");
        List<String> fields = new ArrayList<>(moved.propertyNames());
        List<String> expected = new ArrayList<>(BEFORE_CORRECTIONS);
        expected.addAll(List.of("correctedKind", "supersededBy", "enteredInError"));
        assertThat(fields).containsExactlyElementsOf(expected);
    }

    @Test
    void anEntryWrittenBeforeCorrectionsReadsBack() {
        String before = """
                {"id":"7f0e6f9e-8b4c-4a4e-9c39-0d3c8d7f1a11","seq":3,"person":"7f0e6f9e-8b4c-4a4e-9c39-0d3c8d7f1a12",
                 "episode":"7f0e6f9e-8b4c-4a4e-9c39-0d3c8d7f1a13","kind":"PLACED",
                 "occurredAt":"2026-01-01T00:00:00Z","recordedAt":"2026-01-01T00:00:00Z","toState":"IN_CELL",
                 "facility":"X1","fromLocation":null,"toLocation":"7f0e6f9e-8b4c-4a4e-9c39-0d3c8d7f1a14",
                 "destination":null,"detail":null,"authority":null,"reason":null,"actor":"officer",
                 "decision":null,"corrects":null,"particulars":{}}""";
        Movement entry = json.readValue(before, Movement.class);
        assertThat(entry.superseded()).isFalse();
        assertThat(entry.enteredInError()).isFalse();
        assertThat(entry.standsFor()).isEqualTo(MovementKind.PLACED);
        assertThat(json.readValue(json.writeValueAsString(entry), Movement.class)).isEqualTo(entry);
    }
}

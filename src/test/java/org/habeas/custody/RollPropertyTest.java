package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: for a random movement history, the roll at any instant recomputed from the ledger equals a brute-force
 * replay of the same history (DESIGN.md invariant 6). Histories are generated from a seed, so a failure reproduces.
 */
class RollPropertyTest extends IntegrationTest {

    private record Step(UUID person, Instant at, String state, UUID cell) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 42, 1_234, 99_991})
    void theRollAtAnyInstantMatchesABruteForceReplay(long seed) {
        var random = new Random(seed);
        ApiClient intake = as(Role.INTAKE);
        ApiClient housing = as(Role.HOUSING);
        var here = aFacility(as(Role.DIRECTOR), 4, 3, 4);
        var elsewhere = aFacility(as(Role.DIRECTOR), 1, 50, 50);
        Instant start = Instant.now().minus(Duration.ofHours(10));
        Instant clock = start;
        List<Step> history = new ArrayList<>();
        Map<UUID, String> state = new LinkedHashMap<>();
        Map<UUID, UUID> cellOf = new HashMap<>();

        for (int i = 0; i < 10; i++) {
            UUID person = aPerson(intake, here.code());
            clock = clock.plusSeconds(60 + random.nextInt(600));
            var admission = new HashMap<>(anAdmission(here.code()));
            admission.put("admittedAt", clock.toString());
            admission.put("reason", "property test history");
            intake.post("/api/people/" + person + "/custody", admission).expect(201);
            state.put(person, "RECEPTION");
            history.add(new Step(person, clock, "RECEPTION", null));
        }
        List<UUID> people = new ArrayList<>(state.keySet());
        for (int i = 0; i < 60; i++) {
            UUID person = people.get(random.nextInt(people.size()));
            String current = state.get(person);
            clock = clock.plusSeconds(60 + random.nextInt(600));
            Map<String, Object> move = new HashMap<>();
            move.put("occurredAt", clock.toString());
            move.put("reason", "property test history");
            String next;
            UUID cell = null;
            switch (current) {
                case "RECEPTION" -> {
                    int roll = random.nextInt(10);
                    if (roll < 7) {
                        cell = here.cells().get(random.nextInt(here.cells().size()));
                        move.put("type", "PLACED");
                        move.put("toLocation", cell.toString());
                        next = "IN_CELL";
                    } else if (roll < 9) {
                        move.put("type", "TEMPORARILY_OUT");
                        move.put("destination", "Juzgado de Tecoluca");
                        move.put("detail", "court hearing");
                        next = "TEMPORARILY_OUT";
                    } else {
                        move.put("type", "TRANSFERRED_OUT");
                        move.put("destination", elsewhere.code());
                        move.put("detail", "escort 2");
                        next = "IN_TRANSIT";
                    }
                }
                case "IN_CELL" -> {
                    int roll = random.nextInt(10);
                    if (roll < 6) {
                        cell = here.cells().get(random.nextInt(here.cells().size()));
                        if (cell.equals(cellOf.get(person))) {
                            continue;
                        }
                        move.put("type", "MOVED");
                        move.put("toLocation", cell.toString());
                        next = "IN_CELL";
                    } else if (roll < 8) {
                        move.put("type", "TEMPORARILY_OUT");
                        move.put("destination", "Hospital Santa Gertrudis");
                        move.put("detail", "hospital");
                        next = "TEMPORARILY_OUT";
                    } else {
                        move.put("type", "RELEASED");
                        move.put("destination", "family");
                        move.put("authority", "Juzgado de Paz");
                        move.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "officer"));
                        next = "RELEASED";
                    }
                }
                case "TEMPORARILY_OUT" -> {
                    move.put("type", "RETURNED");
                    next = "RECEPTION";
                }
                default -> {
                    continue;   // released or in transit: this history leaves them there
                }
            }
            int status = housing.post("/api/people/" + person + "/movements", move).status();
            if (status == 409) {
                continue;   // a full cell: refused, and rightly not in the history
            }
            assertThat(status).as("movement %s of %s", move, person).isEqualTo(201);
            state.put(person, next);
            cellOf.put(person, cell);
            history.add(new Step(person, clock, next, cell));
        }

        for (int sample = 0; sample < 15; sample++) {
            Instant at = start.plusMillis((long) (random.nextDouble() * Duration.between(start, clock).toMillis()));
            var roll = housing.get("/api/facilities/" + here.code() + "/roll?at=" + at).expect(200).json()
                    .path("totals");
            Map<String, Integer> expected = replay(history, at);
            assertThat(roll.path("inCells").asInt()).as("in cells at %s", at).isEqualTo(expected.get("IN_CELL"));
            assertThat(roll.path("inReception").asInt()).as("in reception at %s", at)
                    .isEqualTo(expected.get("RECEPTION"));
            assertThat(roll.path("temporarilyOut").asInt()).as("out at %s", at)
                    .isEqualTo(expected.get("TEMPORARILY_OUT"));
            assertThat(roll.path("inTransitOut").asInt()).as("in transit at %s", at)
                    .isEqualTo(expected.get("IN_TRANSIT"));
        }
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences").size())
                .isZero();
    }

    /** The brute force: each person's latest step at or before the instant is where they were. */
    private static Map<String, Integer> replay(List<Step> history, Instant at) {
        Map<UUID, String> latest = new HashMap<>();
        for (Step step : history) {
            if (!step.at().isAfter(at)) {
                latest.put(step.person(), step.state());
            }
        }
        Map<String, Integer> counts = new HashMap<>(Map.of("IN_CELL", 0, "RECEPTION", 0, "TEMPORARILY_OUT", 0,
                "IN_TRANSIT", 0));
        latest.values().forEach(s -> counts.computeIfPresent(s, (k, v) -> v + 1));
        return counts;
    }
}

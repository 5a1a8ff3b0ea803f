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
import org.habeas.custody.roll.RollCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: for a random movement history, the roll at any instant recomputed from the ledger equals a brute-force
 * replay of the same history (invariant 6, docs/architecture.md), also just before, at, after checkpoints and after a
 * backdated movement that precedes one. Histories are generated from a seed, so a failure reproduces.
 */
class RollPropertyTest extends IntegrationTest {

    @Autowired
    RollCall rollCall;

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
                        move.put("authority", "production order PO-7");
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
                        move.put("authority", "production order PO-7");
                        move.put("destination", "Hospital Santa Gertrudis");
                        move.put("detail", "hospital");
                        next = "TEMPORARILY_OUT";
                    } else {
                        move.put("type", "RELEASED");
                        move.put("destination", "family");
                        move.put("authority", "Juzgado de Paz");
                        move.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "officer", "basis", "COURT_ORDER"));
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

        // Checkpoints inside the history: the roll on either side of each, and exactly at it, must still be the replay.
        Instant last = clock.isBefore(Instant.now().minus(Duration.ofMinutes(11))) ? clock
                : Instant.now().minus(Duration.ofMinutes(11));
        // The backdated movement below goes to someone still held whose last step is as late as possible; the
        // second checkpoint falls after that movement's time, the first one before it.
        UUID late = null;
        Step lastOfLate = null;
        for (UUID person : people) {
            Step lastStep = history.stream().filter(h -> h.person().equals(person)).reduce((a, b) -> b).orElseThrow();
            if (List.of("RECEPTION", "IN_CELL", "TEMPORARILY_OUT").contains(lastStep.state())
                    && lastStep.at().isBefore(last.minusSeconds(3))
                    && (lastOfLate == null || lastStep.at().isAfter(lastOfLate.at()))) {
                late = person;
                lastOfLate = lastStep;
            }
        }
        assertThat(late).as("someone still held to record a late movement for").isNotNull();
        Instant lateAt = lastOfLate.at().plus(Duration.between(lastOfLate.at(), last).dividedBy(3));
        Instant second = lastOfLate.at().plus(Duration.between(lastOfLate.at(), last).multipliedBy(2).dividedBy(3));
        Instant first = start.plus(Duration.between(start, lateAt).dividedBy(2));
        rollCall.checkpoint(first);
        rollCall.checkpoint(second);
        List<Instant> samples = new ArrayList<>();
        for (Instant checkpoint : List.of(first, second)) {
            samples.addAll(List.of(checkpoint.minusMillis(1), checkpoint, checkpoint.plusMillis(1)));
        }
        for (int sample = 0; sample < 15; sample++) {
            samples.add(start.plusMillis((long) (random.nextDouble() * Duration.between(start, clock).toMillis())));
        }
        assertRollsMatch(housing, here.code(), history, samples);

        // A backdated movement before the second checkpoint: the checkpoint is deleted with it, and the roll on
        // both sides still equals the replay of the history that now includes it.
        boolean out = state.get(late).equals("TEMPORARILY_OUT");
        Map<String, Object> move = new HashMap<>();
        move.put("type", out ? "RETURNED" : "TEMPORARILY_OUT");
        move.put("occurredAt", lateAt.toString());
        move.put("reason", "recorded late: the escort's sheet arrived after the shift");
        if (!out) {
            move.put("destination", "Juzgado de Tecoluca");
            move.put("detail", "court hearing");
            move.put("authority", "production order PO-7");
        }
        housing.post("/api/people/" + late + "/movements", move).expect(201);
        history.add(new Step(late, lateAt, out ? "RECEPTION" : "TEMPORARILY_OUT", null));
        assertThat(jdbc.sql("SELECT count(*) FROM roll_checkpoint_taken WHERE taken_at = :t")
                .param("t", second.atOffset(java.time.ZoneOffset.UTC)).query(Integer.class).single())
                .as("the checkpoint after the backdated movement is gone").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM roll_checkpoint_taken WHERE taken_at = :t")
                .param("t", first.atOffset(java.time.ZoneOffset.UTC)).query(Integer.class).single())
                .as("the checkpoint before it stays").isOne();
        assertRollsMatch(housing, here.code(), history, List.of(lateAt.minusMillis(1), lateAt, second.minusMillis(1),
                second, second.plusMillis(1), clock));
        rollCall.checkpoint(second);   // taken again, now with the late movement
        assertRollsMatch(housing, here.code(), history, List.of(second.minusMillis(1), second, clock));
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences").size())
                .isZero();
    }

    private static void assertRollsMatch(ApiClient reader, String facility, List<Step> history, List<Instant> samples) {
        for (Instant at : samples) {
            var roll = reader.get("/api/facilities/" + facility + "/roll?at=" + at).expect(200).json().path("totals");
            Map<String, Integer> expected = replay(history, at);
            assertThat(roll.path("inCells").asInt()).as("in cells at %s", at).isEqualTo(expected.get("IN_CELL"));
            assertThat(roll.path("inReception").asInt()).as("in reception at %s", at)
                    .isEqualTo(expected.get("RECEPTION"));
            assertThat(roll.path("temporarilyOut").asInt()).as("out at %s", at)
                    .isEqualTo(expected.get("TEMPORARILY_OUT"));
            assertThat(roll.path("inTransitOut").asInt()).as("in transit at %s", at)
                    .isEqualTo(expected.get("IN_TRANSIT"));
        }
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

package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.TestData.registerFacility;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.custody.roll.RollCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Property: for a random movement history with random corrections of the latest entries (a cell, a time, both, or
 * "entered in error"), the roll at any instant (per module, per state, and the day's arrivals and departures) equals
 * a brute-force replay of the history as corrected, before and after roll checkpoints, also when corrections made
 * after a checkpoint change what it counted; and the consistency check finds nothing. Seeded, so a failure
 * reproduces.
 */
class CorrectionRollPropertyTest extends IntegrationTest {

    static final ZoneId SAN_VICENTE = ZoneId.of("America/El_Salvador");
    static final List<String> CELLS = List.of("M1-C01", "M1-C02", "M2-C01", "M2-C02");

    @Autowired
    RollCall rollCall;

    /** One standing step of a person's history as the brute force sees it. */
    private static final class Step {
        UUID id;
        Instant at;
        final String kind;
        final String state;
        String cell;
        final String fromCell;
        final Set<String> recorders = new HashSet<>();

        Step(UUID id, Instant at, String kind, String state, String cell, String fromCell, String recorder) {
            this.id = id;
            this.at = at;
            this.kind = kind;
            this.state = state;
            this.cell = cell;
            this.fromCell = fromCell;
            recorders.add(recorder);
        }
    }

    Random random;
    ApiClient housing;
    List<ApiClient> supervisors;
    List<String> supervisorNames;
    String here;
    String elsewhere;
    Map<String, UUID> cells;
    Map<UUID, List<Step>> history;
    /** People whose latest entry says the one before it never happened: not corrected again. */
    Set<UUID> voided;
    List<Instant> interesting;
    Instant clock;
    /** How many corrections of each sort were recorded: a history that corrected nothing proves nothing. */
    Map<String, Integer> corrected;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 17, 2_024, 77_777})
    void theRollAtAnyInstantIsTheReplayOfTheCorrectedHistory(long seed) {
        random = new Random(seed);
        ApiClient intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        supervisors = new ArrayList<>();
        supervisorNames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = newUser(Role.SUPERVISOR).username();
            supervisorNames.add(name);
            supervisors.add(anonymous().basic(name, PASSWORD_OF_TEST_USERS));
        }
        aFacilityOfTwoModules();
        elsewhere = aFacility(as(Role.DIRECTOR), 1, 50, 50).code();
        history = new LinkedHashMap<>();
        voided = new HashSet<>();
        interesting = new ArrayList<>();
        corrected = new HashMap<>();
        Instant start = Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS);
        clock = start;

        for (int i = 0; i < 8; i++) {
            UUID person = aPerson(intake, here);
            clock = clock.plusSeconds(60 + random.nextInt(400));
            var admission = new HashMap<>(anAdmission(here));
            admission.put("admittedAt", clock.toString());
            admission.put("reason", "property test history");
            intake.post("/api/people/" + person + "/custody", admission).expect(201);
            UUID id = UUID.fromString(housing.get("/api/people/" + person + "/movements").expect(200).json().get(0)
                    .path("id").asString());
            history.put(person, new ArrayList<>(List.of(new Step(id, clock, "ADMITTED", "RECEPTION", null, null,
                    "intake"))));
        }
        List<UUID> people = new ArrayList<>(history.keySet());
        for (int i = 0; i < 70; i++) {
            UUID person = people.get(random.nextInt(people.size()));
            if (random.nextInt(10) < 4) {
                correct(person);
            } else {
                move(person);
            }
        }
        assertConsistent();

        Instant settled = Instant.now().minus(Duration.ofMinutes(11));
        Instant last = clock.isBefore(settled) ? clock : settled;
        Instant first = start.plus(Duration.between(start, last).dividedBy(3));
        Instant second = start.plus(Duration.between(start, last).multipliedBy(2).dividedBy(3));
        rollCall.checkpoint(first);
        rollCall.checkpoint(second);
        List<Instant> samples = new ArrayList<>(List.of(first.minusMillis(1), first, first.plusMillis(1),
                second.minusMillis(1), second, second.plusMillis(1), clock));
        samples.addAll(interesting);
        for (int i = 0; i < 15; i++) {
            samples.add(start.plusMillis((long) (random.nextDouble() * Duration.between(start, clock).toMillis())));
        }
        assertRollsMatch(samples);

        // Corrections after the checkpoints, some of entries (and to times) before them: what the checkpoints
        // counted no longer holds, and the roll on both sides of them still equals the replay.
        interesting.clear();
        for (int i = 0; i < 12; i++) {
            correct(people.get(random.nextInt(people.size())));
        }
        samples = new ArrayList<>(List.of(first.minusMillis(1), first, first.plusMillis(1), second.minusMillis(1),
                second, second.plusMillis(1), clock));
        samples.addAll(interesting);
        assertRollsMatch(samples);
        rollCall.checkpoint(first);   // taken again where dropped, from the corrected ledger
        rollCall.checkpoint(second);
        assertRollsMatch(samples);
        assertConsistent();
        assertThat(corrected.values().stream().mapToInt(Integer::intValue).sum()).as("corrections: %s", corrected)
                .isGreaterThanOrEqualTo(8);
    }

    // ---- the history

    private void move(UUID person) {
        List<Step> steps = history.get(person);
        Step latest = steps.get(steps.size() - 1);
        clock = clock.plusSeconds(60 + random.nextInt(400));
        Map<String, Object> move = new HashMap<>();
        move.put("occurredAt", clock.toString());
        move.put("reason", "property test history");
        String kind;
        String state;
        String cell = null;
        switch (latest.state) {
            case "RECEPTION" -> {
                int roll = random.nextInt(10);
                if (roll < 7) {
                    kind = "PLACED";
                    state = "IN_CELL";
                    cell = CELLS.get(random.nextInt(CELLS.size()));
                } else if (roll < 9) {
                    kind = "TEMPORARILY_OUT";
                    move.put("authority", "orden de comparecencia OC-7");
                    state = "TEMPORARILY_OUT";
                    move.put("destination", "Juzgado de Tecoluca");
                    move.put("detail", "audiencia");
                } else {
                    kind = "TRANSFERRED_OUT";
                    state = "IN_TRANSIT";
                    move.put("destination", elsewhere);
                    move.put("detail", "escolta 2");
                }
            }
            case "IN_CELL" -> {
                int roll = random.nextInt(10);
                if (roll < 6) {
                    kind = "MOVED";
                    state = "IN_CELL";
                    cell = CELLS.get(random.nextInt(CELLS.size()));
                    if (cell.equals(latest.cell)) {
                        return;
                    }
                } else if (roll < 8) {
                    kind = "TEMPORARILY_OUT";
                    move.put("authority", "orden de comparecencia OC-7");
                    state = "TEMPORARILY_OUT";
                    move.put("destination", "Hospital Santa Gertrudis");
                    move.put("detail", "consulta");
                } else {
                    kind = "RELEASED";
                    state = "RELEASED";
                    move.put("destination", "a su familia");
                    move.put("authority", "Juzgado de Paz");
                    move.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "Sgto. Ficticio", "basis", "COURT_ORDER"));
                }
            }
            case "TEMPORARILY_OUT" -> {
                kind = "RETURNED";
                state = "RECEPTION";
            }
            default -> {
                return;   // released or in transit: this history leaves them there
            }
        }
        move.put("type", kind);
        if (cell != null) {
            move.put("toLocation", cells.get(cell).toString());
        }
        var response = housing.post("/api/people/" + person + "/movements", move);
        if (response.status() == 409) {
            return;   // a full cell: refused, and rightly not in the history
        }
        assertThat(response.status()).as("movement %s of %s: %s", move, person, response.body()).isEqualTo(201);
        UUID id = UUID.fromString(response.json().path("movement").path("id").asString());
        steps.add(new Step(id, clock, kind, state, cell, latest.cell, "housing"));
        voided.remove(person);
    }

    private void correct(UUID person) {
        List<Step> steps = history.get(person);
        Step latest = steps.get(steps.size() - 1);
        if (steps.size() < 2 || voided.contains(person) || latest.state.equals("RELEASED")) {
            return;   // nothing this command corrects: an admission, an ended custody, an entry in error
        }
        int corrector = -1;
        for (int i = 0; i < supervisors.size(); i++) {
            if (!latest.recorders.contains(supervisorNames.get(i))) {
                corrector = i;
                break;
            }
        }
        if (corrector < 0) {
            return;
        }
        Step previous = steps.get(steps.size() - 2);
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "property test correction");
        boolean cellKind = latest.kind.equals("PLACED") || latest.kind.equals("MOVED");
        int roll = random.nextInt(10);
        String cell = null;
        Instant at = null;
        if (roll < 3) {
            body.put("enteredInError", true);
        } else {
            if (cellKind && roll >= 4) {
                List<String> others = new ArrayList<>(CELLS);
                others.remove(latest.cell);
                others.remove(latest.fromCell);
                cell = others.get(random.nextInt(others.size()));
                body.put("toLocation", cells.get(cell).toString());
            }
            if (cell == null || random.nextBoolean()) {
                long span = Duration.between(previous.at, clock).getSeconds();
                at = previous.at.plusSeconds(1 + (long) (random.nextDouble() * (span - 1)));
                if (at.equals(latest.at) || span < 2) {
                    return;
                }
                body.put("occurredAt", at.toString());
            }
        }
        var response = supervisors.get(corrector).post("/api/people/" + person + "/movements/" + latest.id
                + "/corrections", body);
        if (response.status() == 409 && List.of("CAPACITY_EXCEEDED", "MAXIMUM_CAPACITY_EXCEEDED")
                .contains(response.json().path("code").asString())) {
            return;   // the corrected cell is full: refused, and rightly not in the history
        }
        assertThat(response.status()).as("correction %s of %s %s: %s", body, latest.kind, person, response.body())
                .isEqualTo(201);
        interesting.addAll(List.of(latest.at.minusMillis(1), latest.at, latest.at.plusMillis(1)));
        corrected.merge(body.containsKey("enteredInError") ? "in error" : (cell != null ? "cell " : "")
                + (at != null ? "time" : ""), 1, Integer::sum);
        if (body.containsKey("enteredInError")) {
            steps.remove(steps.size() - 1);
            voided.add(person);
            return;
        }
        latest.id = UUID.fromString(response.json().path("correction").path("id").asString());
        latest.recorders.add(supervisorNames.get(corrector));
        if (at != null) {
            latest.at = at;
            interesting.addAll(List.of(at.minusMillis(1), at, at.plusMillis(1)));
        }
        if (cell != null) {
            latest.cell = cell;
        }
    }

    // ---- the check

    private void assertRollsMatch(List<Instant> samples) {
        for (Instant at : samples) {
            JsonNode roll = housing.get("/api/facilities/" + here + "/roll?at=" + at).expect(200).json();
            JsonNode totals = roll.path("totals");
            Map<String, Integer> expected = replay(at);
            assertThat(totals.path("inReception").asInt()).as("in reception at %s", at)
                    .isEqualTo(expected.get("RECEPTION"));
            assertThat(totals.path("temporarilyOut").asInt()).as("out at %s", at)
                    .isEqualTo(expected.get("TEMPORARILY_OUT"));
            assertThat(totals.path("inTransitOut").asInt()).as("in transit at %s", at)
                    .isEqualTo(expected.get("IN_TRANSIT"));
            for (String module : List.of("M1", "M2")) {
                int inModule = -1;
                for (JsonNode level : roll.path("levels")) {
                    if (level.path("pathKey").asString().endsWith("-" + module)) {
                        inModule = level.path("inCells").asInt();
                    }
                }
                assertThat(inModule).as("in module %s at %s", module, at).isEqualTo(expected.get(module));
            }
            assertThat(totals.path("arrivedToday").asInt()).as("arrived on the day up to %s", at)
                    .isEqualTo(expected.get("arrived"));
            assertThat(totals.path("leftToday").asInt()).as("left on the day up to %s", at)
                    .isEqualTo(expected.get("left"));
        }
    }

    /** The brute force: each person's latest standing step at or before the instant is where they were. */
    private Map<String, Integer> replay(Instant at) {
        Map<String, Integer> counts = new HashMap<>(Map.of("M1", 0, "M2", 0, "RECEPTION", 0, "TEMPORARILY_OUT", 0,
                "IN_TRANSIT", 0, "arrived", 0, "left", 0));
        Instant dayStart = at.atZone(SAN_VICENTE).toLocalDate().atStartOfDay(SAN_VICENTE).toInstant();
        for (List<Step> steps : history.values()) {
            Step where = null;
            for (Step step : steps) {
                if (!step.at.isAfter(at)) {
                    where = step;
                }
                if (!step.at.isBefore(dayStart) && !step.at.isAfter(at)) {
                    if (step.kind.equals("ADMITTED")) {
                        counts.merge("arrived", 1, Integer::sum);
                    } else if (step.kind.equals("TRANSFERRED_OUT") || step.kind.equals("RELEASED")) {
                        counts.merge("left", 1, Integer::sum);
                    }
                }
            }
            if (where != null) {
                String key = where.state.equals("IN_CELL") ? where.cell.substring(0, 2) : where.state;
                counts.computeIfPresent(key, (k, v) -> v + 1);
            }
        }
        return counts;
    }

    private void assertConsistent() {
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                .toString()).isEqualTo("[]");
    }

    private void aFacilityOfTwoModules() {
        ApiClient director = as(Role.DIRECTOR);
        here = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        registerFacility(director, here);
        List<Object> locations = new ArrayList<>();
        locations.add(Map.of("path", "M1", "kind", "MODULE"));
        locations.add(Map.of("path", "M2", "kind", "MODULE"));
        for (String path : CELLS) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("path", path);
            cell.put("parent", path.substring(0, 2));
            cell.put("kind", "CELL");
            cell.put("certifiedNormal", 2);
            cell.put("operationalCapacity", 3);
            cell.put("maximumCapacity", 4);
            cell.put("floorAreaM2", 100.0);
            locations.add(cell);
        }
        director.post("/api/facilities/" + here + "/locations", Map.of("format", "habeas-layout/1",
                "locations", locations)).expect(201);
        cells = new HashMap<>();
        for (JsonNode location : director.get("/api/facilities/" + here + "/locations").expect(200).json()) {
            if (location.path("kind").asString().equals("CELL")) {
                cells.put(location.path("pathKey").asString().substring(here.length() + 1),
                        UUID.fromString(location.path("id").asString()));
            }
        }
    }
}

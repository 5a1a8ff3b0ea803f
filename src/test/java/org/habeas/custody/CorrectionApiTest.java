package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.TestData.registerFacility;
import static org.habeas.custody.CustodyFixtures.aMove;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.habeas.custody.roll.RollCall;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Corrections of the movement ledger (REQ-06, REQ-51; invariant 5): a new CORRECTED entry names the entry it corrects
 * and why; the entry stays as recorded; whereabouts, occupancy, the roll at any instant, the day's counts and the
 * consistency check follow the correction. Only a supervisor who recorded neither entry corrects, and only the
 * person's latest entry.
 */
@DisplayName("custody: corrections of the ledger")
class CorrectionApiTest extends IntegrationTest {

    static final ZoneId SAN_VICENTE = ZoneId.of("America/El_Salvador");   // the fixture facility's time zone

    @Autowired
    RollCall rollCall;

    ApiClient intake;
    ApiClient housing;
    ApiClient supervisor;
    String code;
    /** M1-C01, M1-C02 (module M1) and M2-C01 (module M2); operational capacity 2, maximum 3. */
    Map<String, UUID> cells;

    @BeforeEach
    void aFacilityOfTwoModules() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        supervisor = as(Role.SUPERVISOR);
        ApiClient director = as(Role.DIRECTOR);
        code = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        registerFacility(director, code);
        List<Object> locations = new ArrayList<>();
        for (String module : List.of("M1", "M2")) {
            locations.add(Map.of("path", module, "kind", "MODULE"));
        }
        for (String path : List.of("M1-C01", "M1-C02", "M2-C01")) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("path", path);
            cell.put("parent", path.substring(0, 2));
            cell.put("kind", "CELL");
            cell.put("certifiedNormal", 1);
            cell.put("operationalCapacity", 2);
            cell.put("maximumCapacity", 3);
            cell.put("floorAreaM2", 100.0);
            locations.add(cell);
        }
        director.post("/api/facilities/" + code + "/locations", Map.of("format", "habeas-layout/1",
                "locations", locations)).expect(201);
        cells = new HashMap<>();
        for (JsonNode location : director.get("/api/facilities/" + code + "/locations").expect(200).json()) {
            if (location.path("kind").asString().equals("CELL")) {
                cells.put(location.path("pathKey").asString().substring(code.length() + 1),
                        UUID.fromString(location.path("id").asString()));
            }
        }
    }

    // ---- building a history

    UUID admittedAt(Instant at) {
        UUID person = aPerson(intake, code);
        var admission = new HashMap<>(anAdmission(code));
        admission.put("admittedAt", at.toString());
        admission.put("reason", "register copied late");
        intake.post("/api/people/" + person + "/custody", admission).expect(201);
        return person;
    }

    UUID admitted() {
        return admittedAt(Instant.now().minus(Duration.ofHours(6)));
    }

    /** Records a movement at {@code at} (null: now) as {@code who}; answers the ledger entry's id. */
    UUID move(ApiClient who, UUID person, Map<String, Object> move, Instant at) {
        var body = new HashMap<>(move);
        if (at != null) {
            body.put("occurredAt", at.toString());
            body.put("reason", "recorded after the round");
        }
        return UUID.fromString(who.post(movements(person), body).expect(201).json().path("movement").path("id")
                .asString());
    }

    UUID placed(UUID person, String cell, Instant at) {
        return move(housing, person, aPlacement(cells.get(cell)), at);
    }

    UUID moved(UUID person, String cell, Instant at) {
        var move = aPlacement(cells.get(cell));
        move.put("type", "MOVED");
        return move(housing, person, move, at);
    }

    static String movements(UUID person) {
        return "/api/people/" + person + "/movements";
    }

    static String corrections(UUID person, UUID movement) {
        return movements(person) + "/" + movement + "/corrections";
    }

    static Map<String, Object> because(String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        return body;
    }

    static Map<String, Object> intoCell(UUID cell) {
        var body = because("the wrong cell was typed: the round found him in the other one");
        body.put("toLocation", cell.toString());
        return body;
    }

    static Map<String, Object> atTime(Instant at) {
        var body = because("the time was copied wrong from the paper register");
        body.put("occurredAt", at.toString());
        return body;
    }

    static Map<String, Object> inError() {
        var body = because("recorded against the wrong person");
        body.put("enteredInError", true);
        return body;
    }

    // ---- reading the register

    JsonNode whereabouts(UUID person) {
        return housing.get("/api/people/" + person + "/whereabouts").expect(200).json();
    }

    int population(String cell) {
        for (JsonNode location : housing.get("/api/facilities/" + code + "/locations").expect(200).json()) {
            if (location.path("id").asString().equals(cells.get(cell).toString())) {
                return location.path("population").asInt();
            }
        }
        throw new AssertionError("no cell " + cell);
    }

    JsonNode rollAt(Instant at) {
        return housing.get("/api/facilities/" + code + "/roll?at=" + at).expect(200).json();
    }

    static int inModule(JsonNode roll, String module) {
        for (JsonNode level : roll.path("levels")) {
            if (level.path("pathKey").asString().endsWith("-" + module)) {
                return level.path("inCells").asInt();
            }
        }
        throw new AssertionError("no module " + module + " in " + roll);
    }

    List<JsonNode> ledger(UUID person) {
        List<JsonNode> entries = new ArrayList<>();
        housing.get(movements(person)).expect(200).json().forEach(entries::add);
        return entries;
    }

    JsonNode entry(UUID person, UUID id) {
        return ledger(person).stream().filter(m -> m.path("id").asString().equals(id.toString())).findFirst()
                .orElseThrow();
    }

    String storedRow(UUID id) {
        return jdbc.sql("SELECT to_jsonb(m)::text FROM movement m WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    void assertConsistent() {
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                .toString()).isEqualTo("[]");
    }

    @Nested
    class ACell {

        @Test
        void wrongCellCorrected_whereaboutsOccupancyAndThePastRollFollow_theEntryStaysAsRecorded() {
            Instant now = Instant.now();
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", now.minus(Duration.ofHours(3)));
            String recorded = storedRow(placement);

            var corrected = supervisor.post(corrections(person, placement), intoCell(cells.get("M2-C01"))).expect(201);
            JsonNode correction = corrected.json().path("correction");
            assertThat(correction.path("kind").asString()).isEqualTo("CORRECTED");
            assertThat(correction.path("corrects").asString()).isEqualTo(placement.toString());
            assertThat(correction.path("correctedKind").asString()).isEqualTo("PLACED");
            assertThat(correction.path("enteredInError").asBoolean()).isFalse();
            assertThat(correction.path("toLocation").asString()).isEqualTo(cells.get("M2-C01").toString());
            assertThat(Instant.parse(correction.path("occurredAt").asString()))
                    .isEqualTo(Instant.parse(entry(person, placement).path("occurredAt").asString()));
            assertThat(correction.path("reason").asString()).contains("wrong cell");
            assertThat(corrected.header("Location")).endsWith("/movements/" + correction.path("id").asString());
            assertThat(corrected.json().path("corrected").path("supersededBy").asString())
                    .isEqualTo(correction.path("id").asString());

            assertThat(whereabouts(person).path("locationPath").asString()).isEqualTo(code + "-M2-C01");
            assertThat(whereabouts(person).path("lastMovement").asString()).isEqualTo(correction.path("id").asString());
            assertThat(population("M1-C01")).isZero();
            assertThat(population("M2-C01")).isOne();
            assertThat(storedRow(placement)).as("the corrected entry is never changed").isEqualTo(recorded);

            List<JsonNode> ledger = ledger(person);
            assertThat(ledger).extracting(m -> m.path("kind").asString())
                    .containsExactly("ADMITTED", "PLACED", "CORRECTED");
            assertThat(ledger.get(1).path("supersededBy").asString()).isEqualTo(correction.path("id").asString());
            assertThat(ledger.get(0).path("supersededBy").isNull()).isTrue();
            assertThat(ledger.get(2).path("supersededBy").isNull()).isTrue();

            JsonNode past = rollAt(now.minus(Duration.ofHours(2)));
            assertThat(inModule(past, "M1")).as("the wrong cell's module, two hours ago").isZero();
            assertThat(inModule(past, "M2")).as("the right one").isOne();
            assertThat(inModule(rollAt(now.minus(Duration.ofHours(4))), "M2")).as("before the placement").isZero();
            assertConsistent();

            var journal = jdbc.sql("""
                    SELECT reason, details::text FROM journal_entry
                     WHERE action = 'MOVEMENT_CORRECTED' AND subject_id = :p""").param("p", person.toString())
                    .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single();
            assertThat(journal).contains("wrong cell", placement.toString(), correction.path("id").asString(),
                    "M1-C01", "M2-C01");
        }

        @Test
        void aCorrectedCellIsHeldToItsCapacityAndNothingIsWrittenWhenItIsFull() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            placed(admitted(), "M1-C02", null);
            placed(admitted(), "M1-C02", null);
            String ledgerBefore = housing.get(movements(person)).expect(200).body();

            supervisor.post(corrections(person, placement), intoCell(cells.get("M1-C02"))).expect(409)
                    .code("CAPACITY_EXCEEDED");
            assertThat(housing.get(movements(person)).expect(200).body()).isEqualTo(ledgerBefore);
            assertThat(whereabouts(person).path("locationPath").asString()).endsWith("M1-C01");
            assertThat(population("M1-C01")).isOne();
            assertThat(population("M1-C02")).isEqualTo(2);
            assertConsistent();
        }

        @Test
        void onlyAPlacementOrCellMoveHasACellToCorrect() {
            UUID person = admitted();
            var out = aMove("TEMPORARILY_OUT");
            out.put("authority", "production order PO-7");
            out.put("destination", "Juzgado de Tecoluca");
            out.put("detail", "audiencia");
            UUID absence = move(housing, person, out, null);
            supervisor.post(corrections(person, absence), intoCell(cells.get("M1-C01"))).expect(400)
                    .code("VALIDATION_FAILED").field("toLocation");
        }

        @Test
        void theSameCellIsNoCorrection() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            supervisor.post(corrections(person, placement), intoCell(cells.get("M1-C01"))).expect(400)
                    .code("VALIDATION_FAILED").field("toLocation");
        }
    }

    @Nested
    class ATime {

        @Test
        void theRollBetweenTheWrongAndTheRightTimeFollowsTheCorrection_andTheCheckpointBetweenIsDropped() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            UUID person = admittedAt(now.minus(Duration.ofHours(5)));
            Instant wrong = now.minus(Duration.ofHours(4));
            Instant right = now.minus(Duration.ofHours(2));
            UUID placement = placed(person, "M1-C01", wrong);
            Instant between = now.minus(Duration.ofHours(3));
            rollCall.checkpoint(between);
            assertThat(rollAt(between).path("totals").path("inCells").asInt()).isOne();

            var correction = supervisor.post(corrections(person, placement), atTime(right)).expect(201).json()
                    .path("correction");
            assertThat(Instant.parse(correction.path("occurredAt").asString())).isEqualTo(right);
            assertThat(correction.path("toLocation").asString()).isEqualTo(cells.get("M1-C01").toString());

            assertThat(jdbc.sql("SELECT count(*) FROM roll_checkpoint_taken WHERE taken_at = :t")
                    .param("t", between.atOffset(ZoneOffset.UTC)).query(Integer.class).single())
                    .as("the checkpoint that counted the wrong time is gone").isZero();
            JsonNode atBetween = rollAt(between).path("totals");
            assertThat(atBetween.path("inCells").asInt()).as("placed at the right time, not yet").isZero();
            assertThat(atBetween.path("inReception").asInt()).isOne();
            assertThat(rollAt(wrong.plusSeconds(60)).path("totals").path("inReception").asInt()).isOne();
            assertThat(rollAt(right.plusSeconds(60)).path("totals").path("inCells").asInt()).isOne();
            assertThat(rollAt(right.plusSeconds(60)).path("totals").path("inReception").asInt()).isZero();
            assertThat(Instant.parse(whereabouts(person).path("since").asString())).isEqualTo(right);
            assertThat(population("M1-C01")).isOne();

            rollCall.checkpoint(between);   // taken again, from the corrected ledger
            assertThat(rollAt(between).path("totals").path("inCells").asInt()).isZero();
            assertThat(rollAt(between.plusSeconds(1)).path("totals").path("inReception").asInt()).isOne();
            assertConsistent();
        }

        @Test
        void aDepartureMovedToTheNextDayCountsOnThatDay() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            LocalDate today = now.atZone(SAN_VICENTE).toLocalDate();
            Instant midnight = today.atStartOfDay(SAN_VICENTE).toInstant();
            Duration sinceMidnight = Duration.between(midnight, now);
            Assumptions.assumeTrue(sinceMidnight.compareTo(Duration.ofMinutes(15)) > 0
                    && sinceMidnight.compareTo(Duration.ofHours(23)) < 0, "local midnight within the window");
            UUID person = admittedAt(midnight.minus(Duration.ofMinutes(40)));
            var destination = CustodyFixtures.aFacility(as(Role.DIRECTOR), 1, 5, 5).code();
            var transfer = aMove("TRANSFERRED_OUT");
            transfer.put("destination", destination);
            transfer.put("detail", "escolta 3");
            UUID departure = move(housing, person, transfer, midnight.minus(Duration.ofMinutes(30)));
            assertThat(counted(today.minusDays(1))).containsExactly(1, 1);
            assertThat(counted(today)).containsExactly(0, 0);

            supervisor.post(corrections(person, departure), atTime(midnight.plus(Duration.ofMinutes(10))))
                    .expect(201);
            assertThat(counted(today.minusDays(1))).containsExactly(1, 0);
            assertThat(counted(today)).containsExactly(0, 1);
            JsonNode atMidnight = rollAt(midnight.plusSeconds(60)).path("totals");
            assertThat(atMidnight.path("inReception").asInt()).as("not yet gone at midnight").isOne();
            assertThat(atMidnight.path("inTransitOut").asInt()).isZero();
            assertThat(atMidnight.path("leftToday").asInt()).isZero();
            assertThat(rollAt(now).path("totals").path("leftToday").asInt()).isOne();
            assertThat(housing.get("/api/facilities/" + code + "/roll").expect(200).json().path("totals")
                    .path("leftToday").asInt()).isOne();
            assertConsistent();
        }

        int[] counted(LocalDate day) {
            return jdbc.sql("SELECT arrived, left_ FROM movement_day_count WHERE facility_code = :f AND day = :d")
                    .param("f", code).param("d", day).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                    .optional().orElse(new int[] {0, 0});
        }

        @Test
        void aCorrectedTimeKeepsTheRulesOfAMovementsTime() {
            Instant now = Instant.now();
            UUID person = admittedAt(now.minus(Duration.ofHours(5)));
            UUID placement = placed(person, "M1-C01", now.minus(Duration.ofHours(1)));
            supervisor.post(corrections(person, placement), atTime(now.plus(Duration.ofHours(1)))).expect(400)
                    .code("MOVEMENT_TIME_INVALID");
            supervisor.post(corrections(person, placement), atTime(now.minus(Duration.ofHours(6)))).expect(400)
                    .code("MOVEMENT_TIME_INVALID").field("occurredAt");
            supervisor.post(corrections(person, placement), atTime(now.minus(Duration.ofHours(30)))).expect(400)
                    .code("MOVEMENT_TIME_INVALID");
            assertThat(ledger(person)).hasSize(2);
        }

        @Test
        void aMovementAfterACorrectedTimeIsOrderedByTheCorrectedTime() {
            Instant now = Instant.now();
            UUID person = admittedAt(now.minus(Duration.ofHours(5)));
            UUID placement = placed(person, "M1-C01", now.minus(Duration.ofHours(1)));
            supervisor.post(corrections(person, placement), atTime(now.minus(Duration.ofHours(4)))).expect(201);
            moved(person, "M1-C02", now.minus(Duration.ofHours(3)));   // before the wrong time: now allowed
            assertThat(whereabouts(person).path("locationPath").asString()).endsWith("M1-C02");
            assertConsistent();
        }
    }

    @Nested
    class EnteredInError {

        @Test
        void aMoveThatNeverHappenedPutsThePersonBackAndTheRollForgetsIt() {
            Instant now = Instant.now();
            UUID person = admittedAt(now.minus(Duration.ofHours(5)));
            UUID placement = placed(person, "M1-C01", now.minus(Duration.ofHours(4)));
            UUID move = moved(person, "M2-C01", now.minus(Duration.ofHours(2)));

            var correction = supervisor.post(corrections(person, move), inError()).expect(201).json()
                    .path("correction");
            assertThat(correction.path("enteredInError").asBoolean()).isTrue();
            assertThat(correction.path("correctedKind").isNull()).isTrue();
            assertThat(correction.path("toLocation").asString()).isEqualTo(cells.get("M1-C01").toString());
            assertThat(whereabouts(person).path("locationPath").asString()).endsWith("M1-C01");
            assertThat(Instant.parse(whereabouts(person).path("since").asString()))
                    .isEqualTo(Instant.parse(entry(person, placement).path("occurredAt").asString()));
            assertThat(population("M1-C01")).isOne();
            assertThat(population("M2-C01")).isZero();
            assertThat(entry(person, move).path("supersededBy").asString()).isEqualTo(correction.path("id").asString());
            JsonNode later = rollAt(now.minus(Duration.ofHours(1)));
            assertThat(inModule(later, "M1")).isOne();
            assertThat(inModule(later, "M2")).isZero();
            assertConsistent();

            // The next movement follows the placement, not the move that never was.
            moved(person, "M1-C02", now.minus(Duration.ofHours(3)));
            assertThat(whereabouts(person).path("locationPath").asString()).endsWith("M1-C02");
            assertConsistent();
        }

        @Test
        void anAbsenceThatNeverHappenedPutsThePersonBackInTheCellUnderItsCapacity() {
            UUID person = admitted();
            placed(person, "M1-C02", null);
            var out = aMove("TEMPORARILY_OUT");
            out.put("authority", "production order PO-7");
            out.put("destination", "Hospital Santa Gertrudis");
            out.put("detail", "consulta");
            UUID absence = move(housing, person, out, null);
            placed(admitted(), "M1-C02", null);
            placed(admitted(), "M1-C02", null);   // the bed was taken meanwhile

            supervisor.post(corrections(person, absence), inError()).expect(409).code("CAPACITY_EXCEEDED");
            assertThat(whereabouts(person).path("kind").asString()).isEqualTo("TEMPORARILY_OUT");
            assertConsistent();
        }

        @Test
        void aReturnThatNeverHappenedPutsThePersonBackOut() {
            UUID person = admitted();
            var out = aMove("TEMPORARILY_OUT");
            out.put("authority", "production order PO-7");
            out.put("destination", "Juzgado de Tecoluca");
            out.put("detail", "audiencia");
            move(housing, person, out, null);
            UUID back = move(housing, person, aMove("RETURNED"), null);
            supervisor.post(corrections(person, back), inError()).expect(201);
            JsonNode where = whereabouts(person);
            assertThat(where.path("kind").asString()).isEqualTo("TEMPORARILY_OUT");
            assertThat(where.path("destination").asString()).isEqualTo("Juzgado de Tecoluca");
            assertThat(where.path("detail").asString()).isEqualTo("audiencia");
            assertConsistent();
        }

        @Test
        void inErrorSaysNothingElse() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            var body = inError();
            body.put("toLocation", cells.get("M1-C02").toString());
            supervisor.post(corrections(person, placement), body).expect(400).code("VALIDATION_FAILED")
                    .field("enteredInError");
        }
    }

    @Nested
    class WhatMayBeCorrected {

        @Test
        void onlyTheLatestEntry_aSupersededOneNamesItsCorrection_aCorrectionIsCorrectedInTurn() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            UUID move = moved(person, "M1-C02", null);
            supervisor.post(corrections(person, placement), intoCell(cells.get("M2-C01"))).expect(409)
                    .code("CORRECTION_NOT_LATEST");

            String first = supervisor.post(corrections(person, move), intoCell(cells.get("M2-C01"))).expect(201)
                    .json().path("correction").path("id").asString();
            var again = supervisor.post(corrections(person, move), intoCell(cells.get("M1-C01"))).expect(409)
                    .code("MOVEMENT_SUPERSEDED");
            assertThat(again.json().path("supersededBy").asString()).isEqualTo(first);

            // Its own recorder does not correct it; another supervisor does.
            supervisor.post(corrections(person, UUID.fromString(first)), intoCell(cells.get("M1-C02"))).expect(409)
                    .code("CORRECTION_BY_RECORDER");
            var second = anotherSupervisor().post(corrections(person, UUID.fromString(first)),
                    intoCell(cells.get("M1-C02"))).expect(201).json().path("correction");
            assertThat(second.path("corrects").asString()).isEqualTo(first);
            assertThat(second.path("correctedKind").asString()).isEqualTo("MOVED");
            assertThat(whereabouts(person).path("locationPath").asString()).endsWith("M1-C02");
            assertThat(population("M2-C01")).isZero();
            assertThat(population("M1-C02")).isOne();
            assertThat(ledger(person)).extracting(m -> m.path("supersededBy").isNull())
                    .containsExactly(true, true, false, false, true);
            assertConsistent();
        }

        @Test
        void notTheAdmission_notAMovementThatEndedCustody_notAnUnknownEntry() {
            UUID person = admitted();
            UUID admission = UUID.fromString(ledger(person).get(0).path("id").asString());
            supervisor.post(corrections(person, admission), atTime(Instant.now().minus(Duration.ofHours(7))))
                    .expect(409).code("MOVEMENT_NOT_CORRECTABLE");

            var release = aMove("RELEASED");
            release.put("destination", "a su familia");
            release.put("authority", "Juzgado de Paz");
            release.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "Sgto. Ficticio", "basis", "COURT_ORDER"));
            UUID released = move(housing, person, release, null);
            supervisor.post(corrections(person, released), atTime(Instant.now().minusSeconds(600))).expect(409)
                    .code("MOVEMENT_NOT_CORRECTABLE");
            supervisor.post(corrections(person, UUID.randomUUID()), inError()).expect(404)
                    .code("MOVEMENT_NOT_FOUND");
            supervisor.post(corrections(admitted(), released), inError()).expect(404).code("MOVEMENT_NOT_FOUND");
        }

        @Test
        void aCorrectionIsNotRecordedAsAMovement() {
            UUID person = admitted();
            housing.post(movements(person), aMove("CORRECTED")).expect(400).code("VALIDATION_FAILED").field("type");
        }

        @Test
        void aStaleViewIsRefused() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            var body = intoCell(cells.get("M1-C02"));
            body.put("expectedVersion", 1);
            supervisor.post(corrections(person, placement), body).expect(409).code("WHEREABOUTS_CHANGED");
        }
    }

    @Nested
    class WhoMayCorrect {

        @Test
        void onlySupervisors() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            for (Role role : List.of(Role.HOUSING, Role.INTAKE, Role.INSPECTOR, Role.DIRECTOR, Role.LEGAL,
                    Role.AGENCY)) {
                as(role).post(corrections(person, placement), intoCell(cells.get("M1-C02"))).expect(403)
                        .code("FORBIDDEN");
            }
            anonymous().post(corrections(person, placement), intoCell(cells.get("M1-C02"))).expect(401);
            assertThat(ledger(person)).hasSize(2);
        }

        @Test
        void neverTheOfficerWhoRecordedTheMovement() {
            UUID person = admitted();
            UUID placement = move(supervisor, person, aPlacement(cells.get("M1-C01")), null);
            supervisor.post(corrections(person, placement), intoCell(cells.get("M1-C02"))).expect(409)
                    .code("CORRECTION_BY_RECORDER");
            anotherSupervisor().post(corrections(person, placement), intoCell(cells.get("M1-C02"))).expect(201);
        }

        @Test
        void aSupervisorOfAnotherFacilityFindsNothing() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            var other = access.createUser(new NewUser("sup-" + UUID.randomUUID().toString().substring(0, 8),
                    "Elsewhere", PASSWORD_OF_TEST_USERS, java.util.Set.of(Role.SUPERVISOR),
                    java.util.Set.of("ELSEWHERE")));
            anonymous().basic(other.username(), PASSWORD_OF_TEST_USERS)
                    .post(corrections(person, placement), intoCell(cells.get("M1-C02"))).expect(404);
            assertThat(ledger(person)).hasSize(2);
        }
    }

    @Nested
    class TheBody {

        @Test
        void aReasonIsRequired() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            var body = intoCell(cells.get("M1-C02"));
            body.remove("reason");
            supervisor.post(corrections(person, placement), body).expect(400).code("VALIDATION_FAILED")
                    .field("reason");
            body.put("reason", "   ");
            supervisor.post(corrections(person, placement), body).expect(400).code("VALIDATION_FAILED")
                    .field("reason");
        }

        @Test
        void fieldsThatDoNotParseAreNamed() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            var body = because("typed in a hurry");
            body.put("occurredAt", "yesterday evening");
            supervisor.post(corrections(person, placement), body).expect(400).field("occurredAt");
            body = because("typed in a hurry");
            body.put("toLocation", "cell two");
            supervisor.post(corrections(person, placement), body).expect(400).field("toLocation");
        }

        @Test
        void somethingMustBeWrong() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            supervisor.post(corrections(person, placement), because("no idea")).expect(400)
                    .code("VALIDATION_FAILED").field("occurredAt").field("toLocation").field("enteredInError");
        }

        @Test
        void aRepeatWithTheSameIdempotencyKeyCorrectsOnce() {
            UUID person = admitted();
            UUID placement = placed(person, "M1-C01", null);
            String key = UUID.randomUUID().toString();
            String first = supervisor.header("Idempotency-Key", key)
                    .post(corrections(person, placement), intoCell(cells.get("M1-C02"))).expect(201).json()
                    .path("correction").path("id").asString();
            var again = supervisor.header("Idempotency-Key", key)
                    .post(corrections(person, placement), intoCell(cells.get("M1-C02"))).expect(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.json().path("correction").path("id").asString()).isEqualTo(first);
            assertThat(ledger(person)).hasSize(3);
        }
    }

    ApiClient anotherSupervisor() {
        return anonymous().basic(newUser(Role.SUPERVISOR).username(), PASSWORD_OF_TEST_USERS);
    }
}

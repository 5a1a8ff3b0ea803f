package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aMove;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("custody: admission, movements, whereabouts")
class CustodyApiTest extends IntegrationTest {

    TestData.Estate estate;
    ApiClient intake;
    ApiClient housing;

    @BeforeEach
    void aFacilityWithThreeCells() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        estate = aFacility(as(Role.DIRECTOR), 3, 2, 3);
    }

    UUID admitted() {
        UUID person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        return person;
    }

    UUID placed(int cell) {
        UUID person = admitted();
        housing.post(movements(person), aPlacement(estate.cells().get(cell))).expect(201);
        return person;
    }

    static String movements(UUID person) {
        return "/api/people/" + person + "/movements";
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLogon() {
            UUID person = UUID.randomUUID();
            anonymous().post("/api/people/" + person + "/custody", anAdmission("X1")).expect(401);
            anonymous().post(movements(person), aMove("RETURNED")).expect(401);
            anonymous().get("/api/facilities/" + estate.code() + "/roll").expect(401);
        }

        @Test
        void theConsistencyCheckIsForOversight() {
            as(Role.HOUSING).get("/api/custody/consistency").expect(403).code("FORBIDDEN");
            anonymous().get("/api/custody/consistency").expect(401);
        }

        @Test
        void onlyIntakeAdmits() {
            UUID person = aPerson(intake, estate.code());
            as(Role.HOUSING).post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(403)
                    .code("FORBIDDEN");
        }

        @Test
        void inspectorsAndAgenciesDoNotMovePeople() {
            UUID person = admitted();
            as(Role.INSPECTOR).post(movements(person), aPlacement(estate.cells().get(0))).expect(403);
            as(Role.AGENCY).get("/api/people/" + person + "/whereabouts").expect(403);
            as(Role.AGENCY).get("/api/facilities/" + estate.code() + "/roll").expect(403);
        }

        @Test
        void anOfficerOfAnotherFacilityCannotMoveOrSee() {
            UUID person = admitted();
            var other = access.createUser(new org.habeas.access.NewUser("other-" + UUID.randomUUID().toString()
                    .substring(0, 8), "Other facility", PASSWORD_OF_TEST_USERS, java.util.Set.of(Role.HOUSING),
                    java.util.Set.of("ELSEWHERE")));
            var elsewhere = anonymous().basic(other.username(), PASSWORD_OF_TEST_USERS);
            elsewhere.post(movements(person), aPlacement(estate.cells().get(0))).expect(404);
            elsewhere.get("/api/facilities/" + estate.code() + "/roll").expect(404).code("FACILITY_NOT_FOUND");
        }
    }

    @Nested
    class Validation {
        @Test
        void noAdmissionWithoutALegalAuthority() {   // REQ-02
            UUID person = aPerson(intake, estate.code());
            var body = new HashMap<>(anAdmission(estate.code()));
            body.remove("authority");
            intake.post("/api/people/" + person + "/custody", body).expect(400).code("VALIDATION_FAILED")
                    .field("authority");
            assertThat(as(Role.HOUSING).get("/api/people/" + person + "/whereabouts").status()).isEqualTo(404);
        }

        @Test
        void theAuthoritysReferenceIsRequired() {
            UUID person = aPerson(intake, estate.code());
            var body = new HashMap<>(anAdmission(estate.code()));
            body.put("authority", Map.of("type", "SENTENCE", "issuingAuthority", "Tribunal", "issuedOn", "2024-01-01"));
            intake.post("/api/people/" + person + "/custody", body).expect(400).code("VALIDATION_FAILED")
                    .field("authority.documentReference");
        }

        @Test
        void aPersonIsAdmittedOnce() {
            UUID person = admitted();
            intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(409)
                    .code("ALREADY_IN_CUSTODY");
        }

        @Test
        void anUnknownPersonIsNotFound() {
            intake.post("/api/people/" + UUID.randomUUID() + "/custody", anAdmission(estate.code())).expect(404)
                    .code("PERSON_NOT_FOUND");
        }

        @Test
        void anAdmissionCannotBeInTheFutureOrBeyondTheWindow() {
            UUID person = aPerson(intake, estate.code());
            var body = new HashMap<>(anAdmission(estate.code()));
            body.put("admittedAt", Instant.now().plusSeconds(3600).toString());
            intake.post("/api/people/" + person + "/custody", body).expect(400).code("MOVEMENT_TIME_INVALID");
            body.put("admittedAt", Instant.now().minusSeconds(3 * 86400).toString());
            body.put("reason", "paper register copied late");
            intake.post("/api/people/" + person + "/custody", body).expect(400).code("MOVEMENT_TIME_INVALID");
        }

        @Test
        void backdatingNeedsAReason() {
            UUID person = aPerson(intake, estate.code());
            var body = new HashMap<>(anAdmission(estate.code()));
            body.put("admittedAt", Instant.now().minusSeconds(3600).toString());
            intake.post("/api/people/" + person + "/custody", body).expect(400).code("VALIDATION_FAILED")
                    .field("reason");
            body.put("reason", "arrived during the power cut");
            intake.post("/api/people/" + person + "/custody", body).expect(201);
        }

        @Test
        void illegalTransitionsSayTheCurrentState() {
            UUID person = admitted();
            var refused = housing.post(movements(person), aMove("RETURNED")).expect(409).code("INVALID_TRANSITION");
            assertThat(refused.json().path("current").asString()).isEqualTo("RECEPTION");
        }

        @Test
        void aPlacementNeedsACell() {
            UUID person = admitted();
            housing.post(movements(person), aMove("PLACED")).expect(400).code("VALIDATION_FAILED").field("toLocation");
        }

        @Test
        void aReleaseNeedsTheIdentityCheck() {   // REQ-39
            UUID person = admitted();
            var release = aMove("RELEASED");
            release.put("destination", "family, at the gate");
            release.put("authority", "Juzgado de Paz");
            housing.post(movements(person), release).expect(400).code("VALIDATION_FAILED")
                    .field("particulars.identityChecked");
        }

        @Test
        void anUnknownMovementTypeIsNamed() {
            UUID person = admitted();
            housing.post(movements(person), aMove("VANISHED")).expect(400).code("VALIDATION_FAILED").field("type");
        }

        @Test
        void aStaleViewIsRefused() {
            UUID person = admitted();
            var move = aPlacement(estate.cells().get(0));
            move.put("expectedVersion", 7);
            housing.post(movements(person), move).expect(409).code("WHEREABOUTS_CHANGED");
        }

        @Test
        void aCellOfAnotherFacilityIsRefused() {
            UUID person = admitted();
            var other = aFacility(as(Role.DIRECTOR), 1, 2, 3);
            housing.post(movements(person), aPlacement(other.cells().get(0))).expect(409)
                    .code("LOCATION_IN_ANOTHER_FACILITY");
        }
    }

    @Nested
    class HappyPath {
        @Test
        void admissionPutsThePersonInReceptionWithTheRule7Record() {   // REQ-08
            UUID person = aPerson(intake, estate.code());
            var body = new HashMap<>(anAdmission(estate.code()));
            body.put("illTreatmentComplaint", "says he was beaten during the arrest");
            var admitted = intake.post("/api/people/" + person + "/custody", body).expect(201).json();
            assertThat(admitted.path("whereabouts").path("kind").asString()).isEqualTo("RECEPTION");
            assertThat(admitted.path("referral").isNull()).as("a complaint opens a referral (REQ-17)").isFalse();
            var episode = housing.get("/api/people/" + person + "/custody").expect(200).json().get(0);
            assertThat(episode.path("authority").path("type").asString()).isEqualTo("DETENTION_ORDER");
            assertThat(episode.path("property").get(0).path("description").asString()).isEqualTo("reloj de pulsera");
            assertThat(lastJournalAction(person)).isEqualTo("ILL_TREATMENT_REFERRAL_OPENED");
        }

        @Test
        void placementMoveAndReleaseWalkTheLedger() {
            UUID person = placed(0);
            assertThat(housing.get("/api/people/" + person + "/whereabouts").expect(200).json().path("locationPath")
                    .asString()).endsWith("M1-C01");
            housing.post(movements(person), aPlacement(estate.cells().get(1)).entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            e -> e.getKey().equals("type") ? "MOVED" : e.getValue()))).expect(201);
            var release = aMove("RELEASED");
            release.put("destination", "his sister, at the gate");
            release.put("authority", "Juzgado de Paz de Tecoluca");
            release.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "Sgt. Ficticio", "basis", "COURT_ORDER"));
            housing.post(movements(person), release).expect(201);

            var ledger = housing.get(movements(person)).expect(200).json();
            List<String> kinds = new ArrayList<>();
            ledger.forEach(m -> kinds.add(m.path("kind").asString()));
            assertThat(kinds).containsExactly("ADMITTED", "PLACED", "MOVED", "RELEASED");
            housing.get("/api/people/" + person + "/whereabouts").expect(404).code("NOT_IN_CUSTODY");
            assertThat(housing.get("/api/people/" + person + "/custody").expect(200).json().get(0).path("ended")
                    .asString()).isEqualTo("RELEASED");
            assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                    .size()).isZero();
        }

        @Test
        void aTransferIsInTransitUntilTheDestinationAcknowledges() {   // REQ-35
            UUID person = placed(0);
            var destination = aFacility(as(Role.DIRECTOR), 1, 5, 5);
            var transfer = aMove("TRANSFERRED_OUT");
            transfer.put("destination", destination.code());
            transfer.put("detail", "escort team 4");
            housing.post(movements(person), transfer).expect(201);
            var inTransit = housing.get("/api/people/" + person + "/whereabouts").expect(200).json();
            assertThat(inTransit.path("kind").asString()).isEqualTo("IN_TRANSIT");
            assertThat(inTransit.path("destination").asString()).isEqualTo(destination.code());
            assertThat(housing.get("/api/facilities/" + destination.code() + "/roll").expect(200).json()
                    .path("totals").path("inTransitIn").asInt()).isEqualTo(1);

            housing.post(movements(person), aMove("ARRIVED")).expect(201);
            var arrived = housing.get("/api/people/" + person + "/whereabouts").expect(200).json();
            assertThat(arrived.path("kind").asString()).isEqualTo("RECEPTION");
            assertThat(arrived.path("facility").asString()).isEqualTo(destination.code());
        }

        @Test
        void theLedgerRefusesUpdateAndDelete() {   // invariant 5
            UUID person = admitted();
            assertThatThrownBy(() -> jdbc.sql("UPDATE movement SET reason = 'rewritten' WHERE person_id = :p")
                    .param("p", person).update()).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM movement WHERE person_id = :p").param("p", person)
                    .update()).hasMessageContaining("append-only");
        }

        @Test
        void twentyOfficersFillingTheLastBedsNeverExceedCapacity() throws Exception {
            // Operational capacity 2 per cell: twenty concurrent placements into one cell, two succeed.
            List<UUID> people = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                people.add(admitted());
            }
            UUID cell = estate.cells().get(2);
            ExecutorService pool = Executors.newFixedThreadPool(20);
            var start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (UUID person : people) {
                results.add(pool.submit(() -> {
                    start.await();
                    return housing.post(movements(person), aPlacement(cell)).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            pool.shutdown();
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(18);
            assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                    .size()).isZero();
        }

        @Test
        void twoConcurrentMovementsOfOnePersonOneWins() throws Exception {
            UUID person = admitted();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            var start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                UUID cell = estate.cells().get(i);
                results.add(pool.submit(() -> {
                    start.await();
                    var move = aPlacement(cell);
                    move.put("expectedVersion", 1);
                    return housing.post(movements(person), move).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
            pool.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }

        @Test
        void theRollNowEqualsTheRollRecomputedFromTheLedger() {
            placed(0);
            placed(1);
            admitted();
            var now = housing.get("/api/facilities/" + estate.code() + "/roll").expect(200).json();
            assertThat(now.path("totals").path("inCells").asInt()).isEqualTo(2);
            assertThat(now.path("totals").path("inReception").asInt()).isEqualTo(1);
            assertThat(now.path("totals").path("population").asInt()).isEqualTo(3);
            assertThat(now.path("totals").path("arrivedToday").asInt()).isEqualTo(3);
            var atNow = housing.get("/api/facilities/" + estate.code() + "/roll?at=" + Instant.now()).expect(200)
                    .json();
            assertThat(atNow.path("fromLedger").asBoolean()).isTrue();
            assertThat(atNow.path("totals")).isEqualTo(now.path("totals"));
            var before = housing.get("/api/facilities/" + estate.code() + "/roll?at="
                    + Instant.now().minusSeconds(86400)).expect(200).json();
            assertThat(before.path("totals").path("population").asInt()).isZero();
        }
    }

    private String lastJournalAction(UUID person) {
        return jdbc.sql("""
                SELECT action FROM journal_entry WHERE subject_type = 'person' AND subject_id = :id
                   AND action <> 'READ' ORDER BY seq DESC LIMIT 1""").param("id", person.toString())
                .query(String.class).single();
    }

    @Nested
    class BulkAdmission {
        @Test
        void eachLineIsAllOrNothingAndTheBatchIsIdempotent() {
            UUID first = aPerson(intake, estate.code());
            UUID second = aPerson(intake, estate.code());
            var broken = new HashMap<>(anAdmission(estate.code()));
            broken.put("authority", Map.of("type", "SENTENCE", "issuingAuthority", "Tribunal", "issuedOn", "2024-01-01",
                    "documentReference", "S-1"));
            broken.put("admittedAt", Instant.now().plusSeconds(7200).toString());
            var lines = List.of(Map.of("personId", first, "admission", anAdmission(estate.code())),
                    Map.of("personId", second, "admission", broken),
                    Map.of("personId", UUID.randomUUID(), "admission", anAdmission(estate.code())));
            String key = UUID.randomUUID().toString();
            var results = intake.header("Idempotency-Key", key).post("/api/custody/admissions", lines).expect(200)
                    .json().path("results");
            assertThat(results.get(0).path("status").asInt()).isEqualTo(201);
            assertThat(results.get(1).path("code").asString()).isEqualTo("MOVEMENT_TIME_INVALID");
            assertThat(results.get(2).path("code").asString()).isEqualTo("PERSON_NOT_FOUND");
            assertThat(housing.get("/api/people/" + second + "/whereabouts").status()).isEqualTo(404);

            var again = intake.header("Idempotency-Key", key).post("/api/custody/admissions", lines).expect(200);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(housing.get("/api/people/" + first + "/custody").expect(200).json().size()).isEqualTo(1);
        }

        @Test
        void aLineTheDatabaseRefusesLeavesNothingBehindWhileTheBatchCommits() {
            // The batch is one transaction with a savepoint per person: a line refused after its rows were written
            // (here by the exclusion constraint on overlapping episodes) must be rolled back alone.
            UUID returning = CustodyFixtures.aPersonReleasedAnHourAgo(intake, housing, estate.code());

            var overlapping = new HashMap<>(anAdmission(estate.code()));
            overlapping.put("admittedAt", Instant.now().minusSeconds(5400).toString());
            overlapping.put("reason", "register copied late");
            UUID fresh = aPerson(intake, estate.code());
            var lines = List.of(Map.of("personId", returning, "admission", overlapping),
                    Map.of("personId", fresh, "admission", anAdmission(estate.code())),
                    Map.of("personId", fresh, "admission", anAdmission(estate.code())));
            var results = intake.post("/api/custody/admissions", lines).expect(200).json().path("results");

            assertThat(results.get(0).path("code").asString()).isEqualTo("MOVEMENT_TIME_INVALID");
            assertThat(results.get(1).path("status").asInt()).isEqualTo(201);
            assertThat(results.get(2).path("code").asString()).isEqualTo("ALREADY_IN_CUSTODY");
            assertThat(housing.get("/api/people/" + returning + "/custody").expect(200).json().size()).isEqualTo(1);
            assertThat(housing.get("/api/people/" + returning + "/movements").expect(200).json().size()).isEqualTo(2);
            assertThat(lastJournalAction(returning)).isEqualTo("PERSON_RELEASED");
            assertThat(housing.get("/api/people/" + fresh + "/custody").expect(200).json().size()).isEqualTo(1);
            assertThat(housing.get("/api/people/" + fresh + "/whereabouts").expect(200).json().path("kind")
                    .asString()).isEqualTo("RECEPTION");
            assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = 'PERSON_ADMITTED' AND subject_id = :p")
                    .param("p", fresh.toString()).query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void onlyIntakeAdmitsInBulk() {
            as(Role.HOUSING).post("/api/custody/admissions", List.of()).expect(403);
        }

        @Test
        void anEmptyBatchIsRefused() {
            intake.post("/api/custody/admissions", List.of()).expect(400).code("VALIDATION_FAILED");
        }
    }

    @Nested
    class CapacityInTheEngine {   // REQ-29: refused at operational capacity; an override reaches maximum, never beyond

        private String overrideFor(UUID person, UUID cell) {
            var movement = Map.of("personId", person.toString(), "action", "PLACEMENT", "facility", estate.code(),
                    "toLocation", cell.toString());
            String id = housing.post("/api/overrides", Map.of("movement", movement, "rule", "CAPACITY",
                    "reason", "cell M1-C02 flooded", "legalBasis", "director's emergency instruction 7",
                    "expiresAt", Instant.now().plusSeconds(3600).toString())).expect(201).json().path("id").asString();
            as(Role.SUPERVISOR).post("/api/overrides/" + id + "/approve", Map.of("reason", "checked")).expect(200);
            return id;
        }

        @Test
        void aFullCellIsRefusedWithItsReasonAndTheRefusalIsJournaled() {
            UUID cell = estate.cells().get(0);
            placed(0);
            placed(0);
            UUID third = admitted();
            var refused = housing.post(movements(third), aPlacement(cell)).expect(409).code("CAPACITY_EXCEEDED");
            assertThat(refused.json().path("reasons").get(0).asString()).contains("holds 2 of 2");
            assertThat(lastJournalAction(third)).isEqualTo("MOVEMENT_DENIED");
            assertThat(housing.get("/api/people/" + third + "/whereabouts").expect(200).json().path("kind").asString())
                    .isEqualTo("RECEPTION");
        }

        @Test
        void anApprovedOverrideFillsUpToMaximumAndNoFurther() {
            UUID cell = estate.cells().get(1);
            placed(1);
            placed(1);
            UUID third = admitted();
            var withOverride = aPlacement(cell);
            withOverride.put("overrides", List.of(overrideFor(third, cell)));
            housing.post(movements(third), withOverride).expect(201);

            UUID fourth = admitted();
            var beyond = aPlacement(cell);
            beyond.put("overrides", List.of(overrideFor(fourth, cell)));
            housing.post(movements(fourth), beyond).expect(409).code("MAXIMUM_CAPACITY_EXCEEDED");
            assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                    .size()).isZero();
        }
    }
}

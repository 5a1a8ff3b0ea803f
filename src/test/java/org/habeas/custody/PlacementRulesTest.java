package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DisplayName("separation, non-associations and allegations")
class PlacementRulesTest extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    TestData.Estate estate;
    ApiClient intake;
    ApiClient housing;

    @BeforeEach
    void aFacility() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        estate = CustodyFixtures.aFacility(as(Role.DIRECTOR), 3, 10, 12);
    }

    UUID admitted(String sex, String legalStatus) {
        UUID person = aPerson(intake, estate.code(), sex);
        var admission = new HashMap<>(anAdmission(estate.code()));
        admission.put("legalStatus", legalStatus);
        intake.post("/api/people/" + person + "/custody", admission).expect(201);
        return person;
    }

    UUID admitted() {
        return admitted("MALE", "PRE_TRIAL");
    }

    UUID placedIn(int cell) {
        UUID person = admitted();
        place(person, cell).expect(201);
        return person;
    }

    org.habeas.ApiResponse place(UUID person, int cell) {
        return housing.post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(cell)));
    }

    String keepApart(Map<String, Object> body) {
        return housing.post("/api/non-associations", body).expect(201).json().path("id").asString();
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLogon() {
            anonymous().post("/api/non-associations", Map.of()).expect(401);
            anonymous().get("/api/people/" + UUID.randomUUID() + "/allegations").expect(401);
        }

        @Test
        void wrongRolesAreRefused() {
            UUID person = admitted();
            as(Role.AGENCY).get("/api/people/" + person + "/allegations").expect(403).code("FORBIDDEN");
            as(Role.HOUSING).post("/api/people/" + person + "/allegations", Map.of("kind", "GANG_AFFILIATION",
                    "group", "Grupo Norte", "source", "police report 1")).expect(403);
            as(Role.INSPECTOR).post("/api/non-associations", Map.of("groupA", "A", "groupB", "B", "scope", "CELL",
                    "reason", "r", "source", "s")).expect(403);
        }

        @Test
        void onlyLegalOfficersAndSupervisorsChangeAnAllegationAndOnlyPlacersCloseARecord() {
            UUID person = admitted();
            String allegation = as(Role.INTAKE).post("/api/people/" + person + "/allegations", Map.of("kind",
                    "GANG_AFFILIATION", "group", "Grupo Este", "source", "report 7")).expect(201).json().path("id")
                    .asString();
            as(Role.HOUSING).put("/api/allegations/" + allegation + "/status", Map.of("status", "WITHDRAWN",
                    "reason", "no basis")).expect(403).code("FORBIDDEN");
            String record = keepApart(Map.of("groupA", "Grupo Este", "groupB", "Grupo Oeste", "scope", "CELL",
                    "reason", "rivals", "source", "policy"));
            as(Role.INSPECTOR).post("/api/non-associations/" + record + "/close", Map.of("reason", "x")).expect(403);
            as(Role.DIRECTOR).post("/api/non-associations/" + record + "/reopen", Map.of("reason", "x")).expect(403);
            as(Role.AGENCY).get("/api/placement-records/" + record + "/history").expect(403).code("FORBIDDEN");
        }
    }

    @Nested
    class Validation {
        @Test
        void aNonAssociationIsBetweenTwoPeopleOrTwoGroups() {
            UUID person = admitted();
            housing.post("/api/non-associations", Map.of("personA", person, "groupB", "Grupo Sur", "scope", "CELL",
                    "reason", "threats", "source", "intelligence note 3")).expect(400).code("VALIDATION_FAILED");
            housing.post("/api/non-associations", Map.of("personA", person, "personB", person, "scope", "CELL",
                    "reason", "threats", "source", "note")).expect(400).code("VALIDATION_FAILED").field("personB");
        }

        @Test
        void theScopeIsNamed() {
            housing.post("/api/non-associations", Map.of("groupA", "A", "groupB", "B", "scope", "WING",
                    "reason", "r", "source", "s")).expect(400).code("VALIDATION_FAILED").field("scope");
        }

        @Test
        void anUnknownAllegationIsNotFound() {
            as(Role.LEGAL).put("/api/allegations/" + UUID.randomUUID() + "/status", Map.of("status", "WITHDRAWN",
                    "reason", "no evidence")).expect(404).code("ALLEGATION_NOT_FOUND");
        }
    }

    @Nested
    class Separation {   // REQ-20, Mandela Rule 11
        @Test
        void immigrationDetaineesAreNotPlacedWithCriminalDetainees() {
            placedIn(0);
            UUID detainee = admitted("MALE", "IMMIGRATION");
            var refused = place(detainee, 0).expect(409).code("SEPARATION_REQUIRED");
            assertThat(refused.json().path("reasons").get(0).asString()).contains("immigration");
            place(detainee, 1).expect(201);
        }

        @Test
        void womenAreNotPlacedWithMen() {
            placedIn(0);
            place(admitted("FEMALE", "PRE_TRIAL"), 0).expect(409).code("SEPARATION_REQUIRED");
        }

        @Test
        void untriedAreNotPlacedWithConvicted() {
            placedIn(0);
            place(admitted("MALE", "SENTENCED"), 0).expect(409).code("SEPARATION_REQUIRED");
        }

        @Test
        void aMinorIsNotPlacedWithAdults() {
            placedIn(0);
            UUID minor = aMinor();
            var refused = place(minor, 0).expect(409).code("SEPARATION_REQUIRED");
            assertThat(refused.json().path("reasons").get(0).asString()).contains("minor");
            place(minor, 1).expect(201);
            place(admitted(), 1).expect(409).code("SEPARATION_REQUIRED");   // nor an adult with a minor
        }

        @Test
        void aModuleForWomenTakesNoManEvenIntoAnEmptyCell() {
            designate("M1", "FEMALE", null, null);
            var refused = place(admitted("MALE", "PRE_TRIAL"), 0).expect(409).code("SEPARATION_REQUIRED");
            assertThat(refused.json().path("reasons").get(0).asString())
                    .contains(estate.code() + "-M1 is designated for women only");
            place(admitted("FEMALE", "PRE_TRIAL"), 0).expect(201);
        }

        @Test
        void aCellForMinorsTakesNoAdultAndACivilUnitNoCriminalDetainee() {
            designate("M1-C02", null, "MINORS", null);
            place(admitted(), 1).expect(409).code("SEPARATION_REQUIRED");
            place(aMinor(), 1).expect(201);

            designate("M1", null, null, "CIVIL");
            var refused = place(admitted("MALE", "PRE_TRIAL"), 2).expect(409).code("SEPARATION_REQUIRED");
            assertThat(refused.json().path("reasons").get(0).asString())
                    .contains("designated for civil or immigration detention; this person is in pre-trial detention");
            place(admitted("MALE", "IMMIGRATION"), 2).expect(201);
        }

        @Test
        void aSupervisorsOverrideLiftsADesignationForOneMovement() {   // REQ-20: unless an authorised override
            designate("M1", "FEMALE", null, null);
            UUID man = admitted();
            var movement = aPlacement(estate.cells().get(0));
            place(man, 0).expect(409).code("SEPARATION_REQUIRED");
            String override = housing.post("/api/overrides", Map.of("rule", "SEPARATION", "movement",
                    Map.of("personId", man.toString(), "action", "PLACEMENT", "facility", estate.code(),
                            "toLocation", estate.cells().get(0).toString()), "reason",
                    "the only cell under medical observation", "legalBasis", "Mandela Rule 24",
                    "expiresAt", java.time.Instant.now().plusSeconds(3600).toString())).expect(201).json()
                    .path("id").asString();
            as(Role.SUPERVISOR).post("/api/overrides/" + override + "/approve", Map.of("reason", "seen the file"))
                    .expect(200);
            var withOverride = new HashMap<>(movement);
            withOverride.put("overrides", List.of(override));
            housing.post("/api/people/" + man + "/movements", withOverride).expect(201);
        }

        /**
         * A director's designation being written while an officer places someone: the placement waits for it and is
         * judged by it. The test holds the designation lock the way EstateService.changeSeparation does.
         */
        @Test
        void aPlacementWaitsForADesignationBeingChangedAndIsJudgedByIt() throws Exception {
            UUID man = admitted();
            var written = new CountDownLatch(1);
            var commit = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> director = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('habeas.separation:' || :f, 0))")
                            .param("f", estate.code()).query().listOfRows();
                    jdbc.sql("UPDATE location SET for_sex = 'FEMALE', version = version + 1"
                            + " WHERE facility_code = :f AND kind = 'MODULE'").param("f", estate.code()).update();
                    written.countDown();
                    try {
                        commit.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
                Future<Integer> placement = pool.submit(() -> place(man, 0).status());
                Thread.sleep(500);
                assertThat(placement.isDone()).as("the placement waits for the designation").isFalse();
                commit.countDown();
                director.get(10, TimeUnit.SECONDS);
                assertThat(placement.get(10, TimeUnit.SECONDS)).isEqualTo(409);
            } finally {
                commit.countDown();
                pool.shutdown();
            }
        }

        UUID aMinor() {
            UUID person = aPerson(intake, estate.code(), "MALE", java.time.LocalDate.now().minusYears(16).toString());
            intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
            return person;
        }

        void designate(String path, String sex, String ageGroup, String detention) {
            UUID location = null;
            for (var l : as(Role.DIRECTOR).get("/api/facilities/" + estate.code() + "/locations").expect(200).json()) {
                if (l.path("pathKey").asString().equals(estate.code() + "-" + path)) {
                    location = UUID.fromString(l.path("id").asString());
                }
            }
            Map<String, Object> body = new HashMap<>();
            body.put("sex", sex);
            body.put("ageGroup", ageGroup);
            body.put("detention", detention);
            body.put("reason", "classification plan");
            as(Role.DIRECTOR).put("/api/facilities/" + estate.code() + "/locations/" + location + "/separation", body)
                    .expect(200);
        }
    }

    @Nested
    class NonAssociations {   // REQ-22
        @Test
        void twoPeopleKeptApartAtCellLevelMayShareAModuleButNotACell() {
            UUID a = placedIn(0);
            UUID b = admitted();
            String id = keepApart(Map.of("personA", a, "personB", b, "scope", "CELL", "reason", "threatened him",
                    "source", "incident report 12"));
            var refused = place(b, 0).expect(409).code("NON_ASSOCIATION");
            assertThat(refused.json().path("reasons").get(0).asString()).contains("threatened him");
            place(b, 1).expect(201);

            housing.post("/api/non-associations/" + id + "/close", Map.of("reason", "resolved by mediation"))
                    .expect(200);
            housing.post("/api/people/" + b + "/movements", Map.of("type", "MOVED",
                    "toLocation", estate.cells().get(0).toString())).expect(201);
            var history = housing.get("/api/placement-records/" + id + "/history").expect(200).json();
            assertThat(history.size()).isEqualTo(2);
            assertThat(history.get(1).path("to").asString()).isEqualTo("CLOSED");
            housing.post("/api/non-associations/" + id + "/reopen", Map.of("reason", "new threats")).expect(200);
            assertThat(housing.get("/api/people/" + a + "/non-associations").expect(200).json().get(0)
                    .path("status").asString()).isEqualTo("OPEN");
        }

        @Test
        void allegedRivalsAreKeptApartAcrossTheModuleUntilTheAllegationIsWithdrawn() {
            String north = "Grupo Norte " + UUID.randomUUID().toString().substring(0, 6);
            String south = "Grupo Sur " + UUID.randomUUID().toString().substring(0, 6);
            UUID a = placedIn(0);
            UUID b = admitted();
            as(Role.INTAKE).post("/api/people/" + a + "/allegations", Map.of("kind", "GANG_AFFILIATION",
                    "group", north, "source", "police report 41")).expect(201);
            String allegation = as(Role.INTAKE).post("/api/people/" + b + "/allegations", Map.of("kind",
                    "GANG_AFFILIATION", "group", south, "source", "police report 42")).expect(201).json().path("id")
                    .asString();
            keepApart(Map.of("groupA", north, "groupB", south, "scope", "MODULE", "reason", "rival groups",
                    "source", "classification policy 2025-3"));

            var refused = place(b, 1).expect(409).code("NON_ASSOCIATION");
            assertThat(refused.json().path("reasons").get(0).asString()).contains("alleged " + south)
                    .contains("alleged " + north);
            var allegations = housing.get("/api/people/" + b + "/allegations").expect(200).json();
            assertThat(allegations.get(0).path("status").asString()).isEqualTo("ALLEGED");

            as(Role.LEGAL).put("/api/allegations/" + allegation + "/status", Map.of("status", "WITHDRAWN",
                    "reason", "the report named another person")).expect(200);
            place(b, 1).expect(201);
        }

        @Test
        void twoOfficersPlacingTwoRivalsIntoOneCellAtOnceCannotBothSucceed() throws Exception {
            UUID a = admitted();
            UUID b = admitted();
            keepApart(Map.of("personA", a, "personB", b, "scope", "CELL", "reason", "feud", "source", "note 9"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            var start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (UUID person : List.of(a, b)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return place(person, 2).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
            pool.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }

        /**
         * The cell locks do not cover this: each officer locks only their own cell. Several rounds, because a race
         * lost by chance in one round proves nothing.
         */
        @Test
        void twoOfficersPlacingTwoRivalsIntoTwoCellsOfOneModuleAtOnceCannotBothSucceed() throws Exception {
            for (int round = 0; round < 6; round++) {
                UUID a = admitted();
                UUID b = admitted();
                keepApart(Map.of("personA", a, "personB", b, "scope", "MODULE", "reason", "feud", "source",
                        "note " + round));
                assertThat(atOnce(a, round % 3, b, (round + 1) % 3)).as("round %d", round)
                        .containsExactlyInAnyOrder(201, 409);
            }
        }

        @Test
        void twoOfficersPlacingMembersOfRivalGroupsIntoOneModuleAtOnceCannotBothSucceed() throws Exception {
            for (int round = 0; round < 6; round++) {
                String north = "Grupo Norte " + UUID.randomUUID().toString().substring(0, 6);
                String south = "Grupo Sur " + UUID.randomUUID().toString().substring(0, 6);
                UUID a = admitted();
                UUID b = admitted();
                intake.post("/api/people/" + a + "/allegations", Map.of("kind", "GANG_AFFILIATION", "group", north,
                        "source", "police report " + round)).expect(201);
                intake.post("/api/people/" + b + "/allegations", Map.of("kind", "GANG_AFFILIATION", "group", south,
                        "source", "police report " + round)).expect(201);
                keepApart(Map.of("groupA", north, "groupB", south, "scope", "MODULE", "reason", "rival groups",
                        "source", "classification policy " + round));
                assertThat(atOnce(a, round % 3, b, (round + 1) % 3)).as("round %d", round)
                        .containsExactlyInAnyOrder(201, 409);
            }
        }

        @Test
        void aRecordBetweenCellmatesSaysTheyAreHeldTogetherUntilOneIsMoved() {   // REQ-22
            UUID a = placedIn(0);
            UUID b = placedIn(0);
            String id = keepApart(Map.of("personA", a, "personB", b, "scope", "CELL", "reason", "threats at night",
                    "source", "incident report 12"));
            String together = "/api/people/" + a + "/non-associations/held-together";
            assertThat(housing.get(together).expect(200).json().toString()).contains(id);
            var page = new org.habeas.PageSession(baseUrl()).logOn(newUser(Role.HOUSING).username(),
                    PASSWORD_OF_TEST_USERS).get("/custody/people/" + a + "/associations?lang=en", "HX-Request", "true");
            assertThat(page.body()).contains("id=\"apart-" + id + "-together\"", "Held together now, within a cell");

            var move = new HashMap<>(aPlacement(estate.cells().get(1)));
            move.put("type", "MOVED");
            housing.post("/api/people/" + b + "/movements", move).expect(201);
            assertThat(housing.get(together).expect(200).json().size()).as("apart now").isZero();
            as(Role.AGENCY).get(together).expect(403).code("FORBIDDEN");
        }

        /** Places {@code a} into {@code cellA} and {@code b} into {@code cellB} from two threads at once. */
        List<Integer> atOnce(UUID a, int cellA, UUID b, int cellB) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                var start = new CountDownLatch(1);
                Future<Integer> first = pool.submit(() -> {
                    start.await();
                    return place(a, cellA).status();
                });
                Future<Integer> second = pool.submit(() -> {
                    start.await();
                    return place(b, cellB).status();
                });
                start.countDown();
                return List.of(first.get(), second.get());
            } finally {
                pool.shutdown();
            }
        }
    }
}

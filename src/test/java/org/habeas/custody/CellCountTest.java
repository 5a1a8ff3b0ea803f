package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aMove;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-cell counts SEPARATION and NON_ASSOCIATION read (V55, REQ-20, REQ-22) follow every change that moves
 * people or their allegations, by triggers in the same transaction: placements and moves, a withdrawn allegation,
 * a merge, a category changed by SQL, and twenty officers moving people between the same two cells at once. The
 * consistency check recounts them and names a count that differs.
 */
class CellCountTest extends IntegrationTest {

    ApiClient intake;
    ApiClient housing;
    TestData.Estate estate;
    String group;

    @BeforeEach
    void aFacilityOfTwoCells() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        estate = aFacility(as(Role.DIRECTOR), 2, 30, 30);
        group = "Grupo " + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void countsFollowPlacementsMovesWithdrawalsAndReleases() {
        UUID a = admitted(group);
        UUID b = admitted(group);
        UUID c = admitted(null);
        place(a, 0);
        place(b, 0);
        place(c, 0);
        assertThat(alleged(0)).isEqualTo(2);
        assertThat(held(0, "MALE", false, "PRE_TRIAL")).isEqualTo(3);

        move(b, 1);
        assertThat(alleged(0)).isEqualTo(1);
        assertThat(alleged(1)).isEqualTo(1);
        assertThat(held(1, "MALE", false, "PRE_TRIAL")).isEqualTo(1);

        // A second allegation of the same group counts the person once; withdrawing one of the two keeps them counted.
        String second = allege(a, group);
        assertThat(alleged(0)).isEqualTo(1);
        withdraw(second);
        assertThat(alleged(0)).isEqualTo(1);
        withdraw(allegationsOf(a).get(0));
        assertThat(alleged(0)).isZero();

        // Reclassified by SQL (no command does it today): the trigger on episodes moves the person between categories.
        jdbc.sql("UPDATE custody_episode SET legal_status = 'SENTENCED' WHERE person_id = :p AND ended_at IS NULL")
                .param("p", c).update();
        assertThat(held(0, "MALE", false, "PRE_TRIAL")).isEqualTo(1);
        assertThat(held(0, "MALE", false, "SENTENCED")).isEqualTo(1);

        housing.post("/api/people/" + c + "/movements", release()).expect(201);
        assertThat(held(0, "MALE", false, "SENTENCED")).isZero();
        assertThat(differences()).isEmpty();
    }

    @Test
    void aMergedDuplicatesAllegationsCountInTheSurvivorsCell() {
        UUID survivor = admitted(null);
        place(survivor, 0);
        UUID duplicate = aPerson(intake, estate.code());
        allege(duplicate, group);
        assertThat(alleged(0)).isZero();

        as(Role.LEGAL).post("/api/people/" + survivor + "/merge", Map.of("duplicate", duplicate.toString(),
                "reason", "same fingerprint record reference")).expect(200);

        assertThat(alleged(0)).isEqualTo(1);
        assertThat(differences()).isEmpty();
    }

    @Test
    void theConsistencyCheckNamesACountThatDiffersFromItsRecount() {
        place(admitted(group), 1);
        assertThat(differences()).isEmpty();
        jdbc.sql("UPDATE cell_group_count SET people = people + 1 WHERE location_id = :cell AND grouping = :g")
                .param("cell", estate.cells().get(1)).param("g", group).update();
        try {
            assertThat(differences()).containsExactly("cell " + estate.code() + "-M1-C02: people of alleged group "
                    + group + ": counted for the placement rules 2, held 1");
        } finally {
            jdbc.sql("UPDATE cell_group_count SET people = people - 1 WHERE location_id = :cell AND grouping = :g")
                    .param("cell", estate.cells().get(1)).param("g", group).update();
        }
        assertThat(differences()).isEmpty();
    }

    /**
     * Twenty people, ten in each cell, all moved to the other cell at the same moment while some of their
     * allegations are withdrawn: every move is recorded (none deadlocks, none fails), and the counts are exact.
     */
    @Test
    void twentyConcurrentMovesBetweenTheSameCellsKeepTheCountsExact() throws Exception {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID person = admitted(group);
            place(person, i % 2);
            people.add(person);
        }
        List<String> withdrawn = people.subList(0, 6).stream().map(p -> allegationsOf(p).get(0)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(26);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                UUID person = people.get(i);
                UUID to = estate.cells().get((i + 1) % 2);
                results.add(pool.submit(waitingFor(start, () -> housing.post("/api/people/" + person + "/movements",
                        Map.of("type", "MOVED", "toLocation", to.toString())).status())));
            }
            for (String allegation : withdrawn) {
                results.add(pool.submit(waitingFor(start, () -> as(Role.LEGAL).put("/api/allegations/" + allegation
                        + "/status", Map.of("status", "WITHDRAWN", "reason", "not confirmed")).status())));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isIn(200, 201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(held(0, "MALE", false, "PRE_TRIAL")).isEqualTo(10);
        assertThat(held(1, "MALE", false, "PRE_TRIAL")).isEqualTo(10);
        assertThat(alleged(0) + alleged(1)).isEqualTo(14);
        assertThat(differences()).isEmpty();
    }

    static <T> Callable<T> waitingFor(CountDownLatch start, Callable<T> call) {
        return () -> {
            start.await();
            return call.call();
        };
    }

    UUID admitted(String alleged) {
        UUID person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        if (alleged != null) {
            allege(person, alleged);
        }
        return person;
    }

    String allege(UUID person, String grouping) {
        return intake.post("/api/people/" + person + "/allegations", Map.of("kind", "GANG_AFFILIATION",
                "group", grouping, "source", "police report")).expect(201).json().path("id").asString();
    }

    List<String> allegationsOf(UUID person) {
        List<String> ids = new ArrayList<>();
        intake.get("/api/people/" + person + "/allegations").expect(200).json().forEach(a -> {
            if (!a.path("status").asString().equals("WITHDRAWN")) {
                ids.add(a.path("id").asString());
            }
        });
        return ids;
    }

    void withdraw(String allegation) {
        as(Role.LEGAL).put("/api/allegations/" + allegation + "/status", Map.of("status", "WITHDRAWN",
                "reason", "the report named another person")).expect(200);
    }

    void place(UUID person, int cell) {
        housing.post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(cell))).expect(201);
    }

    void move(UUID person, int cell) {
        housing.post("/api/people/" + person + "/movements", Map.of("type", "MOVED", "toLocation",
                estate.cells().get(cell).toString())).expect(201);
    }

    static Map<String, Object> release() {
        Map<String, Object> body = aMove("RELEASED");
        body.put("destination", "his sister, at the gate");
        body.put("authority", "Juzgado de Paz de Tecoluca");
        body.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "Sgt. Ficticio", "basis", "COURT_ORDER"));
        return body;
    }

    int alleged(int cell) {
        return jdbc.sql("SELECT coalesce(sum(people), 0) FROM cell_group_count WHERE location_id = :c AND grouping = :g")
                .param("c", estate.cells().get(cell)).param("g", group).query(Integer.class).single();
    }

    int held(int cell, String sex, boolean juvenile, String status) {
        return jdbc.sql("""
                SELECT coalesce(sum(people), 0) FROM cell_category_count
                 WHERE location_id = :c AND sex = :s AND juvenile = :j AND legal_status = :l""")
                .param("c", estate.cells().get(cell)).param("s", sex).param("j", juvenile).param("l", status)
                .query(Integer.class).single();
    }

    List<String> differences() {
        List<String> found = new ArrayList<>();
        as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                .forEach(d -> found.add(d.asString()));
        return found;
    }
}

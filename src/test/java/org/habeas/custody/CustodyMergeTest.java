package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Merging duplicate B into A moves B's custody to A through the people module's merge mechanism, and
 * never leaves one human with two whereabouts (invariant 1, docs/architecture.md).
 */
@DisplayName("merging people who have custody records")
class CustodyMergeTest extends IntegrationTest {

    TestData.Estate estate;
    ApiClient intake;
    ApiClient housing;

    @BeforeEach
    void aFacilityWithCells() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        estate = aFacility(as(Role.DIRECTOR), 2, 5, 6);
    }

    UUID admitted(UUID person) {
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        return person;
    }

    static Map<String, Object> merge(UUID duplicate) {
        return Map.of("duplicate", duplicate.toString(), "reason", "same fingerprint record reference");
    }

    @Test
    void theDuplicatesCustodyLedgerAndNonAssociationsBecomeTheSurvivors() {
        UUID survivor = aPerson(intake, estate.code());
        UUID duplicate = admitted(aPerson(intake, estate.code()));
        housing.post("/api/people/" + duplicate + "/movements", aPlacement(estate.cells().get(0))).expect(201);
        UUID rival = admitted(aPerson(intake, estate.code()));
        housing.post("/api/non-associations", Map.of("personA", duplicate, "personB", rival, "scope", "CELL",
                "reason", "threatened at intake", "source", "incident report 7")).expect(201);

        as(Role.LEGAL).post("/api/people/" + survivor + "/merge", merge(duplicate)).expect(200);

        var whereabouts = housing.get("/api/people/" + survivor + "/whereabouts").expect(200).json();
        assertThat(whereabouts.path("kind").asString()).isEqualTo("IN_CELL");
        assertThat(whereabouts.path("location").toString()).contains(estate.cells().get(0).toString());
        List<String> kinds = new ArrayList<>();
        housing.get("/api/people/" + survivor + "/movements").expect(200).json()
                .forEach(m -> kinds.add(m.path("kind").asString()));
        assertThat(kinds).containsExactly("ADMITTED", "PLACED");
        assertThat(housing.get("/api/people/" + survivor + "/non-associations").expect(200).json().toString())
                .contains(rival.toString());
        var refused = housing.post("/api/people/" + rival + "/movements", aPlacement(estate.cells().get(0)))
                .expect(409).code("NON_ASSOCIATION");
        assertThat(refused.json().path("reasons").get(0).asString()).contains("threatened at intake");

        assertThat(jdbc.sql("SELECT count(*) FROM movement WHERE person_id = :p").param("p", duplicate)
                .query(Long.class).single()).as("nothing left on the duplicate").isZero();
        assertThat(as(Role.INSPECTOR).get("/api/custody/consistency").expect(200).json().path("differences")
                .size()).isZero();
    }

    @Test
    void twoRecordsInCustodyAtTheSameTimeAreNotMergedAndNothingChanges() {
        UUID survivor = admitted(aPerson(intake, estate.code()));
        UUID duplicate = admitted(aPerson(intake, estate.code()));

        as(Role.LEGAL).post("/api/people/" + survivor + "/merge", merge(duplicate)).expect(409)
                .code("MERGE_CUSTODY_OVERLAP");

        assertThat(as(Role.LEGAL).get("/api/people/" + duplicate).expect(200).json().path("mergedInto").isNull())
                .isTrue();
        assertThat(housing.get("/api/people/" + duplicate + "/whereabouts").expect(200).json().path("kind")
                .asString()).isEqualTo("RECEPTION");
    }

    @Test
    void aNonAssociationBetweenTheTwoRecordsIsClosedWithTheMergeAsItsReason() {
        UUID survivor = aPerson(intake, estate.code());
        UUID duplicate = admitted(aPerson(intake, estate.code()));
        String id = housing.post("/api/non-associations", Map.of("personA", survivor, "personB", duplicate,
                "scope", "FACILITY", "reason", "recorded as two people", "source", "intake interview"))
                .expect(201).json().path("id").asString();

        as(Role.SUPERVISOR).post("/api/people/" + survivor + "/merge", merge(duplicate)).expect(200);

        var history = housing.get("/api/placement-records/" + id + "/history").expect(200).json();
        assertThat(history.toString()).contains("merged into one record");
        housing.post("/api/people/" + survivor + "/movements", aPlacement(estate.cells().get(1))).expect(201);
    }

    @Test
    void theLedgerStillRefusesEveryOtherChange() {
        UUID person = admitted(aPerson(intake, estate.code()));
        UUID stranger = aPerson(intake, estate.code());
        assertThatThrownBy(() -> jdbc.sql("UPDATE movement SET person_id = :other WHERE person_id = :p")
                .param("other", stranger).param("p", person).update())
                .as("a person not merged into the other cannot take its ledger").hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE movement SET reason = 'rewritten' WHERE person_id = :p")
                .param("p", person).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM movement WHERE person_id = :p").param("p", person).update())
                .hasMessageContaining("append-only");
    }
}

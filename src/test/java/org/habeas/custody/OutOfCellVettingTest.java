package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aMove;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.RuleEngineTest;
import org.habeas.vetting.TestRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;

/**
 * Every movement out of a cell passes the vetting engine, not only placements (invariant 3, docs/architecture.md): a
 * rule that denies the action refuses it through the movements API with 409, and nothing is recorded.
 */
@DisplayName("custody: transfers, absences, releases, removals and handovers are vetted")
class OutOfCellVettingTest extends RuleEngineTest {

    /** The kinds vetted as something other than going into a cell. */
    static final List<MovementKind> OUT_OF_CELL = Arrays.stream(MovementKind.values())
            .filter(k -> k.vettedAs() != null && k.vettedAs() != MovementAction.PLACEMENT
                    && k.vettedAs() != MovementAction.CELL_MOVE).toList();

    TestData.Estate estate;
    TestData.Estate destination;
    ApiClient intake;
    ApiClient housing;

    @BeforeEach
    void aFacilityWithOneCell() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        estate = aFacility(as(Role.DIRECTOR), 1, 5, 5);
        destination = aFacility(as(Role.DIRECTOR), 1, 5, 5);
    }

    UUID placedInACell() {
        UUID person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        housing.post(movements(person), aPlacement(estate.cells().get(0))).expect(201);
        return person;
    }

    @Test
    void theKindsBelowAreEveryVettedKindThatLeavesTheCell() {
        assertThat(OUT_OF_CELL).containsExactlyInAnyOrder(MovementKind.TRANSFERRED_OUT, MovementKind.TEMPORARILY_OUT,
                MovementKind.RELEASED, MovementKind.REMOVED, MovementKind.HANDED_OVER);
    }

    @ParameterizedTest
    @EnumSource(value = MovementKind.class, names = {"TRANSFERRED_OUT", "TEMPORARILY_OUT", "RELEASED"})
    void aDeniedMovementIsRefusedAndNothingIsRecorded(MovementKind kind) {
        UUID person = placedInACell();
        JsonNode before = housing.get("/api/people/" + person + "/whereabouts").expect(200).json();

        testRules.deny(person, kind.vettedAs());
        var refused = housing.post(movements(person), valid(kind)).expect(409).code("MOVEMENT_DENIED").json();
        assertThat(refused.path("rules").toString()).isEqualTo("[\"" + TestRules.HELD + "\"]");

        assertNothingRecorded(person, before);
        assertThat(jdbc.sql("SELECT action FROM vetting_decision WHERE id = :id")
                .param("id", UUID.fromString(refused.path("decision").asString())).query(String.class).single())
                .as("the denial is kept").isEqualTo(kind.vettedAs().name());
    }

    @ParameterizedTest
    @EnumSource(value = MovementKind.class, names = {"TRANSFERRED_OUT", "TEMPORARILY_OUT", "RELEASED"})
    void theSameMovementGoesAheadForAPersonTheRuleDoesNotHold(MovementKind kind) {
        // The control: the body above is a valid movement, refused only by the rule.
        UUID person = placedInACell();
        housing.post(movements(person), valid(kind)).expect(201);
        assertThat(kinds(housing.get(movements(person)).expect(200).json())).containsExactly("ADMITTED", "PLACED",
                kind.name());
    }

    /**
     * A removal or handover to another country with no legal data at all once went ahead here, because no rule
     * judged it: that was the bug. It is refused now, by the legal rules and the two-person rule, and nothing is
     * recorded (invariant 7, REQ-53, REQ-56).
     */
    @ParameterizedTest
    @EnumSource(value = MovementKind.class, names = {"REMOVED", "HANDED_OVER"})
    void aRemovalOrHandoverWithNoLegalDataIsRefusedAndNothingIsRecorded(MovementKind kind) {
        UUID person = placedInACell();
        JsonNode before = housing.get("/api/people/" + person + "/whereabouts").expect(200).json();

        var refused = housing.post(movements(person), valid(kind)).expect(409).json();
        assertThat(refused.path("rules").toString()).contains("LEGAL_REVIEW_STALE", "SECOND_APPROVER")
                .doesNotContain(TestRules.HELD);
        assertNothingRecorded(person, before);
    }

    @ParameterizedTest
    @EnumSource(value = MovementKind.class, names = {"TRANSFERRED_OUT", "TEMPORARILY_OUT", "RELEASED"})
    void withoutItsAuthorityOrAnOpenDestinationTheMovementIsRefused(MovementKind kind) {
        UUID person = placedInACell();
        JsonNode before = housing.get("/api/people/" + person + "/whereabouts").expect(200).json();
        var body = valid(kind);
        String rule = switch (kind) {
            case TRANSFERRED_OUT -> {
                body.put("destination", "NOWHERE-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase());
                yield "FACILITY_NOT_ACTIVE";
            }
            case TEMPORARILY_OUT -> {
                body.remove("authority");
                yield "ABSENCE_AUTHORITY_REQUIRED";
            }
            case RELEASED -> {
                body.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "Sgt. Ficticio",
                        "basis", "BECAUSE"));
                yield "RELEASE_AUTHORITY";
            }
            default -> throw new IllegalArgumentException(kind.name());
        };
        housing.post(movements(person), body).expect(409).code(rule);
        assertNothingRecorded(person, before);
    }

    @Test
    void aTransferToAFullFacilityIsRefusedWithItsFigures() {
        var full = aFacility(as(Role.DIRECTOR), 1, 1, 1);
        UUID occupant = aPerson(intake, full.code());
        intake.post("/api/people/" + occupant + "/custody", anAdmission(full.code())).expect(201);
        UUID person = placedInACell();
        var body = valid(MovementKind.TRANSFERRED_OUT);
        body.put("destination", full.code());
        JsonNode refused = housing.post(movements(person), body).expect(409).code("CAPACITY_EXCEEDED").json();
        assertThat(refused.path("reasons").toString()).contains("operational capacity 1", "held 1");
    }

    private void assertNothingRecorded(UUID person, JsonNode before) {
        assertThat(housing.get("/api/people/" + person + "/whereabouts").expect(200).json()).isEqualTo(before);
        assertThat(kinds(housing.get(movements(person)).expect(200).json())).containsExactly("ADMITTED", "PLACED");
        assertThat(jdbc.sql("SELECT count(*) FROM movement WHERE person_id = :p").param("p", person)
                .query(Integer.class).single()).isEqualTo(2);
    }

    private Map<String, Object> valid(MovementKind kind) {
        var body = aMove(kind.name());
        switch (kind) {
            case TRANSFERRED_OUT -> {
                body.put("destination", destination.code());
                body.put("detail", "escort team 2");
            }
            case TEMPORARILY_OUT -> {
                body.put("destination", "Hospital Nacional Santa Gertrudis");
                body.put("detail", "x-ray");
                body.put("authority", "medical referral MR-88");
            }
            case RELEASED -> {
                body.put("destination", "his brother, at the gate");
                body.put("authority", "Juzgado de Paz de Tecoluca");
                body.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "Sgt. Ficticio",
                        "basis", "COURT_ORDER"));
            }
            case REMOVED, HANDED_OVER -> {
                body.put("destination", "GT");
                body.put("detail", "Dirección General de Migración");
                body.put("authority", "removal order RO-17");
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return body;
    }

    private static List<String> kinds(JsonNode ledger) {
        List<String> kinds = new java.util.ArrayList<>();
        ledger.forEach(m -> kinds.add(m.path("kind").asString()));
        return kinds;
    }

    private static String movements(UUID person) {
        return "/api/people/" + person + "/movements";
    }
}

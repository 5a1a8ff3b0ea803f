package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aMove;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Whereabouts are five kinds of state inside (invariant 1), and one published shape outside, the same as before they
 * were: API clients read the same fields in every state, and a replayed command answers the body it first answered.
 */
class WhereaboutsJsonTest extends IntegrationTest {

    static final List<String> FIELDS = List.of("person", "episode", "kind", "facility", "location", "locationPath",
            "destination", "detail", "since", "lastMovement", "version");

    ApiClient intake;
    ApiClient housing;
    TestData.Estate estate;

    @BeforeEach
    void aFacilityOfOneCell() {
        intake = as(Role.INTAKE);
        housing = as(Role.HOUSING);
        estate = aFacility(as(Role.DIRECTOR), 1, 4, 4);
    }

    @Test
    void everyStateHasTheSameFieldsWithWhatThatStateMeans() {
        UUID person = admitted();
        JsonNode w1 = whereabouts(person);
        assertThat(w1.path("kind").asString()).isEqualTo("RECEPTION");
        assertThat(w1.path("location").isNull()).isTrue();
        assertThat(w1.path("destination").isNull()).isTrue();

        housing.post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(0))).expect(201);
        JsonNode w2 = whereabouts(person);
        assertThat(w2.path("kind").asString()).isEqualTo("IN_CELL");
        assertThat(w2.path("location").path("value").asString()).isEqualTo(estate.cells().get(0).toString());
        assertThat(w2.path("locationPath").asString()).isEqualTo(estate.code() + "-M1-C01");
        assertThat(w2.path("destination").isNull()).isTrue();

        var out = aMove("TEMPORARILY_OUT");

        out.put("authority", "production order PO-7");
        out.put("destination", "Hospital Nacional Rosales");
        out.put("detail", "x-ray");
        housing.post("/api/people/" + person + "/movements", out).expect(201);
        JsonNode w3 = whereabouts(person);
        assertThat(w3.path("kind").asString()).isEqualTo("TEMPORARILY_OUT");
        assertThat(w3.path("destination").asString()).isEqualTo("Hospital Nacional Rosales");
        assertThat(w3.path("detail").asString()).isEqualTo("x-ray");
        assertThat(w3.path("location").isNull()).isTrue();
        housing.post("/api/people/" + person + "/movements", aMove("RETURNED")).expect(201);

        String elsewhere = aFacility(as(Role.DIRECTOR), 1, 4, 4).code();
        var transfer = aMove("TRANSFERRED_OUT");
        transfer.put("destination", elsewhere);
        transfer.put("detail", "escort team 4");
        housing.post("/api/people/" + person + "/movements", transfer).expect(201);
        JsonNode w4 = whereabouts(person);
        assertThat(w4.path("kind").asString()).isEqualTo("IN_TRANSIT");
        assertThat(w4.path("facility").asString()).isEqualTo(estate.code());
        assertThat(w4.path("destination").asString()).isEqualTo(elsewhere);
        assertThat(w4.path("detail").asString()).isEqualTo("escort team 4");
    }

    @Test
    void aHandoverNamesTheCountryAndTheAuthority() {
        UUID person = admitted();
        var handover = aMove("HANDED_OVER");
        handover.put("destination", "SV");
        handover.put("detail", "Dirección General de Migración");
        handover.put("authority", "readmission agreement, article 4");
        handover.put("overrides", java.util.List.of(CustodyFixtures.clearedToLeave(as(Role.ADMIN), as(Role.LEGAL),
                housing, as(Role.SUPERVISOR), person, estate.code(), "HANDOVER", "SV", "Dirección General de Migración")));
        JsonNode moved = housing.post("/api/people/" + person + "/movements", handover).expect(201).json();
        JsonNode w = moved.path("whereabouts");
        assertThat(fieldsOf(w)).containsExactlyElementsOf(FIELDS);
        assertThat(w.path("kind").asString()).isEqualTo("HANDED_OVER");
        assertThat(w.path("destination").asString()).isEqualTo("SV");
        assertThat(w.path("detail").asString()).isEqualTo("Dirección General de Migración");
    }

    @Test
    void aReplayedMoveAnswersTheWhereaboutsItFirstAnswered() {
        UUID person = admitted();
        String key = "move-" + UUID.randomUUID();
        var placement = aPlacement(estate.cells().get(0));
        String first = housing.header("Idempotency-Key", key).post("/api/people/" + person + "/movements", placement)
                .expect(201).json().path("whereabouts").toString();
        var again = housing.header("Idempotency-Key", key).post("/api/people/" + person + "/movements", placement)
                .expect(201);
        assertThat(again.json().path("whereabouts").toString()).isEqualTo(first);
        assertThat(first).contains("\"kind\":\"IN_CELL\"");
    }

    UUID admitted() {
        UUID person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
        return person;
    }

    JsonNode whereabouts(UUID person) {
        JsonNode w = housing.get("/api/people/" + person + "/whereabouts").expect(200).json();
        assertThat(fieldsOf(w)).as("the published fields").containsExactlyElementsOf(FIELDS);
        return w;
    }

    static List<String> fieldsOf(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}

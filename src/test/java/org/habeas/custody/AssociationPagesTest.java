package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A person's allegations and non-associations on the person page (REQ-20, REQ-22), over plain HTTP: the fragment
 * the person page pulls, adding, changing, closing and reopening with history, the API's roles, bad input shown.
 */
@DisplayName("custody pages: allegations and non-associations of a person")
class AssociationPagesTest extends IntegrationTest {

    TestData.Estate estate;
    ApiClient intake;
    UUID person;
    UUID rival;

    @BeforeEach
    void twoPeople() {
        intake = as(Role.INTAKE);
        estate = aFacility(as(Role.DIRECTOR), 1, 2, 2);
        person = aPerson(intake, estate.code());
        rival = aPerson(intake, estate.code());
    }

    String fragment() {
        return "/custody/people/" + person + "/associations";
    }

    @Test
    void thePersonPagePullsTheFragmentByUrl() {
        var page = logOn(Role.HOUSING).get("/people/" + person + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"person-associations\"", "hx-get=\"" + fragment() + "\"");
        var part = logOn(Role.INSPECTOR).get(fragment() + "?lang=en", "HX-Request", "true");
        assertThat(part.statusCode()).isEqualTo(200);
        assertThat(part.body()).doesNotContain("<html").contains("Allegations and non-associations",
                "assoc-allegations-none", "assoc-apart-none").doesNotContain("allegation-form", "apart-form");
    }

    @Test
    void anAllegationIsAlwaysLabelledWithItsSourceAndStatusAndItsHistoryIsKept() {
        var officer = logOn(Role.INTAKE);
        officer.get(fragment());
        var added = officer.post(fragment() + "/allegations?lang=en", Map.of("kind", "GANG_AFFILIATION",
                "group", "Pandilla Sintética Norte", "source", "informe policial PNC-2025-118",
                "evidenceReference", "EXP-77", "status", "ALLEGED"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("The allegation was recorded", "Allegation",
                "alleged gang affiliation: Pandilla Sintética Norte", "informe policial PNC-2025-118", "Alleged",
                "EXP-77");
        UUID id = UUID.fromString(intake.get("/api/people/" + person + "/allegations").expect(200).json().get(0)
                .path("id").asString());
        assertThat(added.body()).contains("allegation-" + id + "-label")
                .doesNotContain("allegation-" + id + "-change");   // intake records, does not judge

        var legal = logOn(Role.LEGAL);
        legal.get(fragment());
        var changed = legal.post(fragment() + "/allegations/" + id + "/status?lang=es", Map.of("status", "DISPUTED",
                "reason", "la persona lo niega ante el juez"));
        assertThat(changed.body()).contains("Se cambió el estado", "Alegación", "Disputada por la persona",
                "informe policial PNC-2025-118", "Historial (2 cambios)", "la persona lo niega ante el juez");
        assertThat(intake.get("/api/placement-records/" + id + "/history").expect(200).json().size()).isEqualTo(2);
    }

    @Test
    void aNonAssociationIsRecordedClosedAndReopenedWithItsHistory() {   // REQ-22
        String number = intake.get("/api/people/" + rival).expect(200).json().path("registerNumber").asString();
        var housing = logOn(Role.HOUSING);
        housing.get(fragment());
        var added = housing.post(fragment() + "/non-associations?lang=en", form("other", number, "scope", "MODULE",
                "reason", "amenazas en el patio", "source", "informe de seguridad 4"));
        assertThat(added.body()).contains("The non-association was recorded", "Kept apart from " + number,
                "within a module", "amenazas en el patio", "Open");
        var records = intake.get("/api/people/" + person + "/non-associations").expect(200).json();
        assertThat(records.size()).isEqualTo(1);
        UUID id = UUID.fromString(records.get(0).path("id").asString());
        assertThat(records.get(0).path("personB").asString()).isEqualTo(rival.toString());

        var closed = housing.post(fragment() + "/non-associations/" + id + "/close?lang=en",
                Map.of("reason", "trasladado el otro"));
        assertThat(closed.body()).contains("The non-association was closed", "Closed", "apart-" + id + "-reopen",
                "History (2 changes)", "trasladado el otro");
        var reopened = housing.post(fragment() + "/non-associations/" + id + "/reopen?lang=en",
                Map.of("reason", "volvió"));
        assertThat(reopened.body()).contains("The non-association was reopened", "History (3 changes)");
        assertThat(intake.get("/api/placement-records/" + id + "/history").expect(200).json().size()).isEqualTo(3);
        // Also shown on the other person's page, from their side.
        assertThat(housing.get("/custody/people/" + rival + "/associations?lang=en").body()).contains("apart-" + id);
    }

    @Test
    void groupsAreKeptApartThroughAllegations() {
        var supervisor = logOn(Role.SUPERVISOR);
        supervisor.get(fragment());
        supervisor.post(fragment() + "/allegations", Map.of("kind", "GANG_AFFILIATION", "group", "Grupo Azul",
                "source", "expediente judicial"));
        var added = supervisor.post(fragment() + "/non-associations?lang=en", form("groupA", "Grupo Azul",
                "groupB", "Grupo Rojo", "scope", "FACILITY", "reason", "rivalidad", "source", "inteligencia"));
        assertThat(added.body()).contains("Alleged Grupo Azul kept apart from alleged Grupo Rojo",
                "within the facility");
    }

    @Test
    void badInputIsShownOnTheFragmentAndNothingIsWritten() {
        var officer = logOn(Role.SUPERVISOR);
        officer.get(fragment());
        var noSource = officer.post(fragment() + "/allegations?lang=en", Map.of("kind", "GANG_AFFILIATION",
                "group", "Grupo Azul"));
        assertThat(noSource.statusCode()).isEqualTo(200);
        assertThat(noSource.body()).contains("assoc-refused", "VALIDATION_FAILED", "source");
        var badKind = officer.post(fragment() + "/allegations?lang=en", Map.of("kind", "RUMOUR", "group", "G",
                "source", "s"));
        assertThat(badKind.body()).contains("VALIDATION_FAILED", "kind");
        var both = officer.post(fragment() + "/non-associations", form("other", rival.toString(), "groupA", "A",
                "groupB", "B", "scope", "CELL", "reason", "r", "source", "s"));
        assertThat(both.body()).contains("VALIDATION_FAILED", "other");
        var nobody = officer.post(fragment() + "/non-associations", form("other", "HAB-0000-000000",
                "scope", "CELL", "reason", "r", "source", "s"));
        assertThat(nobody.body()).contains("VALIDATION_FAILED", "other");
        var self = officer.post(fragment() + "/non-associations", form("other", person.toString(),
                "scope", "CELL", "reason", "r", "source", "s"));
        assertThat(self.body()).contains("VALIDATION_FAILED", "personB");
        var someoneElses = officer.post(fragment() + "/non-associations/" + UUID.randomUUID() + "/close",
                Map.of("reason", "r"));
        assertThat(someoneElses.body()).contains("NON_ASSOCIATION_NOT_FOUND");
        assertThat(intake.get("/api/people/" + person + "/allegations").expect(200).json().size()).isZero();
        assertThat(intake.get("/api/people/" + person + "/non-associations").expect(200).json().size()).isZero();
    }

    @Test
    void eachActionTakesTheRolesOfTheApi() {
        var housing = logOn(Role.HOUSING);
        housing.get(fragment());
        assertThat(housing.post(fragment() + "/allegations", Map.of("kind", "GANG_AFFILIATION", "group", "G",
                "source", "s")).statusCode()).isEqualTo(403);
        var allegation = intake.post("/api/people/" + person + "/allegations", Map.of("kind", "GANG_AFFILIATION",
                "group", "G", "source", "s")).expect(201).json().path("id").asString();
        var officer = logOn(Role.INTAKE);
        officer.get(fragment());
        assertThat(officer.post(fragment() + "/allegations/" + allegation + "/status", Map.of("status", "WITHDRAWN",
                "reason", "r")).statusCode()).isEqualTo(403);
        var inspector = logOn(Role.INSPECTOR);
        inspector.get(fragment());
        assertThat(inspector.post(fragment() + "/non-associations", form("other", rival.toString(),
                "scope", "CELL", "reason", "r", "source", "s")).statusCode()).isEqualTo(403);
        var director = logOn(Role.DIRECTOR);
        assertThat(director.get(fragment()).statusCode()).isEqualTo(200);
        assertThat(director.post(fragment() + "/allegations", Map.of("kind", "GANG_AFFILIATION", "group", "G",
                "source", "s")).statusCode()).isEqualTo(403);
        assertThat(logOn(Role.AGENCY).get(fragment()).statusCode()).isEqualTo(403);
        assertThat(intake.get("/api/people/" + person + "/allegations").expect(200).json().get(0).path("status")
                .asString()).isEqualTo("ALLEGED");
    }

    @Test
    void anOfficerOfAnotherFacilitySeesNothing() {
        var other = access.createUser(new org.habeas.access.NewUser("elsewhere-" + UUID.randomUUID().toString()
                .substring(0, 8), "Elsewhere", PASSWORD_OF_TEST_USERS, java.util.Set.of(Role.SUPERVISOR),
                java.util.Set.of("ELSEWHERE")));
        var elsewhere = new PageSession(baseUrl()).logOn(other.username(), PASSWORD_OF_TEST_USERS);
        assertThat(elsewhere.get(fragment()).statusCode()).isEqualTo(404);
        assertThat(elsewhere.post(fragment() + "/allegations", Map.of("kind", "GANG_AFFILIATION", "group", "G",
                "source", "s")).statusCode()).isEqualTo(404);
        assertThat(intake.get("/api/people/" + person + "/allegations").expect(200).json().size()).isZero();
    }

    @Test
    void aNonAssociationIsNotChangedThroughTheApiFromAnotherFacility() {
        String id = as(Role.HOUSING).post("/api/non-associations", Map.of("personA", person.toString(),
                "personB", rival.toString(), "scope", "CELL", "reason", "amenazas", "source", "informe"))
                .expect(201).json().path("id").asString();
        var other = access.createUser(new org.habeas.access.NewUser("elsewhere-" + UUID.randomUUID().toString()
                .substring(0, 8), "Elsewhere", PASSWORD_OF_TEST_USERS, java.util.Set.of(Role.HOUSING),
                java.util.Set.of("ELSEWHERE")));
        String token = access.issueToken(access.userForLogon(other.username()).orElseThrow(), other.id(), "t",
                java.time.Duration.ofHours(1)).secret();
        var elsewhere = anonymous().header("Authorization", "Bearer " + token);
        elsewhere.post("/api/non-associations/" + id + "/close", Map.of("reason", "no es mío")).expect(404)
                .code("NON_ASSOCIATION_NOT_FOUND");
        elsewhere.post("/api/non-associations/" + id + "/reopen", Map.of("reason", "no es mío")).expect(404);
        assertThat(intake.get("/api/people/" + person + "/non-associations").expect(200).json().get(0)
                .path("status").asString()).isEqualTo("OPEN");
        as(Role.HOUSING).post("/api/non-associations/" + id + "/close", Map.of("reason", "trasladado")).expect(200);
        as(Role.HOUSING).post("/api/non-associations/" + UUID.randomUUID() + "/close", Map.of("reason", "x"))
                .expect(404).code("NON_ASSOCIATION_NOT_FOUND");
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    PageSession logOn(Role role) {
        return new PageSession(baseUrl()).logOn(newUser(role).username(), PASSWORD_OF_TEST_USERS);
    }
}

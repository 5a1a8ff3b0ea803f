package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The custody pages over plain HTTP with a form log-on, as a browser would send them: who may open each page and
 * post each form, and that bad input is shown on the page (never a 500) with nothing written.
 */
@DisplayName("custody pages: intake, timeline, movements, roll")
class CustodyPagesTest extends IntegrationTest {

    TestData.Estate estate;
    ApiClient intake;
    UUID person;

    @BeforeEach
    void aFacilityAndAnAdmittedPerson() {
        intake = as(Role.INTAKE);
        estate = aFacility(as(Role.DIRECTOR), 2, 1, 2);
        person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
    }

    String timeline() {
        return "/people/" + person + "/custody";
    }

    @Nested
    class Security {

        @Test
        void anonymousVisitorsAreSentToTheLogOnPage() {
            var anonymous = new PageSession(baseUrl());
            for (String path : new String[] {timeline(), timeline() + "/admit", "/roll",
                    "/facilities/" + estate.code() + "/roll"}) {
                var page = anonymous.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(302);
                assertThat(page.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
            }
        }

        @Test
        void aSendingAgencySeesNoCustodyPage() {
            var agency = logOn(Role.AGENCY);
            assertThat(agency.get(timeline()).statusCode()).isEqualTo(403);
            assertThat(agency.get("/roll").statusCode()).isEqualTo(403);
            assertThat(agency.get("/facilities/" + estate.code() + "/roll").statusCode()).isEqualTo(403);
        }

        @Test
        void onlyIntakeOfficersOpenTheAdmissionForm() {
            var housing = logOn(Role.HOUSING);
            assertThat(housing.get(timeline() + "/admit").statusCode()).isEqualTo(403);
            assertThat(housing.post(timeline() + "/admit", anAdmissionForm()).statusCode()).isEqualTo(403);
        }

        @Test
        void inspectorsReadButDoNotMovePeople() {
            var inspector = logOn(Role.INSPECTOR);
            var page = inspector.get(timeline());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("custody-ledger").doesNotContain("cell-form");
            var moved = inspector.post(timeline() + "/movements", Map.of("type", "PLACED",
                    "cell", estate.cells().get(0).toString()));
            assertThat(moved.statusCode()).isEqualTo(403);
            assertThat(whereabouts()).isEqualTo("RECEPTION");
        }

        @Test
        void anOfficerOfAnotherFacilitySeesNothingOfIt() {
            var other = access.createUser(new org.habeas.access.NewUser("elsewhere-" + UUID.randomUUID().toString()
                    .substring(0, 8), "Elsewhere", PASSWORD_OF_TEST_USERS, java.util.Set.of(Role.HOUSING),
                    java.util.Set.of("ELSEWHERE")));
            var elsewhere = new PageSession(baseUrl()).logOn(other.username(), PASSWORD_OF_TEST_USERS);
            assertThat(elsewhere.get(timeline()).statusCode()).isEqualTo(404);
            assertThat(elsewhere.get("/facilities/" + estate.code() + "/roll").statusCode()).isEqualTo(404);
            assertThat(elsewhere.get("/roll").body()).doesNotContain(estate.code());
        }
    }

    @Nested
    class Validation {

        @Test
        void noAdmissionWithoutALegalAuthorityAndNothingWritten() {   // REQ-02
            UUID newcomer = aPerson(intake, estate.code());
            var form = anAdmissionForm();
            form.remove("documentReference");
            form.remove("authorityType");
            var page = logOn(Role.INTAKE).post("/people/" + newcomer + "/custody/admit", form);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("custody-refused", "VALIDATION_FAILED", "authority.documentReference",
                    "authority.type");
            assertThat(page.body()).as("the form keeps what was typed").contains("Juzgado de Paz de Tecoluca");
            intake.get("/api/people/" + newcomer + "/whereabouts").expect(404);
        }

        @Test
        void badDatesAndNumbersAreShownNotThrown() {
            UUID newcomer = aPerson(intake, estate.code());
            var form = anAdmissionForm();
            form.put("issuedOn", "yesterday");
            var officer = logOn(Role.INTAKE);
            assertThat(officer.post("/people/" + newcomer + "/custody/admit", form).body())
                    .contains("VALIDATION_FAILED", "authority.issuedOn");
            form = anAdmissionForm();
            form.put("propertyQuantity", "many");
            assertThat(officer.post("/people/" + newcomer + "/custody/admit", form).body())
                    .contains("property[0].quantity");
            form = anAdmissionForm();
            form.put("admittedAt", "2099-01-01T00:00");
            assertThat(officer.post("/people/" + newcomer + "/custody/admit", form).body())
                    .contains("MOVEMENT_TIME_INVALID");
            intake.get("/api/people/" + newcomer + "/whereabouts").expect(404);
        }

        @Test
        void aSecondAdmissionIsRefusedOnTheForm() {
            var page = logOn(Role.INTAKE).post(timeline() + "/admit", anAdmissionForm());
            assertThat(page.body()).contains("ALREADY_IN_CUSTODY", "ya está bajo custodia");
        }

        @Test
        void aMovementWithMissingParticularsIsShownWithTheField() {   // REQ-39
            var housing = logOn(Role.HOUSING);
            var posted = housing.post(timeline() + "/movements", Map.of("type", "RELEASED",
                    "destination", "a su familia", "authority", "Juzgado"));
            assertThat(posted.statusCode()).isEqualTo(302);
            var page = housing.get(timeline() + "?lang=en");
            assertThat(page.body()).contains("custody-refused", "Check: particulars.identityChecked");
            assertThat(whereabouts()).isEqualTo("RECEPTION");
        }

        @Test
        void nonsenseInTheMovementFormIsShownNotThrown() {
            var housing = logOn(Role.HOUSING);
            housing.post(timeline() + "/movements", Map.of("type", "TELEPORTED"));
            assertThat(housing.get(timeline() + "?lang=en").body()).contains("VALIDATION_FAILED", "Check: type");
            housing.post(timeline() + "/movements", Map.of("type", "PLACED", "cell", "not-a-cell"));
            assertThat(housing.get(timeline() + "?lang=en").body()).contains("Check: toLocation");
            housing.post(timeline() + "/movements", Map.of("type", "PLACED", "cell",
                    estate.cells().get(0).toString(), "occurredAt", "soon"));
            assertThat(housing.get(timeline() + "?lang=en").body()).contains("Check: occurredAt");
            housing.post(timeline() + "/movements", Map.of("type", "MOVED", "cell",
                    estate.cells().get(0).toString()));
            assertThat(housing.get(timeline() + "?lang=en").body()).contains("INVALID_TRANSITION",
                    "The person is now: In reception");
            assertThat(whereabouts()).isEqualTo("RECEPTION");
        }

        @Test
        void aStaleFormIsRefused() {
            var housing = logOn(Role.HOUSING);
            housing.post(timeline() + "/movements", Map.of("type", "PLACED", "cell",
                    estate.cells().get(0).toString(), "expectedVersion", "99"));
            assertThat(housing.get(timeline()).body()).contains("WHEREABOUTS_CHANGED");
            assertThat(whereabouts()).isEqualTo("RECEPTION");
        }

        @Test
        void aRollInstantThatDoesNotParseIsShownWithTheRollNow() {
            var page = logOn(Role.HOUSING).get("/facilities/" + estate.code() + "/roll?at=tuesday");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("custody-refused", "roll-population");
        }

        @Test
        void unknownPeopleAndFacilitiesAreNotFound() {
            var housing = logOn(Role.HOUSING);
            assertThat(housing.get("/people/" + UUID.randomUUID() + "/custody").statusCode()).isEqualTo(404);
            assertThat(housing.get("/people/not-an-id/custody").statusCode()).isEqualTo(400);
            assertThat(housing.get("/facilities/NOWHERE/roll").statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class HappyPath {

        @Test
        void anIntakeOfficerAdmitsWithTheRule7Record() {   // REQ-08
            UUID newcomer = aPerson(intake, estate.code());
            var form = anAdmissionForm();
            form.put("illTreatmentComplaint", "golpes durante el traslado");
            var intakeOfficer = newUser(Role.INTAKE);   // REQ-14: children's data needs its own permission
            access.setPermissions(intakeOfficer.id(), java.util.Set.of(org.habeas.access.Permission.CHILDREN),
                    "records the children of women admitted (REQ-09)");
            var officer = new PageSession(baseUrl()).logOn(intakeOfficer.username(), PASSWORD_OF_TEST_USERS);
            var posted = officer.post("/people/" + newcomer + "/custody/admit", form);
            assertThat(posted.statusCode()).isEqualTo(302);
            var page = officer.get("/people/" + newcomer + "/custody?lang=en");
            assertThat(page.body()).contains("referred to an independent body", "In reception", "JP-TEC-2025-77",
                    "2 × camisa", "Hija Menor");
            var episode = intake.get("/api/people/" + newcomer + "/custody").expect(200).json().get(0);
            assertThat(episode.path("withheld").toString()).as("no CHILDREN permission").contains("children");
            assertThat(episode.path("arrest").path("at").asString()).isEqualTo("2025-04-15T16:30:00Z");   // UTC-6
        }

        @Test
        void aHousingOfficerPlacesAndTheLedgerShowsIt() {
            var housing = logOn(Role.HOUSING);
            housing.post(timeline() + "/movements", Map.of("type", "PLACED", "cell",
                    estate.cells().get(0).toString(), "reason", "asignación inicial"));
            var page = housing.get(timeline() + "?lang=en");
            assertThat(page.body()).contains("custody-done", "placed in the cell", "M1-C01", "asignación inicial");
            assertThat(whereabouts()).isEqualTo("IN_CELL");
        }

        @Test
        void theRollRefreshesItsFiguresAsAFragment() {
            intake.get("/api/facilities/" + estate.code() + "/roll").expect(200);
            var page = logOn(Role.DIRECTOR).get("/facilities/" + estate.code() + "/roll", "HX-Request", "true");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("roll-population").doesNotContain("<html");
            assertThat(page.headers().firstValue("Vary").orElse("")).contains("HX-Request");
        }

        @Test
        void theRollListsTheFacilitiesInScope() {
            as(Role.HOUSING).post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(1)))
                    .expect(201);
            var page = logOn(Role.INSPECTOR).get("/roll");
            assertThat(page.body()).contains("roll-" + estate.code());
        }
    }

    String whereabouts() {
        return intake.get("/api/people/" + person + "/whereabouts").expect(200).json().path("kind").asString();
    }

    PageSession logOn(Role role) {
        return new PageSession(baseUrl()).logOn(newUser(role).username(), PASSWORD_OF_TEST_USERS);
    }

    Map<String, String> anAdmissionForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("facility", estate.code());
        form.put("legalStatus", "PRE_TRIAL");
        form.put("authorityType", "DETENTION_ORDER");
        form.put("issuingAuthority", "Juzgado de Paz de Tecoluca");
        form.put("issuedOn", "2025-04-16");
        form.put("documentReference", "JP-TEC-2025-77");
        form.put("arrestedAt", "2025-04-15T10:30");
        form.put("arrestPlace", "Tecoluca");
        form.put("arrestingAuthority", "Policía Nacional Civil");
        form.put("propertyDescription", "camisa");
        form.put("propertyQuantity", "2");
        form.put("contactRelation", "CHILD");
        form.put("contactName", "Hija Menor");
        form.put("contactAge", "7");
        form.put("contactWhereabouts", "con su abuela en Zacatecoluca");
        form.put("contactGuardianship", "abuela materna");
        return form;
    }
}

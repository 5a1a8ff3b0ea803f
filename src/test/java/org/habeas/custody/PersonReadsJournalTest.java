package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aMove;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.habeas.access.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * REQ-49, sensitive reads are journaled and only reads that happened: a READ of a person's record is journaled when
 * the record is shown to someone, once per view, and never for a command or a page that only needs to know the
 * person exists and is in the officer's facility scope (PeopleService.requireVisible). The scope is still enforced.
 */
@DisplayName("REQ-49: a READ of a person is journaled only when the record is shown, once per view")
class PersonReadsJournalTest extends IntegrationTest {

    TestData.Estate estate;
    ApiClient intake;
    UUID person;

    @BeforeEach
    void aPersonInReception() {
        intake = as(Role.INTAKE);
        estate = aFacility(as(Role.DIRECTOR), 3, 2, 3);
        person = aPerson(intake, estate.code());
        intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
    }

    @Test
    void aCellMoveJournalsNoReadOfAnyPerson() {
        UserAccount officer = newUser(Role.HOUSING);
        ApiClient housing = bearer(officer);
        long before = personReadsBy(officer);
        housing.post(movements(), aPlacement(estate.cells().get(0))).expect(201);
        housing.post(movements(), moveTo(estate.cells().get(1))).expect(201);
        assertThat(personReadsBy(officer)).as("READs of a person journaled by the API placement and move")
                .isEqualTo(before);
        assertThat(personReads(person)).as("READs of the person moved").isZero();

        // The same from the timeline's cell form: the live dry run as the officer picks the cell, then the POST
        // (the timeline the officer is sent back to is a page view, a read of its own).
        UserAccount pageOfficer = newUser(Role.HOUSING);
        PageSession page = new PageSession(baseUrl()).logOn(pageOfficer.username(), PASSWORD_OF_TEST_USERS);
        page.get("/people/" + person + "/custody");
        long beforePage = personReadsBy(pageOfficer);
        long whereaboutsBefore = readsBy(pageOfficer, "whereabouts");
        var dryRun = page.get("/people/" + person + "/custody/dry-run?type=MOVED&cell=" + estate.cells().get(2),
                "HX-Request", "true");
        assertThat(dryRun.statusCode()).isEqualTo(200);
        var moved = page.post("/people/" + person + "/custody/movements", Map.of("type", "MOVED",
                "cell", estate.cells().get(2).toString()));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(whereaboutsCell()).isEqualTo(estate.cells().get(2).toString());
        assertThat(personReadsBy(pageOfficer)).as("READs of a person journaled by the page's dry run and move")
                .isEqualTo(beforePage);
        assertThat(readsBy(pageOfficer, "whereabouts")).as("the move shows no whereabouts; it reads none")
                .isEqualTo(whereaboutsBefore);
    }

    @Test
    void onePersonPageViewJournalsExactlyOneReadOfThatPerson() {
        UserAccount officer = newUser(Role.HOUSING);
        PageSession page = new PageSession(baseUrl()).logOn(officer.username(), PASSWORD_OF_TEST_USERS);
        long before = personReads(person);
        var shown = page.get("/people/" + person);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(personReads(person) - before).as("READs of the person for one view of the person page")
                .isEqualTo(1);
        assertThat(personReadsBy(officer)).as("READs of anyone by this officer").isEqualTo(1);
    }

    @Test
    void oneCustodyPageViewJournalsExactlyOneReadOfThatPerson() {
        UserAccount officer = newUser(Role.HOUSING);
        PageSession page = new PageSession(baseUrl()).logOn(officer.username(), PASSWORD_OF_TEST_USERS);
        long before = personReads(person);
        var shown = page.get("/people/" + person + "/custody");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(personReads(person) - before).as("READs of the person for one view of the custody timeline")
                .isEqualTo(1);
    }

    @Test
    void anAdmissionFromTheIntakeFormJournalsNoReadWhenNothingIsShown() {
        UUID arrival = aPerson(intake, estate.code());
        UserAccount officer = newUser(Role.INTAKE);
        PageSession page = new PageSession(baseUrl()).logOn(officer.username(), PASSWORD_OF_TEST_USERS);
        page.get("/people/" + arrival + "/custody/admit");
        assertThat(personReads(arrival)).as("the form shows the person: one READ").isEqualTo(1);
        var admitted = page.post("/people/" + arrival + "/custody/admit", anAdmissionForm());
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(302);
        assertThat(personReads(arrival)).as("the admission, redirected, shows nothing").isEqualTo(1);
    }

    @Test
    void aNonAssociationBetweenTwoPeopleJournalsNoRead() {
        UUID rival = aPerson(intake, estate.code());
        UserAccount officer = newUser(Role.HOUSING);
        long before = personReadsBy(officer);
        bearer(officer).post("/api/non-associations", keepApart(person, rival)).expect(201);
        assertThat(personReadsBy(officer)).as("READs journaled by recording a non-association").isEqualTo(before);
        assertThat(personReads(person)).isZero();
        assertThat(personReads(rival)).isZero();
    }

    @Test
    void anOfficerOfAnotherFacilityIsRefusedAsBeforeOnAMoveAndOnKeepApart() {
        UUID rival = aPerson(intake, estate.code());
        ApiClient elsewhere = bearer(access.createUser(new NewUser("else-" + UUID.randomUUID().toString()
                .substring(0, 8), "Elsewhere", PASSWORD_OF_TEST_USERS, Set.of(Role.HOUSING, Role.INTAKE,
                Role.LEGAL), Set.of("ELSEWHERE"))));
        elsewhere.post(movements(), aPlacement(estate.cells().get(0))).expect(404).code("FACILITY_NOT_FOUND");
        elsewhere.post("/api/non-associations", keepApart(person, rival)).expect(404).code("PERSON_NOT_FOUND");
        elsewhere.post("/api/people/" + person + "/allegations", Map.of("kind", "GANG_AFFILIATION", "group", "G",
                "source", "s")).expect(404).code("PERSON_NOT_FOUND");
        elsewhere.get("/api/people/" + person + "/allegations").expect(404).code("PERSON_NOT_FOUND");
        elsewhere.get("/api/people/" + person + "/non-associations").expect(404).code("PERSON_NOT_FOUND");
        elsewhere.get("/api/people/" + person + "/custody").expect(404).code("PERSON_NOT_FOUND");
        elsewhere.get("/api/people/" + person + "/movements").expect(404).code("PERSON_NOT_FOUND");
        elsewhere.get("/api/people/" + UUID.randomUUID() + "/allegations").expect(404).code("PERSON_NOT_FOUND");
        assertThat(whereaboutsKind()).isEqualTo("RECEPTION");
        assertThat(as(Role.HOUSING).get("/api/people/" + person + "/non-associations").expect(200).json().size())
                .isZero();

        // One party in scope is not enough for a non-association with someone the officer cannot see.
        String here = estate.code();
        ApiClient local = bearer(access.createUser(new NewUser("here-" + UUID.randomUUID().toString()
                .substring(0, 8), "Here", PASSWORD_OF_TEST_USERS, Set.of(Role.HOUSING), Set.of(here))));
        UUID heldElsewhere = aPerson(intake, aFacility(as(Role.DIRECTOR), 1, 2, 2).code());
        local.post("/api/non-associations", keepApart(person, heldElsewhere)).expect(404).code("PERSON_NOT_FOUND");
        local.post("/api/non-associations", keepApart(person, rival)).expect(201);

        // Pages refuse as before, without a 500.
        var page = new PageSession(baseUrl()).logOn(access.createUser(new NewUser("elsep-" + UUID.randomUUID()
                .toString().substring(0, 8), "Elsewhere", PASSWORD_OF_TEST_USERS, Set.of(Role.HOUSING),
                Set.of("ELSEWHERE"))).username(), PASSWORD_OF_TEST_USERS);
        assertThat(page.get("/custody/people/" + person + "/associations").statusCode()).isEqualTo(404);
        assertThat(page.get("/people/" + person + "/custody/dry-run?type=PLACED&cell=" + estate.cells().get(0))
                .statusCode()).isEqualTo(404);
        assertThat(page.get("/people/" + person + "/custody").statusCode()).isEqualTo(404);
        assertThat(page.get("/people/" + person).statusCode()).isEqualTo(404);
    }

    @Test
    void readingTheEpisodesAndTheLedgerIsJournaledAsWhatWasShownNotAsTheIdentityRecord() {
        UserAccount reader = newUser(Role.INSPECTOR);
        ApiClient inspector = bearer(reader);
        inspector.get("/api/people/" + person + "/custody").expect(200);
        inspector.get("/api/people/" + person + "/movements").expect(200);
        assertThat(jdbc.sql("""
                SELECT subject_type FROM journal_entry
                 WHERE action = 'READ' AND subject_id = :subject AND actor = :actor ORDER BY seq""")
                .param("subject", person.toString()).param("actor", reader.username()).query(String.class).list())
                .containsExactly("custody", "ledger");
    }

    @Test
    void aRecordMergedIntoAnotherIsSeenThroughItsSurvivorAsBefore() {
        UUID duplicate = aPerson(intake, "NOWHERE-" + (System.nanoTime() % 100000));
        as(Role.LEGAL).post("/api/people/" + person + "/merge", Map.of("duplicate", duplicate.toString(),
                "reason", "same person, fingerprints")).expect(200);
        ApiClient local = bearer(access.createUser(new NewUser("here-" + UUID.randomUUID().toString()
                .substring(0, 8), "Here", PASSWORD_OF_TEST_USERS, Set.of(Role.HOUSING), Set.of(estate.code()))));
        local.get("/api/people/" + duplicate).expect(200);
        local.get("/api/people/" + duplicate + "/allegations").expect(200);
        ApiClient elsewhere = bearer(access.createUser(new NewUser("else-" + UUID.randomUUID().toString()
                .substring(0, 8), "Elsewhere", PASSWORD_OF_TEST_USERS, Set.of(Role.HOUSING), Set.of("ELSEWHERE"))));
        elsewhere.get("/api/people/" + duplicate).expect(404).code("PERSON_NOT_FOUND");
        elsewhere.get("/api/people/" + duplicate + "/allegations").expect(404).code("PERSON_NOT_FOUND");
    }

    // ---- helpers

    String movements() {
        return "/api/people/" + person + "/movements";
    }

    static Map<String, Object> moveTo(UUID cell) {
        Map<String, Object> body = aMove("MOVED");
        body.put("toLocation", cell.toString());
        return body;
    }

    static Map<String, Object> keepApart(UUID a, UUID b) {
        return Map.of("personA", a.toString(), "personB", b.toString(), "scope", "CELL", "reason", "amenazas",
                "source", "informe del módulo");
    }

    ApiClient bearer(UserAccount user) {
        String token = access.issueToken(access.userForLogon(user.username()).orElseThrow(), user.id(), "t",
                Duration.ofHours(1)).secret();
        return anonymous().header("Authorization", "Bearer " + token);
    }

    long personReads(UUID subject) {
        return jdbc.sql("""
                SELECT count(*) FROM journal_entry
                 WHERE action = 'READ' AND subject_type = 'person' AND subject_id = :subject""")
                .param("subject", subject.toString()).query(Long.class).single();
    }

    long personReadsBy(UserAccount actor) {
        return readsBy(actor, "person");
    }

    long readsBy(UserAccount actor, String subjectType) {
        return jdbc.sql("""
                SELECT count(*) FROM journal_entry
                 WHERE action = 'READ' AND subject_type = :type AND actor = :actor""")
                .param("type", subjectType).param("actor", actor.username()).query(Long.class).single();
    }

    String whereaboutsKind() {
        return as(Role.HOUSING).get("/api/people/" + person + "/whereabouts").expect(200).json().path("kind")
                .asString();
    }

    String whereaboutsCell() {
        var location = as(Role.HOUSING).get("/api/people/" + person + "/whereabouts").expect(200).json()
                .path("location");
        return location.isObject() ? location.path("value").asString() : location.asString();
    }

    Map<String, String> anAdmissionForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("facility", estate.code());
        form.put("legalStatus", "PRE_TRIAL");
        form.put("authorityType", "DETENTION_ORDER");
        form.put("issuingAuthority", "Juzgado Especializado de Instrucción");
        form.put("issuedOn", "2025-03-20");
        form.put("documentReference", "JEI-" + UUID.randomUUID().toString().substring(0, 6));
        return form;
    }
}

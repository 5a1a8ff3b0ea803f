package org.habeas.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habeas.transfer.TransferFixtures.aFacility;
import static org.habeas.transfer.TransferFixtures.aPerson;
import static org.habeas.transfer.TransferFixtures.aPlacement;
import static org.habeas.transfer.TransferFixtures.admitUnder;
import static org.habeas.transfer.TransferFixtures.anAgreement;
import static org.habeas.transfer.TransferFixtures.record;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** /api/agreements (REQ-46): roles, bad input with its codes, versions, alerts, dispositions, the statement. */
class AgreementApiTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    ApiClient director;

    @BeforeEach
    void theDirector() {
        director = as(Role.DIRECTOR);
    }

    int journalEntries(String action, UUID subject) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = :a AND subject_id = :s")
                .param("a", action).param("s", subject.toString()).query(Integer.class).single();
    }

    @Nested
    class Security {

        @Test
        void refusedWithoutLogIn() {
            anonymous().post("/api/agreements", anAgreement(TODAY, TODAY.plusDays(364))).expect(401);
            anonymous().get("/api/agreements").expect(401);
        }

        @Test
        void onlyTheDirectorRecordsAndChangesAgreements() {
            for (Role wrong : new Role[] {Role.INSPECTOR, Role.SUPERVISOR, Role.AGENCY, Role.HOUSING, Role.ADMIN}) {
                as(wrong).post("/api/agreements", anAgreement(TODAY, TODAY.plusDays(364))).expect(403);
            }
            UUID id = record(director, anAgreement(TODAY, TODAY.plusDays(364)));
            as(Role.INSPECTOR).put("/api/agreements/" + id, Map.of("expectedVersion", 1, "reason", "x",
                    "terms", anAgreement(TODAY, TODAY.plusDays(10)))).expect(403);
        }

        @Test
        void everyReadRefusesAnAgencyAndAHousingOfficer() {
            UUID id = record(director, anAgreement(TODAY, TODAY.plusDays(364)));
            for (String path : List.of("/api/agreements", "/api/agreements/expiring", "/api/agreements/" + id,
                    "/api/agreements/" + id + "/versions", "/api/agreements/" + id + "/people",
                    "/api/agreements/" + id + "/without-disposition", "/api/agreements/" + id + "/dispositions",
                    "/api/agreements/" + id + "/statement")) {
                as(Role.AGENCY).get(path).expect(403);
                as(Role.HOUSING).get(path).expect(403);
            }
            as(Role.HOUSING).post("/api/agreements/" + id + "/dispositions", aDisposition(UUID.randomUUID()))
                    .expect(403);
        }

        @Test
        void inspectorsReadAndAgenciesDoNot() {
            UUID id = record(director, anAgreement(TODAY, TODAY.plusDays(364)));
            as(Role.INSPECTOR).get("/api/agreements/" + id).expect(200);
            as(Role.INSPECTOR).get("/api/agreements/" + id + "/statement").expect(200);
            as(Role.AGENCY).get("/api/agreements/" + id).expect(403);
            as(Role.AGENCY).get("/api/agreements/" + id + "/statement").expect(403);
            as(Role.INSPECTOR).post("/api/agreements/" + id + "/dispositions", Map.of()).expect(403);
        }
    }

    @Nested
    class Validation {

        @Test
        void aMissingFieldIsNamed() {
            Map<String, Object> body = anAgreement(TODAY, TODAY.plusDays(364));
            body.remove("returnClause");
            director.post("/api/agreements", body).expect(400).code("VALIDATION_FAILED").field("returnClause");
        }

        @Test
        void aTermThatEndsBeforeItStartsIsRefused() {
            var body = anAgreement(TODAY, TODAY.minusDays(1));
            director.post("/api/agreements", body).expect(400).code("AGREEMENT_TERM_INVALID").field("termEnd");
            assertThat(jdbc.sql("SELECT count(*) FROM agreement WHERE reference = :r")
                    .param("r", body.get("reference")).query(Integer.class).single()).isZero();
        }

        @Test
        void anUnknownStateIsRefused() {
            var body = anAgreement(TODAY, TODAY.plusDays(364));
            body.put("receivingState", "XX");
            director.post("/api/agreements", body).expect(400).code("UNKNOWN_COUNTRY_CODE").field("receivingState");
        }

        @Test
        void aReferenceIsTakenOnce() {
            var body = anAgreement(TODAY, TODAY.plusDays(364));
            record(director, body);
            director.post("/api/agreements", body).expect(409).code("AGREEMENT_REFERENCE_TAKEN");
        }

        @Test
        void aChangeOfAnOutdatedVersionIsRefused() {
            var body = anAgreement(TODAY, TODAY.plusDays(364));
            UUID id = record(director, body);
            director.put("/api/agreements/" + id, Map.of("expectedVersion", 1, "reason", "cap raised",
                    "terms", body)).expect(200);
            director.put("/api/agreements/" + id, Map.of("expectedVersion", 1, "reason", "again",
                    "terms", body)).expect(409).code("AGREEMENT_VERSION_STALE");
        }

        @Test
        void anUnknownAgreementIsNotFound() {
            director.get("/api/agreements/" + UUID.randomUUID()).expect(404).code("AGREEMENT_NOT_FOUND");
        }

        @Test
        void aStatementPeriodThatEndsBeforeItStartsIsRefused() {
            UUID id = record(director, anAgreement(TODAY, TODAY.plusDays(364)));
            director.get("/api/agreements/" + id + "/statement?from=2025-05-01&to=2025-04-01").expect(400)
                    .code("VALIDATION_FAILED").field("to");
        }

        @Test
        void aDispositionForSomeoneNeverHeldUnderItIsRefused() {
            UUID id = record(director, anAgreement(TODAY, TODAY.plusDays(364)));
            var estate = aFacility(director, 1);
            UUID person = aPerson(as(Role.INTAKE), estate.code(), "VE");
            director.post("/api/agreements/" + id + "/dispositions", aDisposition(person)).expect(409)
                    .code("NOT_HELD_UNDER_AGREEMENT");
        }
    }

    @Nested
    class HappyPath {

        @Test
        void aChangeIsANewVersionAndTheOldOneIsKept() {
            var body = anAgreement(TODAY, TODAY.plusDays(364));
            UUID id = record(director, body);
            body.put("capacityCap", 400);
            JsonNode changed = director.put("/api/agreements/" + id, Map.of("expectedVersion", 1,
                    "reason", "cap raised by a second note", "terms", body)).expect(200).json();
            assertThat(changed.path("version").asInt()).isEqualTo(2);
            assertThat(changed.path("terms").path("capacityCap").asInt()).isEqualTo(400);
            JsonNode versions = director.get("/api/agreements/" + id + "/versions").expect(200).json();
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).path("terms").path("capacityCap").asInt()).isEqualTo(300);
            assertThat(versions.get(1).path("reason").asString()).isEqualTo("cap raised by a second note");
            assertThat(journalEntries("AGREEMENT_RECORDED", id)).isEqualTo(1);
            assertThat(journalEntries("AGREEMENT_CHANGED", id)).isEqualTo(1);
        }

        @Test
        void theDatabaseKeepsAgreementsAndTheirVersions() {
            UUID id = record(director, anAgreement(TODAY, TODAY.plusDays(364)));
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM agreement WHERE id = :id").param("id", id).update())
                    .hasMessageContaining("refused");
            assertThatThrownBy(() -> jdbc.sql("UPDATE agreement_version SET reason = 'x' WHERE agreement_id = :id")
                    .param("id", id).update()).hasMessageContaining("refused");
        }

        @Test
        void aRepeatedRecordWithTheSameKeyAnswersTheFirst() {
            var body = anAgreement(TODAY, TODAY.plusDays(364));
            String key = "agreement-" + UUID.randomUUID();
            var first = director.header("Idempotency-Key", key).post("/api/agreements", body).expect(201);
            var again = as(Role.DIRECTOR).header("Idempotency-Key", key).post("/api/agreements", body).expect(201);
            assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        }

        @Test
        void anAgreementEndingWithinItsAlertWindowIsListedWithThePeopleWithoutDisposition() {
            var body = anAgreement(TODAY.minusDays(300), TODAY.plusDays(20));
            body.put("alertDays", 30);
            UUID soon = record(director, body);
            var later = anAgreement(TODAY, TODAY.plusDays(200));
            later.put("alertDays", 30);
            UUID notYet = record(director, later);
            var estate = aFacility(director, 1);
            UUID person = aPerson(as(Role.INTAKE), estate.code(), "VE");
            admitUnder(as(Role.INTAKE), person, estate.code(), soon);

            JsonNode expiring = director.get("/api/agreements/expiring").expect(200).json();
            JsonNode listed = null;
            for (JsonNode e : expiring) {
                assertThat(e.path("agreement").asString()).isNotEqualTo(notYet.toString());
                if (e.path("agreement").asString().equals(soon.toString())) {
                    listed = e;
                }
            }
            assertThat(listed).isNotNull();
            assertThat(listed.path("daysLeft").asLong()).isEqualTo(20);
            assertThat(listed.path("withoutDisposition").asLong()).isEqualTo(1);
            assertThat(director.get("/api/agreements/" + soon + "/without-disposition").expect(200).json()
                    .get(0).path("person").asString()).isEqualTo(person.toString());

            director.post("/api/agreements/" + soon + "/dispositions", aDisposition(person)).expect(201);
            assertThat(director.get("/api/agreements/" + soon + "/without-disposition").expect(200).json()).isEmpty();
            assertThat(journalEntries("AGREEMENT_DISPOSITION_RECORDED", person)).isEqualTo(1);
        }

        @Test
        void theStatementCountsPeopleDaysCostCapAndDaysLeft() {
            var body = anAgreement(TODAY.minusDays(9), TODAY.plusDays(355));
            UUID id = record(director, body);
            var estate = aFacility(director, 1);
            ApiClient intake = as(Role.INTAKE);
            UUID first = aPerson(intake, estate.code(), "VE");
            UUID second = aPerson(intake, estate.code(), "VE");
            admitUnder(intake, first, estate.code(), id);
            admitUnder(intake, second, estate.code(), id);
            director.post("/api/agreements/" + id + "/dispositions", aDisposition(first)).expect(201);

            JsonNode s = director.get("/api/agreements/" + id + "/statement").expect(200).json();
            assertThat(s.path("from").asString()).isEqualTo(TODAY.minusDays(9).toString());
            assertThat(s.path("to").asString()).isEqualTo(TODAY.toString());
            assertThat(s.path("peopleHeld").asLong()).isEqualTo(2);
            assertThat(s.path("detaineeDays").asLong()).isEqualTo(2);
            // A lump sum of 6,000,000 over a term of 365 days: ten days of it.
            assertThat(s.path("cost").decimalValue()).isEqualByComparingTo("164383.56");
            assertThat(s.path("costPerPerson").decimalValue()).isEqualByComparingTo("82191.78");
            assertThat(s.path("costPerDetaineeDay").decimalValue()).isEqualByComparingTo("82191.78");
            assertThat(s.path("heldNow").asLong()).isEqualTo(2);
            assertThat(s.path("capUsage").decimalValue()).isEqualByComparingTo("0.0067");
            assertThat(s.path("daysLeft").asLong()).isEqualTo(355);
            assertThat(s.path("withoutDisposition")).hasSize(1);
            assertThat(s.path("withoutDisposition").get(0).path("person").asString()).isEqualTo(second.toString());
            assertThat(s.path("days")).hasSize(10);
            assertThat(s.path("days").get(9).path("held").asLong()).isEqualTo(2);

            var csv = director.header("Accept", "text/csv").get("/api/agreements/" + id + "/statement").expect(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.body()).contains("people_held,2\r\n").contains("detainee_days,2\r\n")
                    .contains("cost,164383.56\r\n").contains("day,held,cost_to_date\r\n")
                    .contains(TODAY + ",2,164383.56\r\n");
        }

        @Test
        void perDetaineeDayPricingMultipliesTheDays() {
            var body = anAgreement(TODAY.minusDays(9), TODAY.plusDays(355));
            body.put("priceModel", "PER_DETAINEE_DAY");
            body.put("priceAmount", 55.5);
            UUID id = record(director, body);
            var estate = aFacility(director, 1);
            UUID person = aPerson(as(Role.INTAKE), estate.code(), "VE");
            admitUnder(as(Role.INTAKE), person, estate.code(), id);
            JsonNode s = director.get("/api/agreements/" + id + "/statement").expect(200).json();
            assertThat(s.path("cost").decimalValue()).isEqualByComparingTo("55.50");
            assertThat(s.path("costPerDetaineeDay").decimalValue()).isEqualByComparingTo("55.50");
        }

        @Test
        void aPlacementUnderAnExpiredAgreementIsRefusedAndTheRefusalKept() {
            UUID expired = record(director, anAgreement(TODAY.minusDays(400), TODAY.minusDays(1)));
            var estate = aFacility(director, 1);
            UUID person = aPerson(as(Role.INTAKE), estate.code(), "VE");
            admitUnder(as(Role.INTAKE), person, estate.code(), expired);
            as(Role.HOUSING).post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(0)))
                    .expect(409).code("AGREEMENT_EXPIRED");
            assertThat(journalEntries("MOVEMENT_DENIED", person)).isEqualTo(1);
        }

        @Test
        void aPlacementUnderAnAgreementInForcePasses() {
            UUID id = record(director, anAgreement(TODAY.minusDays(10), TODAY.plusDays(300)));
            var estate = aFacility(director, 1);
            UUID person = aPerson(as(Role.INTAKE), estate.code(), "VE");
            admitUnder(as(Role.INTAKE), person, estate.code(), id);
            as(Role.HOUSING).post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(0)))
                    .expect(201);
        }

        @Test
        void aHandoverNamingAnUnknownAgreementIsRefused() {
            Map<String, Object> dryRun = new LinkedHashMap<>();
            dryRun.put("personId", UUID.randomUUID().toString());
            dryRun.put("action", "HANDOVER");
            dryRun.put("toCountry", "SV");
            dryRun.put("agreementId", UUID.randomUUID().toString());
            JsonNode decision = as(Role.HOUSING).post("/api/vetting/decisions", dryRun).expect(200).json();
            boolean found = false;
            for (JsonNode o : decision.path("outcomes")) {
                if (o.path("rule").asString().equals("AGREEMENT_TERM")) {
                    found = true;
                    assertThat(o.path("code").asString()).isEqualTo("AGREEMENT_NOT_FOUND");
                }
            }
            assertThat(found).as(decision.toString()).isTrue();
        }
    }

    static Map<String, Object> aDisposition(UUID person) {
        return Map.of("personId", person.toString(), "kind", "RETURN_TO_SENDING_STATE", "decidedOn",
                TODAY.toString(), "decidedBy", "DHS / ICE");
    }
}

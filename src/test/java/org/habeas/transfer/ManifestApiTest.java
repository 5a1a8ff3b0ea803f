package org.habeas.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.habeas.TestData.syntheticName;
import static org.habeas.transfer.TransferFixtures.aFacility;
import static org.habeas.transfer.TransferFixtures.aPerson;
import static org.habeas.transfer.TransferFixtures.anAgreement;
import static org.habeas.transfer.TransferFixtures.anIdentity;
import static org.habeas.transfer.TransferFixtures.record;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * /api/manifests (REQ-53 to REQ-55): who may submit, approve, board and check in; an agency sees its own manifests
 * only; each bad input and each refusal with its code; versions, promotion of an alternate, re-vetting, two-person
 * approval, the reference case's protection order, and arrivals reconciled and admitted on the agreement.
 */
class ManifestApiTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    ApiClient agency;
    ApiClient supervisor;
    ApiClient director;
    TestData.Estate estate;
    UUID agreement;

    @BeforeEach
    void anAgreementAndAFacility() {
        agency = as(Role.AGENCY);
        supervisor = as(Role.SUPERVISOR);
        director = as(Role.DIRECTOR);
        estate = aFacility(director, 1);
        agreement = record(director, anAgreement(TODAY.minusDays(30), TODAY.plusDays(300)));
    }

    static Map<String, Object> aNewArrival(String ref) {
        Map<String, Object> identity = anIdentityLine();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ref", ref);
        line.put("identity", identity);
        line.put("category", "ALLEGED_CRIMINAL");
        return line;
    }

    static Map<String, Object> anIdentityLine() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("givenNames", syntheticName());
        identity.put("firstFamilyName", syntheticName());
        identity.put("birthDate", "1990-0%d-1%d".formatted(1 + (int) (Math.random() * 9), (int) (Math.random() * 9)));
        identity.put("nationality", "VE");
        identity.put("recordedSex", "MALE");
        return identity;
    }

    static Map<String, Object> aPersonLine(String ref, UUID person) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ref", ref);
        line.put("personId", person.toString());
        line.put("category", "ALLEGED_CRIMINAL");
        return line;
    }

    Map<String, Object> anInbound(List<Map<String, Object>> lines, List<Map<String, Object>> alternates) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", "INBOUND");
        body.put("agreementId", agreement.toString());
        body.put("carrier", "Charter carrier");
        body.put("journey", "FLIGHT-" + UUID.randomUUID().toString().substring(0, 6));
        body.put("origin", "Harlingen, Texas");
        body.put("destinationFacility", estate.code());
        body.put("destinationCountry", "SV");
        body.put("scheduledAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        body.put("sendingAgency", "DHS / ICE");
        body.put("lines", lines);
        body.put("alternates", alternates);
        return body;
    }

    JsonNode submit(ApiClient by, Map<String, Object> body) {
        return by.post("/api/manifests", body).expect(201).json();
    }

    static String id(JsonNode answer) {
        return answer.path("manifest").path("id").asString();
    }

    static List<String> statuses(JsonNode version) {
        List<String> s = new ArrayList<>();
        version.path("lines").forEach(l -> s.add(l.path("ref").asString() + "=" + l.path("vetting").path("status")
                .asString()));
        return s;
    }

    static List<String> deniedRules(JsonNode line) {
        List<String> rules = new ArrayList<>();
        line.path("vetting").path("reasons").forEach(r -> rules.add(r.path("rule").asString()));
        return rules;
    }

    @Nested
    class Security {

        @Test
        void refusedWithoutLogIn() {
            anonymous().post("/api/manifests", anInbound(List.of(aNewArrival("A1")), List.of())).expect(401);
            anonymous().get("/api/manifests").expect(401);
        }

        @Test
        void theWrongRolesAreRefused() {
            as(Role.HOUSING).post("/api/manifests", anInbound(List.of(aNewArrival("A1")), List.of())).expect(403);
            as(Role.INSPECTOR).post("/api/manifests", anInbound(List.of(aNewArrival("A1")), List.of())).expect(403);
            String id = id(submit(agency, anInbound(List.of(aNewArrival("A1")), List.of())));
            agency.post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(403);
            as(Role.INSPECTOR).post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(403);
            as(Role.ADMIN).get("/api/manifests/" + id).expect(403);
            agency.post("/api/manifests/" + id + "/arrivals", Map.of("version", 1, "arrived", List.of("A1")))
                    .expect(403);
            as(Role.INSPECTOR).get("/api/manifests/" + id + "/versions").expect(200);
        }

        @Test
        void everyOtherRouteRefusesTheWrongRole() {
            String id = id(submit(agency, anInbound(List.of(aNewArrival("A1")), List.of(aNewArrival("ALT1")))));
            supervisor.post("/api/manifests/" + id + "/versions", Map.of("basedOn", 1, "reason", "x",
                    "lines", List.of(aNewArrival("A2")))).expect(403);
            supervisor.post("/api/manifests/" + id + "/versions/1/promote", Map.of("alternate", "ALT1",
                    "reason", "x")).expect(403);
            supervisor.post("/api/manifests/" + id + "/dispatch", Map.of("version", 1, "boarded", List.of("A1")))
                    .expect(403);
            as(Role.ADMIN).get("/api/manifests/" + id + "/versions/1").expect(403);
            as(Role.HOUSING).raw("POST", "/api/manifests", "text/csv", "ref\r\n").expect(403);
            as(Role.INSPECTOR).post("/api/manifests/" + id + "/versions/1/refuse", Map.of("reason", "x"))
                    .expect(403);
        }

        @Test
        void anotherAgencyCannotActOnAManifest() {
            String id = id(submit(agency, anInbound(List.of(aNewArrival("A1")), List.of(aNewArrival("ALT1")))));
            ApiClient otherAgency = as(Role.AGENCY, Role.INSPECTOR);
            otherAgency.post("/api/manifests/" + id + "/versions", Map.of("basedOn", 1, "reason", "x",
                    "lines", List.of(aNewArrival("A2")))).expect(404).code("MANIFEST_NOT_FOUND");
            otherAgency.post("/api/manifests/" + id + "/versions/1/promote", Map.of("alternate", "ALT1",
                    "reason", "x")).expect(404).code("MANIFEST_NOT_FOUND");
        }

        @Test
        void anAgencySeesItsOwnManifestsAndNoOther() {
            String id = id(submit(agency, anInbound(List.of(aNewArrival("A1")), List.of())));
            ApiClient otherAgency = as(Role.AGENCY, Role.INSPECTOR);
            otherAgency.get("/api/manifests/" + id).expect(404).code("MANIFEST_NOT_FOUND");
            otherAgency.get("/api/manifests/" + id + "/versions").expect(404).code("MANIFEST_NOT_FOUND");
            List<String> listed = new ArrayList<>();
            otherAgency.get("/api/manifests").expect(200).json().forEach(m -> listed.add(m.path("id").asString()));
            assertThat(listed).doesNotContain(id);
            agency.get("/api/manifests/" + id).expect(200);
            List<String> own = new ArrayList<>();
            agency.get("/api/manifests").expect(200).json().forEach(m -> own.add(m.path("id").asString()));
            assertThat(own).contains(id);
        }
    }

    @Nested
    class Validation {

        @Test
        void aLineWithBothAPersonAndAnIdentityIsRefused() {
            var line = aNewArrival("A1");
            line.put("personId", UUID.randomUUID().toString());
            agency.post("/api/manifests", anInbound(List.of(line), List.of())).expect(400).code("VALIDATION_FAILED")
                    .field("lines[0].person");
        }

        @Test
        void aRefUsedTwiceIsRefused() {
            agency.post("/api/manifests", anInbound(List.of(aNewArrival("A1")), List.of(aNewArrival("A1"))))
                    .expect(400).code("VALIDATION_FAILED").field("alternates[0].ref");
        }

        @Test
        void anInboundManifestNeedsItsFacility() {
            var body = anInbound(List.of(aNewArrival("A1")), List.of());
            body.remove("destinationFacility");
            agency.post("/api/manifests", body).expect(400).code("VALIDATION_FAILED").field("destinationFacility");
        }

        @Test
        void anUnknownAgreementIsNotFound() {
            var body = anInbound(List.of(aNewArrival("A1")), List.of());
            body.put("agreementId", UUID.randomUUID().toString());
            agency.post("/api/manifests", body).expect(404).code("AGREEMENT_NOT_FOUND");
        }

        @Test
        void promotingAnAlternateThatIsNotThereIsRefused() {
            String id = id(submit(agency, anInbound(List.of(aNewArrival("A1")), List.of())));
            agency.post("/api/manifests/" + id + "/versions/1/promote", Map.of("alternate", "NOPE", "reason", "x"))
                    .expect(400).code("ALTERNATE_NOT_FOUND").field("alternate");
        }

        @Test
        void noLinesIsRefused() {
            agency.post("/api/manifests", anInbound(List.of(), List.of())).expect(400).code("VALIDATION_FAILED")
                    .field("lines");
        }

        String csvQuery(String journey) {
            return "?direction=INBOUND&agreementId=" + agreement + "&carrier=Charter&journey=" + journey
                    + "&origin=Harlingen&destinationFacility=" + estate.code() + "&destinationCountry=SV"
                    + "&scheduledAt=" + Instant.now().plus(1, ChronoUnit.HOURS) + "&sendingAgency=ICE";
        }

        static final String HEADER = "ref,alternate,person_id,given_names,first_family_name,second_family_name,"
                + "birth_date,nationality,recorded_sex,category,basis_type,basis_reference\r\n";

        @Test
        void aCsvWithMalformedLinesReportsEachWithItsLineAndFieldAndWritesNothing() {
            String journey = "CSV-" + UUID.randomUUID().toString().substring(0, 6);
            String csv = HEADER
                    + "A1,," + ",Jose," + syntheticName() + ",,1990-02-03,VE,MALE,ALLEGED_CRIMINAL,,\r\n"
                    + "A2,,not-an-id,,,,,,,ALLEGED_CRIMINAL,,\r\n"
                    + "A3,,,Juan," + syntheticName() + ",,1990-13-45,VE,MALE,ALLEGED_CRIMINAL,,\r\n"
                    + "A4,1,too,few\r\n";
            JsonNode problem = agency.raw("POST", "/api/manifests" + csvQuery(journey), "text/csv", csv).expect(400)
                    .code("MANIFEST_CSV_INVALID").json();
            List<String> found = new ArrayList<>();
            problem.path("problems").forEach(p -> found.add(p.path("line").asInt() + ":" + p.path("field").asString()));
            assertThat(found).containsExactly("3:person_id", "4:birth_date", "5:line");
            assertThat(jdbc.sql("SELECT count(*) FROM manifest WHERE journey = :j").param("j", journey)
                    .query(Integer.class).single()).isZero();
        }

        @Test
        void aCsvUploadMakesVersionOneWithItsAlternates() {
            String csv = HEADER
                    + "A1,,,Jose," + syntheticName() + ",,1990-02-03,VE,MALE,ALLEGED_CRIMINAL,,\r\n"
                    + "\"A2\",1,,\"Juan, Maria\"," + syntheticName() + ",,1991-02-03,VE,MALE,ALLEGED_CRIMINAL,,\r\n";
            JsonNode answer = agency.raw("POST", "/api/manifests" + csvQuery("CSV-OK"), "text/csv", csv).expect(201)
                    .json();
            assertThat(statuses(answer.path("version"))).containsExactly("A1=CLEARED");
            assertThat(answer.path("version").path("alternates").get(0).path("identity").path("givenNames")
                    .asString()).isEqualTo("Juan, Maria");
        }

        @Test
        void aRepeatedSubmissionWithTheSameKeyAnswersTheFirst() {
            var body = anInbound(List.of(aNewArrival("A1")), List.of());
            String key = "manifest-" + UUID.randomUUID();
            String first = id(agency.header("Idempotency-Key", key).post("/api/manifests", body).expect(201).json());
            var again = as(Role.AGENCY).header("Idempotency-Key", key).post("/api/manifests", body).expect(201);
            assertThat(id(again.json())).isEqualTo(first);
            assertThat(jdbc.sql("SELECT count(*) FROM manifest WHERE journey = :j").param("j", body.get("journey"))
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Nested
    class HappyPath {

        @Test
        void anInboundManifestIsVettedApprovedBoardedAndReconciledOnArrival() {
            JsonNode v1 = submit(agency, anInbound(List.of(aNewArrival("A1"), aNewArrival("A2")),
                    List.of(aNewArrival("ALT1"))));
            String id = id(v1);
            assertThat(statuses(v1.path("version"))).containsExactly("A1=CLEARED", "A2=CLEARED");
            assertThat(v1.path("version").path("alternates").get(0).path("alternateRank").asInt()).isEqualTo(1);

            agency.post("/api/manifests/" + id + "/dispatch", Map.of("version", 1, "boarded", List.of("A1")))
                    .expect(409).code("MANIFEST_NOT_APPROVED");
            supervisor.post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(200);
            agency.post("/api/manifests/" + id + "/dispatch", Map.of("version", 1, "boarded", List.of("A1", "ALT1")))
                    .expect(409).code("NOT_ON_APPROVED_MANIFEST");
            agency.post("/api/manifests/" + id + "/dispatch", Map.of("version", 1, "boarded", List.of("A1", "A2")))
                    .expect(200);

            JsonNode r = as(Role.INTAKE).post("/api/manifests/" + id + "/arrivals",
                    Map.of("version", 1, "arrived", List.of("A1", "X9"))).expect(200).json();
            assertThat(r.path("arrived").get(0).asString()).isEqualTo("A1");
            assertThat(r.path("missing").get(0).asString()).isEqualTo("A2");
            assertThat(r.path("unexpected").get(0).asString()).isEqualTo("X9");
            JsonNode admitted = r.path("admitted").get(0);
            assertThat(admitted.path("result").path("status").asInt()).as(r.toString()).isEqualTo(201);
            UUID person = UUID.fromString(admitted.path("person").asString());
            assertThat(jdbc.sql("""
                    SELECT authority_reference FROM custody_episode WHERE person_id = :p AND ended_at IS NULL
                       AND authority_type = 'TRANSFER_AGREEMENT' AND facility_code = :f
                    """).param("p", person).param("f", estate.code()).query(String.class).single())
                    .isEqualTo(agreement.toString());
            // REQ-30: the arrival is an admission, and the rights module opens its duty to tell the family.
            await().atMost(Duration.ofSeconds(30)).until(() -> as(Role.INTAKE).get("/api/people/" + person
                    + "/notifications").expect(200).json().toString().contains("\"occasion\":\"ADMISSION\""));
            assertThat(director.get("/api/agreements/" + agreement + "/statement").expect(200).json()
                    .path("heldNow").asLong()).isEqualTo(1);
            assertThat(agency.get("/api/manifests/" + id).expect(200).json().path("status").asString())
                    .isEqualTo("ARRIVED");
            as(Role.INTAKE).post("/api/manifests/" + id + "/arrivals", Map.of("version", 1, "arrived", List.of("A2")))
                    .expect(409).code("MANIFEST_CLOSED");
        }

        /** REQ-46: a sending agency follows the people it sent, at facility level, and no one else's. */
        @Test
        void anAgencyFollowsThePeopleItsManifestsCarriedAndNoOther() {
            String id = id(submit(agency, anInbound(List.of(aNewArrival("A1")), List.of())));
            supervisor.post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(200);
            JsonNode r = as(Role.INTAKE).post("/api/manifests/" + id + "/arrivals",
                    Map.of("version", 1, "arrived", List.of("A1"))).expect(200).json();
            String person = r.path("admitted").get(0).path("person").asString();

            JsonNode followed = agency.get("/api/manifests/people/" + person).expect(200).json();
            assertThat(followed.path("heldAt").asString()).isEqualTo(estate.code());
            assertThat(followed.path("nationalities").get(0).asString()).isEqualTo("VE");
            JsonNode line = followed.path("lines").get(0);
            assertThat(line.path("manifest").asString()).isEqualTo(id);
            assertThat(line.path("ref").asString()).isEqualTo("A1");
            assertThat(line.path("arrived").asBoolean()).isTrue();
            assertThat(line.path("vetting").asString()).isEqualTo("CLEARED");
            assertThat(followed.toString()).doesNotContain("locationId").doesNotContain(estate.cells().get(0).toString());

            as(Role.AGENCY, Role.INSPECTOR).get("/api/manifests/people/" + person).expect(404)
                    .code("PERSON_NOT_FOUND");
            UUID stranger = TransferFixtures.aPerson(as(Role.INTAKE), estate.code(), "VE");
            agency.get("/api/manifests/people/" + stranger).expect(404).code("PERSON_NOT_FOUND");
            agency.get("/api/manifests/people/" + UUID.randomUUID()).expect(404).code("PERSON_NOT_FOUND");
            agency.get("/api/people/" + person).expect(403);
            assertThat(supervisor.get("/api/manifests/people/" + person).expect(200).json().path("lines"))
                    .hasSize(1);
        }

        /** The whole flow: submit, vet, substitute an alternate, re-vet, approve, board, arrive, reconcile, statement. */
        @Test
        void theWholeFlowFromSubmissionToStatement() {
            String id = id(submit(agency, anInbound(List.of(aNewArrival("A1"), aNewArrival("A2")),
                    List.of(aNewArrival("ALT1"), aNewArrival("ALT2")))));
            JsonNode v2 = agency.post("/api/manifests/" + id + "/versions/1/promote", Map.of("alternate", "ALT1",
                    "replacing", "A2", "reason", "A2 withdrawn by the sender")).expect(201).json().path("version");
            assertThat(statuses(v2)).containsExactly("A1=CLEARED", "ALT1=CLEARED");
            assertThat(v2.path("alternates").get(0).path("ref").asString()).isEqualTo("ALT2");
            assertThat(v2.path("alternates").get(0).path("alternateRank").asInt()).isEqualTo(1);
            assertThat(v2.path("approvedBy").isNull()).isTrue();
            supervisor.post("/api/manifests/" + id + "/versions/2/approve", Map.of()).expect(200);
            agency.post("/api/manifests/" + id + "/dispatch", Map.of("version", 2, "boarded", List.of("A2")))
                    .expect(409).code("NOT_ON_APPROVED_MANIFEST");
            agency.post("/api/manifests/" + id + "/dispatch", Map.of("version", 1, "boarded", List.of("A1")))
                    .expect(409).code("MANIFEST_VERSION_OUTDATED");
            agency.post("/api/manifests/" + id + "/dispatch", Map.of("version", 2, "boarded", List.of("A1", "ALT1")))
                    .expect(200);
            JsonNode r = as(Role.INTAKE).post("/api/manifests/" + id + "/arrivals",
                    Map.of("version", 2, "arrived", List.of("A1", "ALT1"))).expect(200).json();
            assertThat(r.path("missing")).isEmpty();
            assertThat(r.path("unexpected")).isEmpty();
            r.path("admitted").forEach(a -> assertThat(a.path("result").path("status").asInt()).isEqualTo(201));
            JsonNode statement = director.get("/api/agreements/" + agreement + "/statement").expect(200).json();
            assertThat(statement.path("heldNow").asLong()).isEqualTo(2);
            assertThat(statement.path("peopleHeld").asLong()).isEqualTo(2);
            assertThat(statement.path("withoutDisposition")).hasSize(2);
            assertThat(agency.get("/api/manifests/" + id + "/versions").expect(200).json()).hasSize(2);
        }

        @Test
        void theBuilderCannotApproveAndOnlyTheLatestVersionMayBeApproved() {
            ApiClient both = as(Role.INTAKE, Role.SUPERVISOR);
            String id = id(submit(both, anInbound(List.of(aNewArrival("A1")), List.of(aNewArrival("ALT1")))));
            both.post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(409)
                    .code("MANIFEST_BUILDER_CANNOT_APPROVE");
            JsonNode v2 = both.post("/api/manifests/" + id + "/versions/1/promote",
                    Map.of("alternate", "ALT1", "reason", "a seat is free")).expect(201).json();
            assertThat(v2.path("version").path("version").asInt()).isEqualTo(2);
            assertThat(v2.path("version").path("changes").path("promoted").get(0).asString()).isEqualTo("ALT1");
            supervisor.post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(409)
                    .code("MANIFEST_VERSION_OUTDATED");
            supervisor.post("/api/manifests/" + id + "/versions/9/approve", Map.of()).expect(404)
                    .code("MANIFEST_VERSION_NOT_FOUND");
            both.post("/api/manifests/" + id + "/versions/1/promote", Map.of("alternate", "ALT1", "reason", "x"))
                    .expect(409).code("MANIFEST_VERSION_OUTDATED");
            supervisor.post("/api/manifests/" + id + "/versions/2/approve", Map.of()).expect(200);
            assertThat(jdbc.sql("SELECT count(*) FROM manifest_version WHERE manifest_id = CAST(:m AS uuid)")
                    .param("m", id).query(Integer.class).single()).isEqualTo(2);
        }

        @Test
        void aRefusedVersionIsNeverApprovedAndTheNextOneMayBe() {
            String id = id(submit(agency, anInbound(List.of(aNewArrival("A1")), List.of())));
            agency.post("/api/manifests/" + id + "/versions/1/refuse", Map.of("reason", "x")).expect(403);
            supervisor.post("/api/manifests/" + id + "/versions/1/refuse", Map.of()).expect(400)
                    .code("VALIDATION_FAILED").field("reason");
            JsonNode refused = supervisor.post("/api/manifests/" + id + "/versions/1/refuse",
                    Map.of("reason", "the flight number does not match the carrier's")).expect(200).json();
            assertThat(refused.path("version").path("refusedBy").asString()).isNotBlank();
            supervisor.post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(409)
                    .code("MANIFEST_VERSION_REFUSED");
            agency.post("/api/manifests/" + id + "/versions", Map.of("basedOn", 1, "reason", "flight corrected",
                    "lines", List.of(aNewArrival("A1")))).expect(201);
            supervisor.post("/api/manifests/" + id + "/versions/2/approve", Map.of()).expect(200);
        }

        @Test
        void aLineUnderAnExpiredAgreementIsDeniedAndBlocksApproval() {
            agreement = record(director, anAgreement(TODAY.minusDays(400), TODAY.minusDays(1)));
            JsonNode v1 = submit(agency, anInbound(List.of(aNewArrival("A1")), List.of()));
            assertThat(statuses(v1.path("version"))).containsExactly("A1=DENIED");
            assertThat(deniedRules(v1.path("version").path("lines").get(0))).contains("AGREEMENT_TERM");
            supervisor.post("/api/manifests/" + id(v1) + "/versions/1/approve", Map.of()).expect(409)
                    .code("MANIFEST_LINES_DENIED");
        }

        /** REQ-55: vetted again at boarding, and the arrival refused once the agreement is no longer in force. */
        @Test
        void anAgreementEndedAfterApprovalRefusesBoardingAndArrival() {
            var terms = anAgreement(TODAY.minusDays(30), TODAY.plusDays(300));
            agreement = record(director, terms);
            JsonNode v1 = submit(agency, anInbound(List.of(aNewArrival("A1")), List.of()));
            String id = id(v1);
            supervisor.post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(200);
            terms.put("termEnd", TODAY.minusDays(1).toString());
            director.put("/api/agreements/" + agreement, Map.of("expectedVersion", 1,
                    "reason", "the sending state ended the arrangement", "terms", terms)).expect(200);
            var refused = agency.post("/api/manifests/" + id + "/dispatch", Map.of("version", 1,
                    "boarded", List.of("A1"))).expect(409).code("MANIFEST_LINES_DENIED");
            assertThat(refused.body()).contains("A1: AGREEMENT_TERM AGREEMENT_EXPIRED");
            as(Role.INTAKE).post("/api/manifests/" + id + "/arrivals", Map.of("version", 1, "arrived",
                    List.of("A1"))).expect(409).code("AGREEMENT_EXPIRED");
        }

        @Test
        void linesBeyondTheAgreementsCapAreDenied() {
            var terms = anAgreement(TODAY.minusDays(30), TODAY.plusDays(300));
            terms.put("capacityCap", 1);
            agreement = record(director, terms);
            JsonNode v1 = submit(agency, anInbound(List.of(aNewArrival("A1"), aNewArrival("A2")), List.of()));
            assertThat(statuses(v1.path("version"))).containsExactly("A1=CLEARED", "A2=DENIED");
            assertThat(deniedRules(v1.path("version").path("lines").get(1))).containsExactly("AGREEMENT_CAP");
        }

        @Test
        void linesBeyondTheRoomAtTheDestinationAreDenied() {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 1; i <= 11; i++) {
                lines.add(aNewArrival("A" + i));
            }
            JsonNode v1 = submit(agency, anInbound(lines, List.of()));
            JsonNode last = v1.path("version").path("lines").get(10);
            assertThat(last.path("vetting").path("status").asString()).isEqualTo("DENIED");
            assertThat(deniedRules(last)).containsExactly("CAPACITY");
            assertThat(v1.path("version").path("lines").get(9).path("vetting").path("status").asString())
                    .isEqualTo("CLEARED");
        }

        @Test
        void aLineOutsideTheAcceptedCategoriesIsFlagged() {
            var line = aNewArrival("A1");
            line.put("category", "THIRD_COUNTRY_NATIONAL");
            JsonNode v1 = submit(agency, anInbound(List.of(line), List.of()));
            JsonNode reason = v1.path("version").path("lines").get(0).path("vetting").path("reasons").get(0);
            assertThat(reason.path("code").asString()).isEqualTo("OUTSIDE_AGREEMENT_SCOPE");
        }

        @Test
        void anArrivalResemblingSomeoneOnTheRegisterIsDeniedUntilTheRecordIsNamed() {
            Map<String, Object> identity = anIdentity("VE");
            identity.put("facility", estate.code());
            UUID existing = UUID.fromString(as(Role.INTAKE).post("/api/people", identity).expect(201).json()
                    .path("id").asString());
            @SuppressWarnings("unchecked")
            var name = (Map<String, Object>) identity.get("name");
            Map<String, Object> same = new LinkedHashMap<>();
            same.put("givenNames", name.get("givenNames"));
            same.put("firstFamilyName", name.get("firstFamilyName"));
            same.put("birthDate", identity.get("birthDate"));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("ref", "A1");
            line.put("identity", same);
            line.put("category", "ALLEGED_CRIMINAL");
            JsonNode v1 = submit(agency, anInbound(List.of(line), List.of()));
            JsonNode reason = v1.path("version").path("lines").get(0).path("vetting").path("reasons").get(0);
            assertThat(reason.path("code").asString()).isEqualTo("POSSIBLE_DUPLICATE");
            assertThat(reason.path("reason").asString()).contains(existing.toString());
            JsonNode v2 = agency.post("/api/manifests/" + id(v1) + "/versions", Map.of("basedOn", 1,
                    "reason", "the record named", "lines", List.of(aPersonLine("A1", existing)))).expect(201).json();
            assertThat(statuses(v2.path("version"))).containsExactly("A1=CLEARED");
        }

        /**
         * The reference case: the protected person is an alternate; when he moves up, the new version is vetted, his
         * line is denied by his withholding order for SV, and the version cannot be approved with him on it.
         */
        @Test
        void promotingAnAlternateWithAProtectionOrderMakesAVersionThatCannotBeApproved() {
            ApiClient intake = as(Role.INTAKE);
            UUID first = aPerson(intake, estate.code(), "VE");
            UUID protectedPerson = aPerson(intake, estate.code(), "SV");
            for (UUID p : List.of(first, protectedPerson)) {
                TransferFixtures.admitImmigration(intake, p, estate.code());
            }
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("type", "WITHHOLDING_OF_REMOVAL");
            order.put("issuedBy", "Immigration Court, Test District");
            order.put("caseNumber", "A" + (100_000_000 + (int) (Math.random() * 899_999_999)));
            order.put("decidedOn", TODAY.minusYears(6).toString());
            order.put("country", "SV");
            order.put("documentReference", "EOIR-" + (int) (Math.random() * 1_000_000));
            as(Role.LEGAL).post("/api/people/" + protectedPerson + "/orders", order).expect(201);

            Map<String, Object> body = anInbound(List.of(aPersonLine("P1", first)),
                    List.of(aPersonLine("P2", protectedPerson)));
            body.put("direction", "OUTBOUND");
            body.remove("destinationFacility");
            body.put("destinationAuthority", "Dirección General de Centros Penales");
            body.put("origin", estate.code());
            String id = id(submit(intake, body));

            JsonNode v2 = intake.post("/api/manifests/" + id + "/versions/1/promote", Map.of("alternate", "P2",
                    "replacing", "P1", "reason", "P1 taken off the flight")).expect(201).json().path("version");
            assertThat(v2.path("changes").path("promoted").get(0).asString()).isEqualTo("P2");
            assertThat(v2.path("changes").path("removed").get(0).asString()).isEqualTo("P1");
            JsonNode line = v2.path("lines").get(0);
            assertThat(line.path("ref").asString()).isEqualTo("P2");
            assertThat(line.path("vetting").path("status").asString()).isEqualTo("DENIED");
            assertThat(deniedRules(line)).contains("PROTECTION_ORDER");
            var refused = supervisor.post("/api/manifests/" + id + "/versions/2/approve", Map.of()).expect(409)
                    .code("MANIFEST_LINES_DENIED");
            assertThat(refused.body()).contains("P2: PROTECTION_ORDER");
            intake.post("/api/manifests/" + id + "/dispatch", Map.of("version", 2, "boarded", List.of("P2")))
                    .expect(409).code("MANIFEST_NOT_APPROVED");
        }

        @Test
        void theDatabaseKeepsEveryVersionAsItWas() {
            String id = id(submit(agency, anInbound(List.of(aNewArrival("A1")), List.of())));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                    "UPDATE manifest_line SET vetting_status = 'CLEARED' WHERE manifest_id = CAST(:m AS uuid)")
                    .param("m", id).update()).hasMessageContaining("refused");
        }
    }
}

package org.habeas.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.legal.LegalRecordFixtures.aFacility;
import static org.habeas.legal.LegalRecordFixtures.aPerson;
import static org.habeas.legal.LegalRecordFixtures.aRemoval;
import static org.habeas.legal.LegalRecordFixtures.admit;
import static org.habeas.legal.LegalRecordFixtures.anOrder;
import static org.habeas.legal.LegalRecordFixtures.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

import tools.jackson.databind.JsonNode;

/**
 * The legal rules judge every removal against the person's legal record, through the dry run an officer uses before
 * a removal (invariant 7, REQ-41 to REQ-44, REQ-55 to REQ-57): each blocks with its own code and names the record
 * that caused it, and missing or stale data refuses (fail closed).
 */
@DisplayName("legal: removals are judged against orders, stays, holds, injunctions, notices and reviews")
class LegalRulesTest extends IntegrationTest {

    private static final List<String> LEGAL_RULES = List.of("PROTECTION_ORDER", "STAY_OF_REMOVAL", "LEGAL_HOLD",
            "CLASS_INJUNCTION", "FINAL_ORDER_REQUIRED", "NOTICE_WINDOW", "LEGAL_REVIEW_STALE");

    ApiClient intake;
    ApiClient legal;
    ApiClient housing;
    TestData.Estate estate;

    @BeforeEach
    void aFacilityAndPolicies() {
        intake = as(Role.INTAKE);
        legal = as(Role.LEGAL);
        housing = as(Role.HOUSING);
        estate = aFacility(as(Role.DIRECTOR), 1);
        // Later versions win; every test sets the same values, so the order the tests run in does not matter.
        LegalRecordFixtures.policies(as(Role.ADMIN), 72, true, 30);
    }

    /** A person held in immigration custody, with a final removal order and a fresh review for {@code country}. */
    UUID removable(String nationality, String country) {
        UUID person = aPerson(intake, estate.code(), nationality);
        admit(intake, person, estate.code(), "IMMIGRATION", null);
        legal.post("/api/people/" + person + "/orders", anOrder("FINAL_REMOVAL_ORDER", null, "Removal is ordered."))
                .expect(201);
        review(legal, person, country);
        return person;
    }

    JsonNode dryRun(UUID person, String country) {
        return dryRun(person, country, null);
    }

    JsonNode dryRun(UUID person, String country, String basis) {
        Map<String, Object> body = aRemoval(country);
        body.put("personId", person.toString());
        if (basis != null) {
            body.put("basis", Map.of("type", basis, "reference", "proclamation 10903"));
        }
        return housing.post("/api/vetting/decisions", body).expect(200).json();
    }

    static Map<String, JsonNode> outcomes(JsonNode decision) {
        Map<String, JsonNode> byRule = new HashMap<>();
        decision.path("outcomes").forEach(o -> byRule.put(o.path("rule").asString(), o));
        return byRule;
    }

    static String verdict(JsonNode decision, String rule) {
        return outcomes(decision).get(rule).path("verdict").asString();
    }

    @Test
    void withEveryLegalRecordInPlaceEveryLegalRulePasses() {
        UUID person = removable("SV", "SV");
        var decision = outcomes(dryRun(person, "SV"));
        for (String rule : LEGAL_RULES) {
            assertThat(decision.get(rule).path("verdict").asString()).as(rule).isEqualTo("PASS");
        }
    }

    @Test
    void aWithholdingOrderBlocksRemovalToItsCountryOnlyAndNamesTheOrder() {
        UUID person = removable("SV", "SV");
        review(legal, person, "GT");
        var order = anOrder("WITHHOLDING_OF_REMOVAL", "SV", "Removal to El Salvador is withheld.");
        String id = legal.post("/api/people/" + person + "/orders", order).expect(201).json().path("order").path("id")
                .asString();
        review(legal, person, "SV");
        review(legal, person, "GT");

        JsonNode denied = outcomes(dryRun(person, "SV")).get("PROTECTION_ORDER");
        assertThat(denied.path("verdict").asString()).isEqualTo("DENY");
        assertThat(denied.path("code").asString()).isEqualTo("PROTECTION_ORDER");
        assertThat(denied.path("reason").asString()).contains(id, "Immigration Court, Test District",
                (String) order.get("caseNumber"), "SV", "withholding of removal");
        assertThat(verdict(dryRun(person, "GT"), "PROTECTION_ORDER")).as("another country").isEqualTo("PASS");
    }

    @Test
    void everyProtectionTypeBlocksItsCountryAndATerminatedOneNoLonger() {
        for (String type : List.of("WITHHOLDING_OF_REMOVAL", "CAT_WITHHOLDING", "CAT_DEFERRAL", "ASYLUM_GRANT")) {
            UUID person = removable("VE", "VE");
            String id = legal.post("/api/people/" + person + "/orders", anOrder(type, "VE", null)).expect(201).json()
                    .path("order").path("id").asString();
            assertThat(verdict(dryRun(person, "VE"), "PROTECTION_ORDER")).as(type).isEqualTo("DENY");

            legal.post("/api/orders/" + id + "/status", Map.of("status", "APPEALED",
                    "reason", "the government appealed")).expect(200);
            assertThat(verdict(dryRun(person, "VE"), "PROTECTION_ORDER")).as(type + " under appeal still binds")
                    .isEqualTo("DENY");
            var terminated = legal.post("/api/orders/" + id + "/status", Map.of("status", "TERMINATED",
                    "reason", "terminated by the court in proceedings")).expect(200).json();
            assertThat(terminated.path("history")).hasSize(3);
            assertThat(verdict(dryRun(person, "VE"), "PROTECTION_ORDER")).as(type + " terminated").isEqualTo("PASS");
        }
    }

    @Test
    void anExpiredOrderNoLongerBinds() {
        UUID person = removable("SV", "SV");
        var order = anOrder("CAT_DEFERRAL", "SV", null);
        order.put("decidedOn", LocalDate.now().minusDays(60).toString());
        order.put("expiresOn", LocalDate.now().minusDays(1).toString());
        legal.post("/api/people/" + person + "/orders", order).expect(201);
        assertThat(verdict(dryRun(person, "SV"), "PROTECTION_ORDER")).isEqualTo("PASS");
    }

    @Test
    void everyStayAndATroBlocksAnyRemoval() {
        for (String type : List.of("STAY_AUTOMATIC_APPEAL", "STAY_BIA", "STAY_ADMINISTRATIVE", "STAY_COURT",
                "HABEAS_TRO")) {
            UUID person = removable("SV", "SV");
            var stay = anOrder(type, null, "Removal is stayed pending further order.");
            String id = legal.post("/api/people/" + person + "/orders", stay).expect(201).json().path("order")
                    .path("id").asString();
            JsonNode outcome = outcomes(dryRun(person, "SV")).get("STAY_OF_REMOVAL");
            assertThat(outcome.path("verdict").asString()).as(type).isEqualTo("DENY");
            assertThat(outcome.path("reason").asString()).contains(id, (String) stay.get("caseNumber"));
            assertThat(verdict(dryRun(person, "MX"), "STAY_OF_REMOVAL")).as(type + " to any country").isEqualTo("DENY");
        }
    }

    @Test
    void aRemovalFromImmigrationCustodyNeedsAFinalOrderButOtherCustodyDoesNot() {
        UUID immigration = aPerson(intake, estate.code(), "SV");
        admit(intake, immigration, estate.code(), "IMMIGRATION", null);
        review(legal, immigration, "SV");
        assertThat(verdict(dryRun(immigration, "SV"), "FINAL_ORDER_REQUIRED")).isEqualTo("DENY");

        var appealed = anOrder("FINAL_REMOVAL_ORDER", null, null);
        appealed.put("status", "APPEALED");
        legal.post("/api/people/" + immigration + "/orders", appealed).expect(201);
        assertThat(verdict(dryRun(immigration, "SV"), "FINAL_ORDER_REQUIRED")).as("an appealed order is not final")
                .isEqualTo("DENY");

        UUID pretrial = aPerson(intake, estate.code(), "SV");
        admit(intake, pretrial, estate.code(), "PRE_TRIAL", null);
        assertThat(verdict(dryRun(pretrial, "SV"), "FINAL_ORDER_REQUIRED")).isEqualTo("PASS");
    }

    @Test
    void aRemovalWithNoLegalDataAtAllIsDenied() {
        // Fail closed (REQ-56): never reviewed, no final order.
        UUID person = aPerson(intake, estate.code(), "SV");
        admit(intake, person, estate.code(), "IMMIGRATION", null);
        JsonNode decision = dryRun(person, "SV");
        assertThat(decision.path("allowed").asBoolean()).isFalse();
        assertThat(verdict(decision, "LEGAL_REVIEW_STALE")).isEqualTo("DENY");
        assertThat(verdict(decision, "FINAL_ORDER_REQUIRED")).isEqualTo("DENY");
        assertThat(outcomes(decision).get("LEGAL_REVIEW_STALE").path("reason").asString()).contains("never reviewed");
    }

    @Test
    void aReviewOlderThanTheFreshnessOrOvertakenByANewRecordIsStale() {
        UUID person = removable("SV", "SV");
        assertThat(verdict(dryRun(person, "SV"), "LEGAL_REVIEW_STALE")).isEqualTo("PASS");
        // Judged 40 days from now, the 30-day review is stale.
        Map<String, Object> later = aRemoval("SV");
        later.put("personId", person.toString());
        later.put("at", Instant.now().plus(40, ChronoUnit.DAYS).toString());
        JsonNode stale = outcomes(housing.post("/api/vetting/decisions", later).expect(200).json())
                .get("LEGAL_REVIEW_STALE");
        assertThat(stale.path("verdict").asString()).isEqualTo("DENY");
        assertThat(stale.path("reason").asString()).contains("older than 30 days");

        legal.post("/api/people/" + person + "/holds", Map.of("source", "COUNSEL_NOTICE",
                "summary", "counsel filed a motion to reopen")).expect(201);
        JsonNode overtaken = outcomes(dryRun(person, "SV")).get("LEGAL_REVIEW_STALE");
        assertThat(overtaken.path("verdict").asString()).isEqualTo("DENY");
        assertThat(overtaken.path("reason").asString()).contains("changed");
    }

    @Test
    void aMergeOvertakesTheSurvivorsReview() {
        UUID duplicate = aPerson(intake, estate.code(), "SV");
        legal.post("/api/people/" + duplicate + "/orders", anOrder("RELEASE_ORDER", null, "Release is ordered."))
                .expect(201);
        UUID person = removable("SV", "SV");
        assertThat(verdict(dryRun(person, "SV"), "LEGAL_REVIEW_STALE")).isEqualTo("PASS");
        legal.post("/api/people/" + person + "/merge", Map.of("duplicate", duplicate.toString(),
                "reason", "same fingerprint record reference")).expect(200);
        // The review was made before the duplicate's order was the person's: it did not see it (REQ-56).
        JsonNode overtaken = outcomes(dryRun(person, "SV")).get("LEGAL_REVIEW_STALE");
        assertThat(overtaken.path("verdict").asString()).isEqualTo("DENY");
        assertThat(overtaken.path("reason").asString()).contains("changed");
    }

    @Test
    void aReviewIsForItsDestination() {
        UUID person = removable("SV", "SV");
        assertThat(verdict(dryRun(person, "HN"), "LEGAL_REVIEW_STALE")).isEqualTo("DENY");
    }

    @Test
    void aProvisionalHoldBlocksAtOnceAndIsVerifiedOrWithdrawnByAnotherPerson() {
        UUID person = removable("SV", "SV");
        JsonNode hold = legal.post("/api/people/" + person + "/holds", Map.of("source", "FAXED_ORDER",
                "issuedBy", "U.S. District Court, Test District", "caseNumber", "1:25-cv-00766",
                "summary", "TRO received by fax at 17:45")).expect(201).json();
        String id = hold.path("id").asString();
        assertThat(hold.path("status").asString()).isEqualTo("PROVISIONAL");
        JsonNode blocked = outcomes(dryRun(person, "SV")).get("LEGAL_HOLD");
        assertThat(blocked.path("verdict").asString()).isEqualTo("DENY");
        assertThat(blocked.path("reason").asString()).contains(id, "1:25-cv-00766");

        legal.post("/api/holds/" + id + "/verify", Map.of("reason", "checked")).expect(409)
                .code("HOLD_DECIDED_BY_ITS_ENTERER");
        JsonNode verified = as(Role.SUPERVISOR).post("/api/holds/" + id + "/verify",
                Map.of("reason", "confirmed with the clerk of court")).expect(200).json();
        assertThat(verified.path("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.path("decidedBy").asString()).isNotBlank();
        assertThat(verdict(dryRun(person, "SV"), "LEGAL_HOLD")).as("a verified hold still blocks").isEqualTo("DENY");

        JsonNode withdrawn = as(Role.LEGAL, Role.INSPECTOR).post("/api/holds/" + id + "/withdraw",
                Map.of("reason", "the TRO was dissolved")).expect(200).json();
        assertThat(withdrawn.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("history")).hasSize(3);
        assertThat(verdict(dryRun(person, "SV"), "LEGAL_HOLD")).isEqualTo("PASS");
        as(Role.SUPERVISOR).post("/api/holds/" + id + "/verify", Map.of("reason", "again")).expect(409)
                .code("HOLD_ALREADY_DECIDED");
    }

    @Test
    void aClassInjunctionCoversEveryoneInItsClassAndNoOneOutside() {
        JsonNode injunction = legal.post("/api/injunctions", injunction(List.of("VE"), "ALIEN_ENEMIES_ACT",
                List.of(estate.code()))).expect(201).json();
        String id = injunction.path("id").asString();

        UUID venezuelan = removable("VE", "SV");
        JsonNode inside = outcomes(dryRun(venezuelan, "SV", "ALIEN_ENEMIES_ACT")).get("CLASS_INJUNCTION");
        assertThat(inside.path("verdict").asString()).isEqualTo("DENY");
        assertThat(inside.path("reason").asString()).contains(id, injunction.path("caseNumber").asString());
        assertThat(verdict(dryRun(venezuelan, "SV", "INA_REMOVAL_ORDER"), "CLASS_INJUNCTION"))
                .as("another legal basis").isEqualTo("PASS");

        UUID salvadoran = removable("SV", "SV");
        assertThat(verdict(dryRun(salvadoran, "SV", "ALIEN_ENEMIES_ACT"), "CLASS_INJUNCTION"))
                .as("another nationality").isEqualTo("PASS");

        legal.post("/api/injunctions/" + id + "/status", Map.of("status", "VACATED", "reason", "vacated on appeal"))
                .expect(200);
        assertThat(verdict(dryRun(venezuelan, "SV", "ALIEN_ENEMIES_ACT"), "CLASS_INJUNCTION")).isEqualTo("PASS");
    }

    @Test
    void aClassByDateOfArrestCoversThoseArrestedInsideItAndRefusesWhenTheDateIsUnknown() {
        var body = injunction(List.of(), null, List.of(estate.code()));
        body.put("arrestedFrom", "2025-03-01");
        body.put("arrestedTo", "2025-03-31");
        legal.post("/api/injunctions", body).expect(201);

        UUID inMarch = aPerson(intake, estate.code(), "SV");
        admit(intake, inMarch, estate.code(), "IMMIGRATION", "2025-03-15T10:00:00Z");
        assertThat(verdict(dryRun(inMarch, "SV"), "CLASS_INJUNCTION")).isEqualTo("DENY");

        UUID inApril = aPerson(intake, estate.code(), "SV");
        admit(intake, inApril, estate.code(), "IMMIGRATION", "2025-04-15T10:00:00Z");
        assertThat(verdict(dryRun(inApril, "SV"), "CLASS_INJUNCTION")).isEqualTo("PASS");
    }

    @Test
    void aThirdCountryRemovalNeedsTimelyNoticeInALanguageTheyUnderstandAndNoUnresolvedFearClaim() {
        UUID person = removable("VE", "SV");
        assertThat(verdict(dryRun(person, "VE"), "NOTICE_WINDOW")).as("home country").isEqualTo("PASS");
        JsonNode none = outcomes(dryRun(person, "SV")).get("NOTICE_WINDOW");
        assertThat(none.path("verdict").asString()).isEqualTo("DENY");
        assertThat(none.path("reason").asString()).contains("no notice");

        legal.post("/api/people/" + person + "/legal/notices", notice("SV", Instant.now().minus(1, ChronoUnit.HOURS),
                "en")).expect(201);
        assertThat(verdict(dryRun(person, "SV"), "NOTICE_WINDOW")).as("not a language they understand")
                .isEqualTo("DENY");
        legal.post("/api/people/" + person + "/legal/notices", notice("SV", Instant.now().minus(1, ChronoUnit.HOURS),
                "es")).expect(201);
        JsonNode late = outcomes(dryRun(person, "SV")).get("NOTICE_WINDOW");
        assertThat(late.path("verdict").asString()).isEqualTo("DENY");
        assertThat(late.path("reason").asString()).contains("72-hour window");

        legal.post("/api/people/" + person + "/legal/notices", notice("SV", Instant.now().minus(80, ChronoUnit.HOURS),
                "es")).expect(201);
        review(legal, person, "SV");
        assertThat(verdict(dryRun(person, "SV"), "NOTICE_WINDOW")).isEqualTo("PASS");

        String claim = legal.post("/api/people/" + person + "/legal/fear-claims", Map.of("country", "SV",
                "summary", "fears torture in detention there")).expect(201).json().path("id").asString();
        assertThat(verdict(dryRun(person, "SV"), "NOTICE_WINDOW")).as("unresolved fear claim").isEqualTo("DENY");
        legal.post("/api/fear-claims/" + claim + "/resolve", Map.of("status", "REJECTED",
                "reason", "screening officer found no reasonable fear")).expect(200);
        assertThat(verdict(dryRun(person, "SV"), "NOTICE_WINDOW")).isEqualTo("PASS");
    }

    @Test
    void anAlienEnemiesActRemovalNeedsNoticeEvenToTheirOwnCountry() {
        UUID person = removable("VE", "VE");
        assertThat(verdict(dryRun(person, "VE"), "NOTICE_WINDOW")).isEqualTo("PASS");
        assertThat(verdict(dryRun(person, "VE", "ALIEN_ENEMIES_ACT"), "NOTICE_WINDOW")).isEqualTo("DENY");
    }

    @Test
    void theBatchDryRunJudgesEachRemovalAsAloneWould() {
        UUID protectedPerson = removable("SV", "SV");
        legal.post("/api/people/" + protectedPerson + "/orders", anOrder("WITHHOLDING_OF_REMOVAL", "SV", null))
                .expect(201);
        review(legal, protectedPerson, "SV");
        UUID free = removable("SV", "SV");
        List<Map<String, Object>> batch = List.of(aRemovalOf(protectedPerson, "SV"), aRemovalOf(free, "SV"));
        JsonNode decisions = housing.post("/api/vetting/decisions/batch", batch).expect(200).json();
        for (int i = 0; i < 2; i++) {
            JsonNode alone = housing.post("/api/vetting/decisions", batch.get(i)).expect(200).json();
            for (String rule : LEGAL_RULES) {
                assertThat(verdict(decisions.get(i), rule)).as(rule).isEqualTo(verdict(alone, rule));
            }
        }
        assertThat(verdict(decisions.get(0), "PROTECTION_ORDER")).isEqualTo("DENY");
        assertThat(verdict(decisions.get(1), "PROTECTION_ORDER")).isEqualTo("PASS");
    }

    @Test
    void aHoldOrAStaleReviewIsOverriddenOnlyByALegalOfficerWithASupervisorAndACourtOrderNever() {
        UUID person = removable("SV", "SV");
        legal.post("/api/people/" + person + "/orders", anOrder("WITHHOLDING_OF_REMOVAL", "SV", null)).expect(201);
        legal.post("/api/people/" + person + "/holds", Map.of("source", "COUNSEL_NOTICE",
                "summary", "motion to reopen filed")).expect(201);
        housing.post("/api/overrides", overrideOf(person, "LEGAL_HOLD")).expect(403).code("REQUESTER_ROLE_REQUIRED");
        String id = legal.post("/api/overrides", overrideOf(person, "LEGAL_HOLD")).expect(201).json().path("id")
                .asString();
        as(Role.LEGAL, Role.DIRECTOR).post("/api/overrides/" + id + "/approve", Map.of("reason", "ok")).expect(403)
                .code("APPROVER_ROLE_REQUIRED");
        as(Role.SUPERVISOR).post("/api/overrides/" + id + "/approve", Map.of("reason", "the motion was denied "
                + "this morning; order on file")).expect(200);

        for (String rule : List.of("PROTECTION_ORDER", "STAY_OF_REMOVAL", "CLASS_INJUNCTION",
                "FINAL_ORDER_REQUIRED", "NOTICE_WINDOW")) {
            legal.post("/api/overrides", overrideOf(person, rule)).expect(409).code("RULE_NOT_OVERRIDABLE");
        }
        legal.post("/api/overrides", overrideOf(person, "LEGAL_REVIEW_STALE")).expect(201);
    }

    static Map<String, Object> overrideOf(UUID person, String rule) {
        return Map.of("movement", aRemovalOf(person, "SV"), "rule", rule, "reason", "urgent",
                "legalBasis", "8 CFR 241.6", "expiresAt", Instant.now().plus(2, ChronoUnit.HOURS).toString());
    }

    static Map<String, Object> aRemovalOf(UUID person, String country) {
        Map<String, Object> body = aRemoval(country);
        body.put("personId", person.toString());
        return body;
    }

    static Map<String, Object> injunction(List<String> nationalities, String basis, List<String> facilities) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuedBy", "U.S. District Court, Test District");
        body.put("caseNumber", "1:25-cv-" + UUID.randomUUID().toString().substring(0, 5));
        body.put("decidedOn", LocalDate.now().minusDays(10).toString());
        body.put("documentReference", "ECF No. 2");
        body.put("summary", "No removal of members of the class");
        body.put("nationalities", nationalities);
        body.put("removalBasis", basis);
        body.put("facilities", facilities);
        return body;
    }

    static Map<String, Object> notice(String country, Instant servedAt, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", country);
        body.put("servedAt", servedAt.toString());
        body.put("toPerson", true);
        body.put("toCounsel", true);
        body.put("language", language);
        body.put("method", "in person, written, with an interpreter");
        body.put("explainsHowToContest", true);
        return body;
    }
}

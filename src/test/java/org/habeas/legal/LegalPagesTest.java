package org.habeas.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.legal.LegalRecordFixtures.aFacility;
import static org.habeas.legal.LegalRecordFixtures.aPerson;
import static org.habeas.legal.LegalRecordFixtures.admit;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The legal pages over plain HTTP with a form log-on, as a browser sends them: who may open each page and post each
 * form (as the API), facility scope, both languages, the data-quality warning before saving (REQ-42), bad input shown
 * at its field with a 4xx and nothing written, and the removal vetting view naming the order that denies.
 */
@DisplayName("legal pages: the legal tab, order entry, removal vetting, lists")
class LegalPagesTest extends IntegrationTest {

    private static final Pattern HOLD_ID = Pattern.compile("id=\"hold-([0-9a-f-]{36})\"");

    ApiClient intake;
    ApiClient legal;
    TestData.Estate estate;
    UUID person;

    @BeforeEach
    void aPersonInImmigrationCustody() {
        intake = as(Role.INTAKE);
        legal = as(Role.LEGAL);
        estate = aFacility(as(Role.DIRECTOR), 1);
        person = aPerson(intake, estate.code(), "SV");
        admit(intake, person, estate.code(), "IMMIGRATION", null);
    }

    String tab() {
        return "/people/" + person + "/legal";
    }

    /** A withholding order against Guatemala whose text names El Salvador: the error REQ-42 exists for. */
    Map<String, String> mismatchedOrder() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "WITHHOLDING_OF_REMOVAL");
        form.put("country", "GT");
        form.put("issuedBy", "Immigration Court, Test District");
        form.put("caseNumber", "A" + (100_000_000 + new java.util.Random().nextInt(899_999_999)));
        form.put("decidedOn", LocalDate.now().minusDays(10).toString());
        form.put("documentReference", "EOIR-" + UUID.randomUUID().toString().substring(0, 8));
        form.put("text", "The respondent's removal to El Salvador is withheld under INA 241(b)(3).");
        return form;
    }

    long orders() {
        return legal.get("/api/people/" + person + "/orders").expect(200).json().size();
    }

    PageSession logOn(Role... roles) {
        return new PageSession(baseUrl()).logOn(newUser(roles).username(), PASSWORD_OF_TEST_USERS);
    }

    PageSession elsewhere(Role role) {
        var other = access.createUser(new NewUser("elsewhere-" + UUID.randomUUID().toString().substring(0, 8),
                "Elsewhere", PASSWORD_OF_TEST_USERS, Set.of(role), Set.of("ELSEWHERE")));
        return new PageSession(baseUrl()).logOn(other.username(), PASSWORD_OF_TEST_USERS);
    }

    @Nested
    class Security {

        @Test
        void anonymousVisitorsAreSentToTheLogOnPage() {
            var anonymous = new PageSession(baseUrl());
            for (String path : new String[] {tab(), tab() + "/orders/new", tab() + "/removal", "/legal/holds",
                    "/legal/orders-to-review", "/legal/injunctions", "/legal/policies"}) {
                var page = anonymous.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(302);
                assertThat(page.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
            }
        }

        @Test
        void rolesThatDoNotReadTheLegalRecordAreRefused() {
            for (Role role : new Role[] {Role.AGENCY, Role.INTAKE, Role.HOUSING, Role.ADMIN}) {
                var session = logOn(role);
                for (String path : new String[] {tab(), "/legal/holds", "/legal/orders-to-review",
                        "/legal/injunctions"}) {
                    assertThat(session.get(path).statusCode()).as(role + " " + path).isEqualTo(403);
                }
            }
            var agency = logOn(Role.AGENCY);
            assertThat(agency.get("/legal/policies").statusCode()).isEqualTo(403);
            assertThat(agency.get("/legal").statusCode()).isEqualTo(403);
            assertThat(logOn(Role.INSPECTOR).get(tab() + "/removal?country=GT").statusCode())
                    .as("as the dry-run API: inspectors read the record, not the engine").isEqualTo(403);
            assertThat(logOn(Role.AGENCY).get(tab() + "/removal").statusCode()).isEqualTo(403);
        }

        @Test
        void onlyLegalOfficersEnterAndInspectorsOnlyRead() {
            var inspector = logOn(Role.INSPECTOR);
            var page = inspector.get(tab() + "?lang=en");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("legal-heading").doesNotContain("legal-new-order", "hold-form",
                    "review-form");
            assertThat(inspector.get(tab() + "/orders/new").statusCode()).isEqualTo(403);
            assertThat(inspector.post(tab() + "/orders/check", mismatchedOrder()).statusCode()).isEqualTo(403);
            assertThat(inspector.post(tab() + "/orders", mismatchedOrder()).statusCode()).isEqualTo(403);
            assertThat(inspector.post(tab() + "/holds", Map.of("source", "COUNSEL_NOTICE", "summary", "x"))
                    .statusCode()).isEqualTo(403);
            assertThat(inspector.post(tab() + "/reviews", Map.of("country", "SV", "sourcesChecked", "x",
                    "conclusion", "y")).statusCode()).isEqualTo(403);
            assertThat(inspector.post("/legal/injunctions", Map.of("issuedBy", "x")).statusCode()).isEqualTo(403);
            assertThat(inspector.post("/legal/policies", Map.of("name", "NOTICE_WINDOW_HOURS")).statusCode())
                    .isEqualTo(403);
            var supervisor = logOn(Role.SUPERVISOR);
            assertThat(supervisor.get(tab() + "/orders/new").statusCode()).isEqualTo(403);
            assertThat(supervisor.post(tab() + "/orders", mismatchedOrder()).statusCode()).isEqualTo(403);
            var director = logOn(Role.DIRECTOR);
            director.get(tab());
            assertThat(director.post("/legal/holds/" + UUID.randomUUID() + "/verify", Map.of("reason", "x"))
                    .statusCode()).as("only supervisors and legal officers verify holds").isEqualTo(403);
            assertThat(director.post("/legal/holds/" + UUID.randomUUID() + "/withdraw", Map.of("reason", "x"))
                    .statusCode()).isEqualTo(403);
            assertThat(inspector.post("/legal/holds/" + UUID.randomUUID() + "/withdraw", Map.of("reason", "x"))
                    .statusCode()).isEqualTo(403);
            for (String action : new String[] {"status", "quality-review"}) {
                assertThat(supervisor.post("/legal/orders/" + UUID.randomUUID() + "/" + action,
                        Map.of("status", "VACATED", "reason", "x")).statusCode()).as(action).isEqualTo(403);
                assertThat(inspector.post("/legal/orders/" + UUID.randomUUID() + "/" + action,
                        Map.of("status", "VACATED", "reason", "x")).statusCode()).as(action).isEqualTo(403);
            }
            assertThat(orders()).isZero();
        }

        @Test
        void aPersonOutsideTheOfficersFacilitiesIsNotThere() {
            var other = elsewhere(Role.LEGAL);
            for (String path : new String[] {tab(), tab() + "/orders/new", tab() + "/removal?country=GT"}) {
                var page = other.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(404);
                assertThat(page.body()).as(path).doesNotContain(person.toString() + "/legal/orders\"");
            }
            assertThat(other.post(tab() + "/orders", mismatchedOrder()).statusCode()).isEqualTo(404);
            assertThat(other.post(tab() + "/orders/check", mismatchedOrder()).statusCode()).isEqualTo(404);
            assertThat(orders()).isZero();
        }
    }

    @Nested
    class Languages {

        @Test
        void everyPageSpeaksEnglishAndSpanish() {
            var officer = logOn(Role.LEGAL);
            Map<String, String[]> pages = new LinkedHashMap<>();
            pages.put(tab(), new String[] {"Legal record of", "Expediente jurídico de"});
            pages.put(tab() + "/orders/new", new String[] {"Enter an order for", "Registrar una orden para"});
            pages.put(tab() + "/removal", new String[] {"Removal vetting for", "Control de expulsión de"});
            pages.put("/legal/holds", new String[] {"Provisional holds", "Bloqueos provisionales"});
            pages.put("/legal/orders-to-review", new String[] {"Orders to review", "Órdenes por revisar"});
            pages.put("/legal/injunctions", new String[] {"Class-wide injunctions", "Interdictos colectivos"});
            pages.put("/legal/policies", new String[] {"Legal policy", "Política jurídica"});
            pages.forEach((path, words) -> {
                var en = officer.get(path + (path.contains("?") ? "&" : "?") + "lang=en");
                assertThat(en.statusCode()).as(path).isEqualTo(200);
                assertThat(en.body()).as(path).contains(words[0]).contains("id=\"nav-legal\"");
                var es = officer.get(path + (path.contains("?") ? "&" : "?") + "lang=es");
                assertThat(es.statusCode()).as(path).isEqualTo(200);
                assertThat(es.body()).as(path).contains(words[1]);
            });
        }

        @Test
        void theLegalLinkIsShownToWhoReadsTheRecordAndToTheAdministratorForPolicy() {
            assertThat(logOn(Role.INTAKE).get("/?lang=en").body()).doesNotContain("nav-legal");
            assertThat(logOn(Role.INSPECTOR).get("/?lang=en").body()).contains("href=\"/legal/holds\"");
            assertThat(logOn(Role.ADMIN).get("/?lang=en").body()).contains("href=\"/legal/policies\"");
            assertThat(logOn(Role.LEGAL).get("/people/" + person + "?lang=en").body())
                    .contains("id=\"person-legal-link\"", "href=\"/people/" + person + "/legal\"");
        }

        @Test
        void theAdministratorSetsPolicyAndOthersReadIt() {
            var admin = logOn(Role.ADMIN);
            var page = admin.get("/legal/policies?lang=en");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("policy-form").doesNotContain("legal-list-holds");
            var bad = admin.post("/legal/policies", Map.of("name", "NOTICE_WINDOW_HOURS", "value", "soon",
                    "effectiveFrom", "2025-01-01T00:00", "citation", "8 CFR 241"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("POLICY_VALUE_INVALID", "id=\"error-value\"", "soon");
            // The values the other legal tests use, so that setting them here changes nothing for them.
            var set = admin.post("/legal/policies", Map.of("name", "NOTICE_WINDOW_HOURS", "value", "72",
                    "effectiveFrom", "2025-01-01T00:00", "citation", "pages test: notice window"));
            assertThat(set.statusCode()).isEqualTo(302);
            assertThat(admin.get("/legal/policies?lang=es").body()).contains("La nueva versión se registró",
                    "pages test: notice window");
            var reader = logOn(Role.INSPECTOR).get("/legal/policies?lang=en");
            assertThat(reader.body()).contains("pages test: notice window").doesNotContain("policy-form");
        }
    }

    @Nested
    class OrderEntry {

        @Test
        void theCheckShowsTheWarningBeforeAnythingIsSaved() {   // REQ-42
            var officer = logOn(Role.LEGAL);
            var form = officer.get(tab() + "/orders/new?lang=en");
            assertThat(form.body()).contains("id=\"order-check\"", "id=\"order-country\"", "Guatemala", "El Salvador")
                    .doesNotContain("id=\"order-save\"");
            var checked = officer.post(tab() + "/orders/check", mismatchedOrder());
            assertThat(checked.statusCode()).isEqualTo(200);
            assertThat(checked.body()).contains("id=\"order-finding-warning\"",
                    "id=\"order-finding-COUNTRY_IN_TEXT_DIFFERS\"", "The text names SV, but the structured country is GT",
                    "id=\"order-finding-COUNTRY_NOT_TIED_TO_PERSON\"", "id=\"order-save\"")
                    .as("the form keeps what was typed").contains("is withheld under INA 241(b)(3)");
            assertThat(orders()).as("a check saves nothing").isZero();

            var es = officer.get(tab() + "/orders/new?lang=es");
            assertThat(es.statusCode()).isEqualTo(200);
            var checkedEs = officer.post(tab() + "/orders/check", mismatchedOrder());
            assertThat(checkedEs.body()).contains("El texto nombra SV, pero el país registrado es GT", "Guatemala");
        }

        @Test
        void aCleanOrderChecksClear() {
            var officer = logOn(Role.LEGAL);
            officer.get(tab() + "/orders/new?lang=en");
            var form = mismatchedOrder();
            form.put("country", "SV");
            var checked = officer.post(tab() + "/orders/check", form);
            assertThat(checked.body()).contains("id=\"order-finding-clear\"").doesNotContain("order-finding-warning");
        }

        @Test
        void badInputIsShownAtItsFieldWithA4xxAndNothingIsSaved() {
            var officer = logOn(Role.LEGAL);
            officer.get(tab() + "/orders/new?lang=en");
            var unknown = mismatchedOrder();
            unknown.put("country", "XX");
            var page = officer.post(tab() + "/orders", unknown);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("UNKNOWN_COUNTRY_CODE", "id=\"error-country\"",
                    "a country code is not an ISO code");

            var dates = mismatchedOrder();
            dates.put("expiresOn", LocalDate.now().minusDays(20).toString());
            page = officer.post(tab() + "/orders", dates);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("ORDER_DATES_INVALID", "id=\"error-expiresOn\"");

            var notADate = mismatchedOrder();
            notADate.put("decidedOn", "yesterday");
            page = officer.post(tab() + "/orders/check", notADate);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("VALIDATION_FAILED", "id=\"error-decidedOn\"")
                    .doesNotContain("order-save");

            var stay = mismatchedOrder();
            stay.put("type", "STAY_COURT");
            stay.put("caseNumber", "");
            page = officer.post(tab() + "/orders", stay);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("STAY_NEEDS_COURT_AND_CASE", "id=\"error-caseNumber\"");

            var noCountry = mismatchedOrder();
            noCountry.put("country", "");
            page = officer.post(tab() + "/orders?lang=es", noCountry);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("ORDER_COUNTRY_REQUIRED", "protege contra un país");

            var noType = mismatchedOrder();
            noType.put("type", "NONSENSE");
            page = officer.post(tab() + "/orders", noType);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("VALIDATION_FAILED", "error-type");
            assertThat(orders()).isZero();
        }

        @Test
        void aSavedOrderAppearsOnTheTabWithItsFlagAndHistory() {
            var officer = logOn(Role.LEGAL);
            officer.get(tab() + "/orders/new?lang=en");
            var form = mismatchedOrder();
            var saved = officer.post(tab() + "/orders", form);
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(tab());
            var page = officer.get(tab() + "?lang=en");
            assertThat(page.body()).contains("The order was saved", form.get("caseNumber"),
                    "Withholding of removal (INA 241(b)(3))", "GT – Guatemala", "Flagged by the data-quality check",
                    "The order text names a country other than the structured country", form.get("documentReference"))
                    .doesNotContain("legal-already-removed");
            assertThat(orders()).isEqualTo(1);
            String order = legal.get("/api/people/" + person + "/orders").expect(200).json().get(0).path("id")
                    .asString();
            assertThat(officer.get("/legal/orders-to-review?lang=en").body()).contains("order-" + order);

            var changed = officer.post("/legal/orders/" + order + "/status", Map.of("status", "APPEALED",
                    "reason", "the government appealed"));
            assertThat(changed.statusCode()).isEqualTo(302);
            page = officer.get(tab() + "?lang=en");
            assertThat(page.body()).contains("Under appeal (still binds)", "the government appealed");
            var unchanged = officer.post("/legal/orders/" + order + "/status", Map.of("status", "APPEALED",
                    "reason", "again"));
            assertThat(unchanged.statusCode()).isEqualTo(302);
            assertThat(officer.get(tab() + "?lang=en").body()).contains("STATUS_UNCHANGED");

            officer.post("/legal/orders/" + order + "/quality-review", Map.of("reason", "checked the decision",
                    "back", "review"));
            assertThat(officer.get("/legal/orders-to-review?lang=en").body()).doesNotContain("order-" + order);
        }

        @Test
        void anOrderEnteredAfterTheRemovalSaysSoWithTheOrderId() {   // REQ-45
            LegalRecordFixtures.removed(as(Role.ADMIN), legal, as(Role.HOUSING), as(Role.SUPERVISOR), person,
                    estate.code(), "SV");
            var officer = logOn(Role.LEGAL);
            officer.get(tab() + "/orders/new?lang=en");
            var form = mismatchedOrder();
            form.put("country", "SV");
            assertThat(officer.post(tab() + "/orders", form).statusCode()).isEqualTo(302);
            String order = null;
            for (var o : legal.get("/api/people/" + person + "/orders").expect(200).json()) {
                if (o.path("type").asString().equals("WITHHOLDING_OF_REMOVAL")) {
                    order = o.path("id").asString();
                }
            }
            var page = officer.get(tab() + "?lang=en");
            assertThat(page.body()).contains("id=\"legal-already-removed\"",
                    "The person had already been removed when order " + order + " was recorded",
                    "A return case should be opened for order " + order, "id=\"legal-open-return-case\"");
            // The prompt opens the return-case form with the person and the order filled in.
            var prompt = officer.get("/legal/return-cases?lang=en&person=" + person + "&order=" + order);
            assertThat(prompt.body()).contains("value=\"" + person + "\"", "value=\"" + order + "\"");
        }
    }

    @Nested
    class RemovalVetting {

        @Test
        void everyRuleAnswersAndTheProtectionOrderNamesItsCourtAndCase() {
            var form = mismatchedOrder();
            var officer = logOn(Role.LEGAL);
            officer.get(tab() + "/orders/new?lang=en");
            officer.post(tab() + "/orders", form);

            var page = officer.get(tab() + "/removal?lang=en&country=GT&basis=INA_REMOVAL_ORDER");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"removal-PROTECTION_ORDER\"", "id=\"removal-LEGAL_HOLD\"",
                    "id=\"removal-FINAL_ORDER_REQUIRED\"", "id=\"removal-LEGAL_REVIEW_STALE\"",
                    "The removal would be refused")
                    .contains("Immigration Court, Test District", form.get("caseNumber"),
                            "a protection decision forbids removal to this country")
                    .as("a placement rule does not judge removals").contains("id=\"removal-SEPARATION\"");
            assertThat(verdict(page, "PROTECTION_ORDER")).isEqualTo("Denies");
            assertThat(verdict(page, "LEGAL_HOLD")).isEqualTo("Passes");
            assertThat(verdict(page, "SEPARATION")).isEqualTo("Not applicable");

            var es = officer.get(tab() + "/removal?lang=es&country=GT");
            assertThat(verdict(es, "PROTECTION_ORDER")).isEqualTo("Lo impide");
            assertThat(es.body()).contains("una decisión de protección prohíbe la expulsión a este país");
            assertThat(verdict(officer.get(tab() + "/removal?lang=en&country=MX"), "PROTECTION_ORDER"))
                    .isEqualTo("Passes");
            assertThat(logOn(Role.SUPERVISOR).get(tab() + "/removal?lang=en&country=GT").statusCode())
                    .isEqualTo(200);
        }

        @Test
        void nonsenseIsShownNotThrown() {
            var officer = logOn(Role.LEGAL);
            var page = officer.get(tab() + "/removal?lang=en&country=XX");
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("UNKNOWN_COUNTRY_CODE", "id=\"error-country\"")
                    .doesNotContain("removal-rules");
            page = officer.get(tab() + "/removal?lang=en&country=GT&basis=WHIM");
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("id=\"error-basis\"");
            UUID free = aPerson(intake, estate.code(), "SV");
            page = officer.get("/people/" + free + "/legal/removal?lang=en&country=GT");
            assertThat(page.statusCode()).as("not in custody: a conflict, as the API says").isEqualTo(409);
            assertThat(page.body()).contains("NOT_IN_CUSTODY");
        }
    }

    @Nested
    class HoldsReviewsInjunctions {

        @Test
        void aHoldEnteredOnTheTabIsVerifiedBySomeoneElseFromTheList() {   // REQ-57
            var officer = logOn(Role.LEGAL);
            officer.get(tab() + "?lang=en");
            assertThat(officer.post(tab() + "/holds", Map.of("source", "FAXED_ORDER", "issuedBy", "District Court",
                    "caseNumber", "1:26-cv-0042", "summary", "TRO faxed by counsel")).statusCode()).isEqualTo(302);
            var page = officer.get(tab() + "?lang=en");
            assertThat(page.body()).contains("The hold was entered", "TRO faxed by counsel", "1:26-cv-0042",
                    "You entered this hold");
            Matcher id = HOLD_ID.matcher(page.body());
            assertThat(id.find()).isTrue();
            String hold = id.group(1);
            assertThat(page.body()).doesNotContain("hold-verify-" + hold);
            officer.post("/legal/holds/" + hold + "/verify", Map.of("reason", "my own"));
            assertThat(officer.get(tab() + "?lang=en").body()).contains("HOLD_DECIDED_BY_ITS_ENTERER",
                    "someone other than who entered it");

            var supervisor = logOn(Role.SUPERVISOR);
            var list = supervisor.get("/legal/holds?lang=en");
            assertThat(list.body()).contains("hold-" + hold, "hold-verify-" + hold);
            var empty = supervisor.post("/legal/holds/" + hold + "/verify", Map.of("reason", "", "back", "holds"));
            assertThat(empty.headers().firstValue("Location").orElseThrow()).endsWith("/legal/holds");
            assertThat(supervisor.get("/legal/holds?lang=en").body()).contains("VALIDATION_FAILED", "hold-" + hold);
            supervisor.post("/legal/holds/" + hold + "/verify", Map.of("reason", "called the clerk",
                    "back", "holds"));
            var after = supervisor.get("/legal/holds?lang=en");
            assertThat(after.body()).contains("The hold was verified").doesNotContain("hold-" + hold);
            var onTab = supervisor.get(tab() + "?lang=en").body();
            assertThat(onTab).contains("Hold from a faxed order: Verified", "called the clerk")
                    .contains("hold-withdraw-" + hold);
        }

        @Test
        void aReviewIsRecordedOnTheTab() {   // REQ-56
            var officer = logOn(Role.LEGAL);
            officer.get(tab() + "?lang=en");
            officer.post(tab() + "/reviews", Map.of("country", "SV", "sourcesChecked", "EOIR case status",
                    "conclusion", "no bar to removal found"));
            var page = officer.get(tab() + "?lang=en");
            assertThat(page.body()).contains("The review was recorded", "EOIR case status", "no bar to removal found")
                    .doesNotContain("never reviewed");
            officer.post(tab() + "/reviews", Map.of("country", "ZZ", "sourcesChecked", "x", "conclusion", "y"));
            assertThat(officer.get(tab() + "?lang=en").body()).contains("UNKNOWN_COUNTRY_CODE");
        }

        @Test
        void anInjunctionIsEnteredByItsCriteriaAndCoversThePerson() {   // REQ-57
            var officer = logOn(Role.LEGAL);
            officer.get("/legal/injunctions?lang=en");
            String caseNumber = "1:26-cv-" + UUID.randomUUID().toString().substring(0, 6);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("issuedBy", "U.S. District Court");
            form.put("caseNumber", caseNumber);
            form.put("decidedOn", LocalDate.now().minusDays(2).toString());
            form.put("documentReference", "ECF 12");
            var none = officer.post("/legal/injunctions", form);
            assertThat(none.statusCode()).isEqualTo(400);
            assertThat(none.body()).contains("INJUNCTION_WITHOUT_CRITERIA", "id=\"error-nationalities\"",
                    caseNumber);
            form.put("facilities", estate.code().toLowerCase());
            assertThat(officer.post("/legal/injunctions", form).statusCode()).isEqualTo(302);
            assertThat(officer.get("/legal/injunctions?lang=en").body()).contains("The injunction was entered",
                    caseNumber, "Held in: " + estate.code());
            assertThat(officer.get(tab() + "?lang=en").body()).contains(caseNumber);
        }
    }

    private static String verdict(HttpResponse<String> page, String rule) {
        Matcher m = Pattern.compile("id=\"removal-" + rule + "-verdict\">([^<]*)<").matcher(page.body());
        assertThat(m.find()).as(rule + " in " + page.body()).isTrue();
        return m.group(1);
    }
}

package org.habeas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * REQ-49, REQ-51: every refused request leaves one {@code REFUSED} entry saying who, what and when, never the body,
 * a password, a token or the query string; and the answer itself is what it was before.
 */
class RefusedRequestJournalTest extends IntegrationTest {

    private static final String SECRET = "Sup3r-s3cret-" + UUID.randomUUID();

    /** One journal row, as stored, found by the request id the test sent. */
    record Row(String actor, String actorRoles, String action, String subjectType, String subjectId, String facility,
               String reason, String details, String whole) {
    }

    private static String aRequestId() {
        return "refused-" + UUID.randomUUID();
    }

    /** The entries of one request, waiting briefly: a refusal may be journaled just after the answer is sent. */
    private List<Row> entriesOf(String requestId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(5));
        List<Row> rows;
        do {
            rows = jdbc.sql("""
                    SELECT actor, actor_roles, action, subject_type, subject_id, facility, reason, details::text,
                           to_json(e)::text FROM journal_entry e WHERE request_id = :id ORDER BY seq""")
                    .param("id", requestId)
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                    .list();
        } while (rows.stream().noneMatch(r -> r.action().equals("REFUSED")) && Instant.now().isBefore(until)
                && pause());
        return rows;
    }

    private List<Row> refusalsOf(String requestId) {
        return entriesOf(requestId).stream().filter(r -> r.action().equals("REFUSED")).toList();
    }

    /** The single refusal of a request; fails if there is none or more than one. */
    private Row refusalOf(String requestId) {
        List<Row> refusals = refusalsOf(requestId);
        assertThat(refusals).as("REFUSED entries of request %s", requestId).hasSize(1);
        return refusals.get(0);
    }

    private JsonNode details(Row row) {
        return json.readTree(row.details());
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** No refusal is ever journaled for these: wait a moment so a late write would be seen. */
    private void assertNoRefusal(String requestId) {
        pause();
        pause();
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE request_id = :id AND action = 'REFUSED'")
                .param("id", requestId).query(Long.class).single()).as("REFUSED entries of %s", requestId).isZero();
    }

    private static Map<String, Object> aUserWithSecret() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "never-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("displayName", "Never created");
        body.put("password", SECRET);
        body.put("roles", List.of("ADMIN"));
        return body;
    }

    private ApiClient limitedTo(String facility, Role role) {
        String username = "scoped-" + UUID.randomUUID().toString().substring(0, 8);
        access.createUser(new NewUser(username, "Scoped " + username, PASSWORD_OF_TEST_USERS, Set.of(role),
                Set.of(facility)));
        return anonymous().basic(username, PASSWORD_OF_TEST_USERS);
    }

    private static String aFacilityCode() {
        return "RF" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @Nested
    class Unauthenticated {
        @Test
        void anAnonymousApiCallIsJournaledAsAnonymousWithMethodPathAndStatus() {
            String id = aRequestId();
            var answer = anonymous().header("X-Request-Id", id).get("/api/journal?actor=" + SECRET).expect(401)
                    .code("UNAUTHENTICATED");
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Habeas\", Bearer");
            assertThat(answer.json().path("detail").asString()).isEqualTo("Log on with HTTP Basic or a bearer token");

            Row refusal = refusalOf(id);
            assertThat(refusal.actor()).isEqualTo("anonymous");
            assertThat(refusal.actorRoles()).isEmpty();
            assertThat(refusal.subjectType()).isEqualTo("request");
            assertThat(refusal.subjectId()).isEqualTo("/api/journal");
            assertThat(refusal.facility()).isNull();
            assertThat(refusal.reason()).isNull();
            JsonNode details = details(refusal);
            assertThat(details.path("method").asString()).isEqualTo("GET");
            assertThat(details.path("path").asString()).isEqualTo("/api/journal");
            assertThat(details.path("status").asInt()).isEqualTo(401);
            assertThat(details.path("kind").asString()).isEqualTo("UNAUTHENTICATED");
            assertThat(details.path("credentials").asString()).isEqualTo("none");
            assertThat(refusal.whole()).as("the query string is left out").doesNotContain(SECRET).doesNotContain("?");

            String pageId = aRequestId();
            var page = new PageSession(baseUrl()).get("/journal", "X-Request-Id", pageId);
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
            assertNoRefusal(pageId);   // a page sent to the log-on page was not refused
        }

        @Test
        void anAnonymousPostIsJournaledWithoutItsBody() {
            String id = aRequestId();
            anonymous().header("X-Request-Id", id).post("/api/access/users", aUserWithSecret()).expect(401)
                    .code("UNAUTHENTICATED");
            Row refusal = refusalOf(id);
            assertThat(details(refusal).path("method").asString()).isEqualTo("POST");
            assertThat(refusal.subjectId()).isEqualTo("/api/access/users");
            assertThat(refusal.whole()).doesNotContain(SECRET).doesNotContain("never-");
        }

        @Test
        void aBadBearerTokenIsJournaledWithoutTheToken() {
            String id = aRequestId();
            String token = "hab_" + SECRET;
            var answer = anonymous().header("Authorization", "Bearer " + token).header("X-Request-Id", id)
                    .get("/api/access/tokens").expect(401).code("UNAUTHENTICATED");
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Habeas\", Bearer");

            Row refusal = refusalOf(id);
            assertThat(refusal.actor()).isEqualTo("anonymous");
            assertThat(details(refusal).path("kind").asString()).isEqualTo("UNAUTHENTICATED");
            assertThat(details(refusal).path("credentials").asString()).isEqualTo("bearer");
            assertThat(refusal.whole()).doesNotContain(SECRET);
        }

        @Test
        void badBasicCredentialsAreJournaledWithoutThePassword() {
            var user = newUser(Role.HOUSING);
            String id = aRequestId();
            anonymous().basic(user.username(), SECRET).header("X-Request-Id", id).get("/api/access/tokens")
                    .expect(401).code("UNAUTHENTICATED");

            Row refusal = refusalOf(id);
            assertThat(refusal.actor()).as("nobody was authenticated").isEqualTo("anonymous");
            assertThat(details(refusal).path("credentials").asString()).isEqualTo("basic");
            assertThat(refusal.whole()).doesNotContain(SECRET);
            assertThat(entriesOf(id)).extracting(Row::action).as("the failed log-on keeps its own entry")
                    .contains("LOGON_FAILED");
        }
    }

    @Nested
    class Forbidden {
        @Test
        void aWrongRoleIsJournaledWithTheUsernameAndRoles() {
            var user = newUser(Role.HOUSING);
            String id = aRequestId();
            var answer = anonymous().basic(user.username(), PASSWORD_OF_TEST_USERS).header("X-Request-Id", id)
                    .get("/api/journal").expect(403).code("FORBIDDEN");
            assertThat(answer.json().path("detail").asString()).isEqualTo("Your role does not allow this");

            Row refusal = refusalOf(id);
            assertThat(refusal.actor()).isEqualTo(user.username());
            assertThat(refusal.actorRoles()).isEqualTo("HOUSING");
            assertThat(refusal.subjectId()).isEqualTo("/api/journal");
            JsonNode details = details(refusal);
            assertThat(details.path("status").asInt()).isEqualTo(403);
            assertThat(details.path("kind").asString()).isEqualTo("FORBIDDEN");
            assertThat(details.path("method").asString()).isEqualTo("GET");
        }

        @Test
        void aWrongRoleRefusedBySecurityItselfIsJournaledToo() {   // /actuator/** is ADMIN in the filter chain
            String id = aRequestId();
            as(Role.INSPECTOR).header("X-Request-Id", id).get("/actuator/prometheus").expect(403).code("FORBIDDEN");
            Row refusal = refusalOf(id);
            assertThat(refusal.actor()).isNotEqualTo("anonymous");
            assertThat(refusal.actorRoles()).isEqualTo("INSPECTOR");
            assertThat(details(refusal).path("kind").asString()).isEqualTo("FORBIDDEN");
        }

        @Test
        void aRefusedBodyWithASecretNeverReachesTheJournal() {
            var user = newUser(Role.HOUSING);
            String id = aRequestId();
            anonymous().basic(user.username(), PASSWORD_OF_TEST_USERS).header("X-Request-Id", id)
                    .post("/api/access/users", aUserWithSecret()).expect(403).code("FORBIDDEN");
            Row refusal = refusalOf(id);
            assertThat(refusal.actor()).isEqualTo(user.username());
            assertThat(details(refusal).path("method").asString()).isEqualTo("POST");
            assertThat(jdbc.sql("SELECT count(*) FROM journal_entry e WHERE to_json(e)::text LIKE :s")
                    .param("s", "%" + SECRET + "%").query(Long.class).single()).as("rows holding the secret").isZero();
        }

        @Test
        void aPageFormWithoutItsCsrfTokenIsJournaledAsCsrf() {
            var session = new PageSession(baseUrl());   // never fetched the form, so it has no token
            var answer = session.post("/login", Map.of("username", "someone", "password", SECRET));
            assertThat(answer.statusCode()).isEqualTo(403);
            String id = answer.headers().firstValue("X-Request-Id").orElseThrow();

            Row refusal = refusalOf(id);
            assertThat(refusal.actor()).isEqualTo("anonymous");
            assertThat(refusal.subjectId()).isEqualTo("/login");
            assertThat(details(refusal).path("kind").asString()).isEqualTo("CSRF");
            assertThat(details(refusal).path("status").asInt()).isEqualTo(403);
            assertThat(refusal.whole()).doesNotContain(SECRET).doesNotContain("someone");
        }
    }

    @Nested
    class Scope {
        @Test
        void aFacilityOutsideScopeAnswers404AsIfAbsentAndIsJournaled() {
            String mine = aFacilityCode();
            String theirs = aFacilityCode();
            as(Role.DIRECTOR).post("/api/facilities", aFacility(theirs)).expect(201);
            var limited = limitedTo(mine, Role.INSPECTOR);
            String id = aRequestId();
            var answer = limited.header("X-Request-Id", id).get("/api/facilities/" + theirs).expect(404)
                    .code("FACILITY_NOT_FOUND");
            assertThat(answer.json().path("detail").asString()).isEqualTo("No facility " + theirs);
            String absent = aFacilityCode();
            String plainId = aRequestId();
            var nothing = as(Role.INSPECTOR).header("X-Request-Id", plainId).get("/api/facilities/" + absent)
                    .expect(404).code("FACILITY_NOT_FOUND");
            assertThat(nothing.json().path("detail").asString()).as("the same answer as for nothing there")
                    .isEqualTo("No facility " + absent);

            Row refusal = refusalOf(id);
            assertThat(refusal.actor()).startsWith("scoped-");
            assertThat(refusal.actorRoles()).isEqualTo("INSPECTOR");
            assertThat(refusal.subjectId()).isEqualTo("/api/facilities/" + theirs);
            assertThat(refusal.facility()).as("seen only by readers of that facility").isEqualTo(theirs);
            JsonNode details = details(refusal);
            assertThat(details.path("status").asInt()).isEqualTo(404);
            assertThat(details.path("kind").asString()).isEqualTo("FACILITY_SCOPE");
            assertNoRefusal(plainId);   // nothing there is not a refusal
        }

        @Test
        void aScopeRefusalInsideARolledBackCommandIsStillJournaled() {
            String mine = aFacilityCode();
            String theirs = aFacilityCode();
            String id = aRequestId();
            String number = "S" + Math.abs(UUID.randomUUID().getMostSignificantBits());
            Map<String, Object> person = aPerson(theirs);
            person.put("documents", List.of(Map.of("type", "PASSPORT", "issuer", "SV", "number", number,
                    "expiresOn", "2030-01-01")));
            limitedTo(mine, Role.INTAKE).header("X-Request-Id", id).post("/api/people", person).expect(404)
                    .code("FACILITY_NOT_FOUND");

            Row refusal = refusalOf(id);
            assertThat(refusal.facility()).isEqualTo(theirs);
            assertThat(details(refusal).path("method").asString()).isEqualTo("POST");
            assertThat(details(refusal).path("kind").asString()).isEqualTo("FACILITY_SCOPE");
            assertThat(refusal.whole()).doesNotContain(number).doesNotContain("Refusado");
        }

        @Test
        void readersOfOtherFacilitiesDoNotSeeTheRefusal() {
            String mine = aFacilityCode();
            String theirs = aFacilityCode();
            String id = aRequestId();
            limitedTo(mine, Role.INSPECTOR).header("X-Request-Id", id).get("/api/facilities/" + theirs).expect(404);
            refusalOf(id);
            String search = "/api/journal?action=REFUSED&subjectType=request&subjectId=/api/facilities/" + theirs;
            assertThat(limitedTo(mine, Role.INSPECTOR).get(search).expect(200).json().path("total").asLong())
                    .as("a reader of another facility").isZero();
            assertThat(limitedTo(theirs, Role.INSPECTOR).get(search).expect(200).json().path("total").asLong())
                    .as("a reader of that facility").isEqualTo(1);
            assertThat(as(Role.INSPECTOR).get(search).expect(200).json().path("total").asLong())
                    .as("a reader of every facility").isEqualTo(1);
        }
    }

    private static Map<String, Object> aFacility(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Centro " + code);
        body.put("country", "SV");
        body.put("region", "San Vicente");
        body.put("municipality", "Tecoluca");
        body.put("timeZone", "America/El_Salvador");
        body.put("type", "PRISON");
        body.put("responsibleAuthority", "Dirección General de Centros Penales");
        body.put("inspectionAuthority", "Procuraduría para la Defensa de los Derechos Humanos");
        body.put("openedOn", "2023-02-01");
        return body;
    }

    private static Map<String, Object> aPerson(String facility) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Map.of("givenNames", "Refusado", "firstFamilyName", "Prueba"));
        body.put("birthDate", "1990-04-17");
        body.put("recordedSex", "MALE");
        body.put("nationalities", List.of(Map.of("country", "SV", "determinedFrom", "PASSPORT")));
        body.put("languages", List.of("es"));
        body.put("facility", facility);
        return body;
    }
}

package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.habeas.PageSession;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/**
 * The override queue's approve and refuse form runs the API's validation of the reason (REQ-53: a decision gives
 * its reason): an empty or overlong reason decides nothing and is explained on the page in English and Spanish,
 * instead of reaching the database's check.
 */
class OverridePagesTest extends RuleEngineTest {

    private String pendingOverride(String toFacility) {
        return pendingOverride(as(Role.HOUSING), toFacility, TestRules.GATE);
    }

    private static String pendingOverride(org.habeas.ApiClient requester, String toFacility, String rule) {
        var body = Map.of("movement", VettingApiTest.aTransfer(UUID.randomUUID(), toFacility), "rule", rule,
                "reason", "hospital appointment", "legalBasis", "director's instruction 9",
                "expiresAt", Instant.now().plus(2, ChronoUnit.HOURS).toString());
        return requester.post("/api/overrides", body).expect(201).json().path("id").asString();
    }

    @Test
    void theDecisionIsOfferedOnlyToWhoMayMakeIt() {   // REQ-53: the rule's approver role, never the requester
        String gate = pendingOverride("DENY-V");
        String hold = pendingOverride(as(Role.HOUSING), "HOLD-V", TestRules.LEGAL);
        for (Role oversight : new Role[] {Role.INSPECTOR, Role.DIRECTOR}) {
            String page = logOn(oversight).get("/overrides?lang=en").body();
            assertThat(page).as(oversight.name()).contains("id=\"override-" + gate + "\"",
                    "id=\"override-" + hold + "\"");
            assertThat(page).as(oversight.name()).doesNotContain("id=\"approve-" + gate + "\"",
                    "id=\"refuse-" + gate + "\"", "id=\"approve-" + hold + "\"", "id=\"reason-" + gate + "\"");
        }
        String supervisor = logOn(Role.SUPERVISOR).get("/overrides?lang=en").body();
        assertThat(supervisor).contains("id=\"approve-" + gate + "\"", "id=\"refuse-" + gate + "\"")
                .doesNotContain("id=\"approve-" + hold + "\"");
        String legal = logOn(Role.LEGAL).get("/overrides?lang=en").body();
        assertThat(legal).contains("id=\"approve-" + hold + "\"").doesNotContain("id=\"approve-" + gate + "\"");
    }

    @Test
    void theRequesterIsNotOfferedTheDecisionAndIsStillRefusedIfTheyPostIt() {
        var both = newUser(Role.HOUSING, Role.SUPERVISOR);
        var token = access.issueToken(access.userForLogon(both.username()).orElseThrow(), both.id(), "t",
                java.time.Duration.ofHours(1)).secret();
        String id = pendingOverride(anonymous().header("Authorization", "Bearer " + token), "DENY-W", TestRules.GATE);
        var requester = new PageSession(baseUrl()).logOn(both.username(), PASSWORD_OF_TEST_USERS);
        assertThat(requester.get("/overrides?lang=en").body())
                .contains("You requested this override: a second person must decide it.")
                .doesNotContain("id=\"approve-" + id + "\"");
        assertThat(requester.post("/overrides/" + id + "/approve", Map.of("reason", "mine")).statusCode())
                .isEqualTo(302);
        assertThat(requester.get("/overrides").body()).contains("a second person must.");
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void theMovementIsDescribedInWordsInBothLanguages() {
        String to = "DENY-M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        pendingOverride(to);
        var reader = logOn(Role.INSPECTOR);
        assertThat(reader.get("/overrides?lang=en").body()).contains("Transfer to facility " + to)
                .doesNotContain("TRANSFER-&gt;facility:" + to);
        assertThat(reader.get("/overrides?lang=es").body()).contains("Traslado al centro " + to);
    }

    private PageSession logOn(Role... roles) {
        return new PageSession(baseUrl()).logOn(newUser(roles).username(), PASSWORD_OF_TEST_USERS);
    }

    private String status(String id) {
        return as(Role.INSPECTOR).get("/api/overrides/" + id).expect(200).json().path("status").asString();
    }

    @Test
    void theQueueIsShownToApproversAndOversightOnly() {
        String id = pendingOverride("DENY-P");
        for (Role role : new Role[] {Role.INTAKE, Role.HOUSING, Role.AGENCY, Role.ADMIN}) {
            assertThat(logOn(role).get("/overrides").statusCode()).as(role.name()).isEqualTo(403);
        }
        var inspector = logOn(Role.INSPECTOR).get("/overrides?lang=en");   // REQ-53: oversight lists overrides
        assertThat(inspector.statusCode()).isEqualTo(200);
        assertThat(inspector.body()).contains("id=\"override-" + id + "\"", "hospital appointment");
    }

    @Test
    void onlyApproversDecideFromTheQueue() {   // REQ-53
        String id = pendingOverride("DENY-P");
        for (Role role : new Role[] {Role.INSPECTOR, Role.DIRECTOR, Role.HOUSING}) {
            var session = logOn(role);
            session.get("/overrides");
            assertThat(session.post("/overrides/" + id + "/approve", Map.of("reason", "ok")).statusCode())
                    .as(role.name()).isEqualTo(403);
            assertThat(session.post("/overrides/" + id + "/refuse", Map.of("reason", "no")).statusCode())
                    .as(role.name()).isEqualTo(403);
            // The session's form token was good: the 403s were the role's, not a missing token's.
            assertThat(session.post("/logout", Map.of()).statusCode()).as(role.name()).isEqualTo(302);
        }
        assertThat(status(id)).isEqualTo("PENDING");
        var supervisor = logOn(Role.SUPERVISOR);
        supervisor.get("/overrides");
        assertThat(supervisor.post("/overrides/" + id + "/approve", Map.of("reason", "ok")).statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("APPROVED");
    }

    @Test
    void anExpiredRequestIsOfferedForRefusalOnly() {
        String id = pendingOverride("DENY-E");
        jdbc.sql("UPDATE vetting_override SET requested_at = now() - interval '2 days',"
                + " expires_at = now() - interval '1 day' WHERE id = :id").param("id", UUID.fromString(id)).update();
        var supervisor = logOn(Role.SUPERVISOR);
        String page = supervisor.get("/overrides?lang=en").body();
        assertThat(page).contains("id=\"expired-" + id + "\"", "can still be refused", "id=\"refuse-" + id + "\"")
                .doesNotContain("id=\"approve-" + id + "\"");
        assertThat(supervisor.post("/overrides/" + id + "/refuse", Map.of("reason", "too late now")).statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("REFUSED");
    }

    @Test
    void anEmptyOrOverlongReasonDecidesNothingAndIsExplainedInBothLanguages() {
        var body = Map.of("movement", VettingApiTest.aTransfer(UUID.randomUUID(), "DENY-R"), "rule", TestRules.GATE,
                "reason", "hospital appointment", "legalBasis", "director's instruction 9",
                "expiresAt", Instant.now().plus(2, ChronoUnit.HOURS).toString());
        String id = as(Role.HOUSING).post("/api/overrides", body).expect(201).json().path("id").asString();
        var supervisor = new PageSession(baseUrl()).logOn(newUser(Role.SUPERVISOR).username(),
                PASSWORD_OF_TEST_USERS);

        supervisor.get("/overrides?lang=en");
        var empty = supervisor.post("/overrides/" + id + "/approve", Map.of("reason", "  "));
        assertThat(empty.statusCode()).isEqualTo(302);
        assertThat(supervisor.get("/overrides").body())
                .contains("Nothing was decided: give the reason for your decision, at most 1,000 characters.");

        supervisor.get("/overrides?lang=es");
        var overlong = supervisor.post("/overrides/" + id + "/refuse", Map.of("reason", "x".repeat(1001)));
        assertThat(overlong.statusCode()).isEqualTo(302);
        assertThat(supervisor.get("/overrides").body())
                .contains("No se decidió nada: indique el motivo de su decisión, de 1.000 caracteres como máximo.");

        assertThat(as(Role.INSPECTOR).get("/api/overrides/" + id).expect(200).json().path("status").asString())
                .isEqualTo("PENDING");
        supervisor.post("/overrides/" + id + "/refuse", Map.of("reason", "x".repeat(1000)));
        assertThat(as(Role.INSPECTOR).get("/api/overrides/" + id).expect(200).json().path("status").asString())
                .isEqualTo("REFUSED");
    }
}

package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.habeas.access.Role;
import org.habeas.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's queue in Chromium: a second person approves; the requester is not offered their own. The
 * requests are of the test gate, so this is a browser test in the test rules' context: the browser as in
 * {@link org.habeas.web.BrowserTest}.
 */
class OverrideQueueBrowserTest extends RuleEngineTest {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        Browser.assumeAvailable();
        browser = new Browser(baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String requestOverrideAs(org.habeas.ApiClient requester) {
        var body = Map.of("movement", VettingApiTest.aTransfer(UUID.randomUUID(), "DENY-Q"), "rule", TestRules.GATE,
                "reason", "medical appointment", "legalBasis", "director's instruction 4",
                "expiresAt", Instant.now().plus(2, ChronoUnit.HOURS).toString());
        return requester.post("/api/overrides", body).expect(201).json().path("id").asString();
    }

    @Test
    void aSecondPersonApprovesFromTheQueue() {
        String id = requestOverrideAs(as(Role.HOUSING));
        var supervisor = newUser(Role.SUPERVISOR);
        browser.logOn(supervisor.username(), PASSWORD_OF_TEST_USERS).open("/overrides?lang=en");
        assertThat(browser.text("override-" + id)).contains("destination DENY-Q is closed")
                .contains("medical appointment");
        browser.type("reason-" + id, "appointment confirmed").click("approve-" + id);
        assertThat(browser.text("overrides-done")).contains("approved");
        assertThat(as(Role.INSPECTOR).get("/api/overrides/" + id).expect(200).json().path("status").asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void theRequesterIsToldAPersonMustDecideAndIsNotOfferedTheDecision() {
        var both = newUser(Role.HOUSING, Role.SUPERVISOR);
        var token = access.issueToken(access.userForLogon(both.username()).orElseThrow(), both.id(), "t",
                java.time.Duration.ofHours(1)).secret();
        String id = requestOverrideAs(anonymous().header("Authorization", "Bearer " + token));
        browser.logOn(both.username(), PASSWORD_OF_TEST_USERS).open("/overrides?lang=es");
        assertThat(browser.text("own-" + id)).contains("segunda persona");
        assertThat(browser.has("approve-" + id)).isFalse();
        assertThat(browser.has("refuse-" + id)).isFalse();
        assertThat(as(Role.INSPECTOR).get("/api/overrides/" + id).expect(200).json().path("status").asString())
                .isEqualTo("PENDING");
    }
}

package org.habeas.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.transfer.TransferFixtures.aFacility;
import static org.habeas.transfer.TransferFixtures.anAgreement;
import static org.habeas.transfer.TransferFixtures.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The manifest pages in Chromium: a supervisor approves a version an agency submitted, in English; an intake
 * officer ticks off one arrival of two and reads the reconciliation, in Spanish. And the whole flow of the issue:
 * an alternate promoted on the page makes a version that is vetted again and must be approved again, by someone
 * else; boarding, arrival and reconciliation against it; the agreement's statement counting the arrivals.
 */
class ManifestBrowserTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void theWholeFlowFromAPromotedAlternateToTheStatement() {
        Browser.assumeAvailable();
        var estate = aFacility(as(Role.DIRECTOR), 1);
        UUID agreement = record(as(Role.DIRECTOR), anAgreement(TODAY.minusDays(10), TODAY.plusDays(300)));
        String id = as(Role.AGENCY).post("/api/manifests", anInbound(agreement, estate.code(),
                        List.of(ManifestApiTest.aNewArrival("A1"), ManifestApiTest.aNewArrival("A2")),
                        List.of(ManifestApiTest.aNewArrival("ALT1"))))
                .expect(201).json().path("manifest").path("id").asString();
        String intakeOfficer = newUser(Role.INTAKE).username();

        try (Browser intake = new Browser(baseUrl())) {
            intake.logOn(intakeOfficer, PASSWORD_OF_TEST_USERS).open("/manifests/" + id + "?lang=en");
            new Select(intake.driver().findElement(By.id("promote-alternate"))).selectByValue("ALT1");
            new Select(intake.driver().findElement(By.id("promote-replacing"))).selectByValue("A2");
            intake.type("promote-reason", "A2 withdrawn by the sender").submit("promote-submit");
            assertThat(intake.text("manifest-done")).contains("new version");
            assertThat(intake.text("version-2")).contains("Removed: A2. Promoted from the alternates: ALT1.")
                    .contains("ALT1 ").contains("Cleared");
            assertThat(intake.has("dispatch")).as("nobody boards an unapproved version").isFalse();
        }
        try (Browser supervisor = new Browser(baseUrl())) {
            supervisor.logOn(newUser(Role.SUPERVISOR).username(), PASSWORD_OF_TEST_USERS)
                    .open("/manifests/" + id + "?lang=es");
            assertThat(supervisor.text("approve-submit")).isEqualTo("Aprobar la versión 2");
            supervisor.submit("approve-submit");
            assertThat(supervisor.text("manifest-done")).contains("aprobada");
        }
        try (Browser intake = new Browser(baseUrl())) {
            intake.logOn(intakeOfficer, PASSWORD_OF_TEST_USERS).open("/manifests/" + id + "?lang=en")
                    .click("boarded-A1").click("boarded-ALT1").submit("dispatch-submit");
            assertThat(intake.text("manifest-status")).isEqualTo("Dispatched");
            intake.click("arrived-A1").click("arrived-ALT1").submit("check-in-submit");
            assertThat(intake.text("reconciliation")).contains("Arrived and admitted: A1, ALT1");
            assertThat(intake.text("manifest-status")).isEqualTo("Arrived");
        }
        try (Browser director = new Browser(baseUrl())) {
            director.logOn(newUser(Role.DIRECTOR).username(), PASSWORD_OF_TEST_USERS)
                    .open("/agreements/" + agreement + "?lang=en");
            assertThat(director.text("people-held")).isEqualTo("2");
        }
    }

    static Map<String, Object> anInbound(UUID agreement, String facility, List<Map<String, Object>> lines,
                                         List<Map<String, Object>> alternates) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", "INBOUND");
        body.put("agreementId", agreement.toString());
        body.put("carrier", "Charter carrier");
        body.put("journey", "FLIGHT-" + UUID.randomUUID().toString().substring(0, 6));
        body.put("origin", "Harlingen, Texas");
        body.put("destinationFacility", facility);
        body.put("destinationCountry", "SV");
        body.put("scheduledAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        body.put("sendingAgency", "DHS / ICE");
        body.put("lines", lines);
        body.put("alternates", alternates);
        return body;
    }

    @Test
    void aSupervisorApprovesAndAnIntakeOfficerChecksInTheArrivals() {
        Browser.assumeAvailable();
        var estate = aFacility(as(Role.DIRECTOR), 1);
        UUID agreement = record(as(Role.DIRECTOR), anAgreement(TODAY.minusDays(10), TODAY.plusDays(300)));
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
        body.put("lines", List.of(ManifestApiTest.aNewArrival("A1"), ManifestApiTest.aNewArrival("A2")));
        String id = as(Role.AGENCY).post("/api/manifests", body).expect(201).json().path("manifest").path("id")
                .asString();

        try (Browser supervisor = new Browser(baseUrl())) {
            supervisor.logOn(newUser(Role.SUPERVISOR).username(), PASSWORD_OF_TEST_USERS)
                    .open("/manifests/" + id + "?lang=en").submit("approve-submit");
            assertThat(supervisor.text("manifest-done")).contains("approved");
            assertThat(supervisor.has("approve")).isFalse();
        }
        try (Browser intake = new Browser(baseUrl())) {
            intake.logOn(newUser(Role.INTAKE).username(), PASSWORD_OF_TEST_USERS)
                    .open("/manifests/" + id + "?lang=es").click("arrived-A1").submit("check-in-submit");
            assertThat(intake.text("reconciliation")).contains("Llegadas e ingresadas: A1")
                    .contains("En el manifiesto pero ausentes: A2");
            assertThat(intake.text("manifest-status")).isEqualTo("Llegado");
        }
    }
}

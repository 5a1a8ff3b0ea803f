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

/**
 * The manifest pages in Chromium: a supervisor approves a version an agency submitted, in English; an intake
 * officer ticks off one arrival of two and reads the reconciliation, in Spanish.
 */
class ManifestBrowserTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

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

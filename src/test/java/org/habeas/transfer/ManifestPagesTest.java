package org.habeas.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.transfer.TransferFixtures.aFacility;
import static org.habeas.transfer.TransferFixtures.anAgreement;
import static org.habeas.transfer.TransferFixtures.record;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/**
 * The manifest review and check-in pages: a supervisor approves from the review, an intake officer ticks off the
 * arrivals and sees the reconciliation; an inspector reads without the forms; an agency's other client is refused.
 */
class ManifestPagesTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    PageSession logOn(Role role) {
        return new PageSession(baseUrl()).logOn(newUser(role).username(), PASSWORD_OF_TEST_USERS);
    }

    @Test
    void aSupervisorApprovesAndAnIntakeOfficerChecksInTheArrivals() {
        var estate = aFacility(as(Role.DIRECTOR), 1);
        UUID agreement = record(as(Role.DIRECTOR), anAgreement(TODAY.minusDays(10), TODAY.plusDays(300)));
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("direction", "INBOUND");
        body.put("agreementId", agreement.toString());
        body.put("carrier", "Charter carrier");
        body.put("journey", "FLIGHT-" + UUID.randomUUID().toString().substring(0, 6));
        body.put("origin", "Harlingen, Texas");
        body.put("destinationFacility", estate.code());
        body.put("destinationCountry", "SV");
        body.put("scheduledAt", java.time.Instant.now().plusSeconds(3600).toString());
        body.put("sendingAgency", "DHS / ICE");
        body.put("lines", List.of(ManifestApiTest.aNewArrival("A1"), ManifestApiTest.aNewArrival("A2")));
        String id = as(Role.AGENCY).post("/api/manifests", body).expect(201).json().path("manifest").path("id")
                .asString();

        PageSession inspector = logOn(Role.INSPECTOR);
        var read = inspector.get("/manifests/" + id + "?lang=es");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Autorizada").doesNotContain("id=\"approve\"");

        PageSession supervisor = logOn(Role.SUPERVISOR);
        assertThat(supervisor.get("/manifests/" + id + "?lang=en").body()).contains("id=\"approve\"");
        var approved = supervisor.post("/manifests/" + id + "/versions/1/approve", Map.of());
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(supervisor.get("/manifests/" + id).body()).contains("The version is approved.");

        PageSession intake = logOn(Role.INTAKE);
        assertThat(intake.get("/manifests/" + id + "?lang=en").body()).contains("id=\"check-in\"");
        intake.post("/manifests/" + id + "/arrivals", Map.of("version", "1", "arrived", "A1"));
        String after = intake.get("/manifests/" + id).body();
        assertThat(after).contains("id=\"reconciliation\"").contains("Arrived and admitted: A1")
                .contains("Manifested but missing: A2");
    }

    @Test
    void theWrongRolesAreRefused() {
        assertThat(logOn(Role.ADMIN).get("/manifests").statusCode()).isEqualTo(403);
        UUID any = UUID.randomUUID();
        var supervisor = logOn(Role.SUPERVISOR);
        assertThat(supervisor.post("/manifests/" + any + "/versions/1/promote", Map.of("alternate", "ALT1",
                "reason", "x")).statusCode()).isEqualTo(403);
        assertThat(supervisor.post("/manifests/" + any + "/dispatch", Map.of("version", "1", "boarded", "A1"))
                .statusCode()).isEqualTo(403);
        assertThat(logOn(Role.INTAKE).post("/manifests/" + any + "/handovers", Map.of("ref", "R1")).statusCode())
                .isEqualTo(403);
        var inspector = logOn(Role.INSPECTOR);
        assertThat(inspector.post("/manifests/" + any + "/versions/1/approve", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(inspector.post("/manifests/" + any + "/versions/1/refuse", Map.of("reason", "x")).statusCode())
                .isEqualTo(403);
        assertThat(logOn(Role.SUPERVISOR).post("/manifests/" + any + "/arrivals", Map.of("version", "1"))
                .statusCode()).isEqualTo(403);
    }
}

package org.habeas.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.transfer.TransferFixtures.aFacility;
import static org.habeas.transfer.TransferFixtures.anAgreement;
import static org.habeas.transfer.TransferFixtures.record;

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
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A first measurement, not the benchmark: a 300-line inbound manifest of new arrivals, vetted on submission, and
 * their arrival admitted in one check-in, timed over the API on the test database. The bounds are loose (a shared
 * test machine); the times are printed for the record.
 */
class ManifestTimingTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void threeHundredLinesAreVettedAndArriveWithinLooseBounds() {
        ApiClient director = as(Role.DIRECTOR);
        var estate = aFacility(director, 30);
        UUID agreement = record(director, anAgreement(TODAY.minusDays(10), TODAY.plusDays(300)));
        List<Map<String, Object>> lines = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            lines.add(ManifestApiTest.aNewArrival("L" + i));
            refs.add("L" + i);
        }
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

        long start = System.nanoTime();
        JsonNode v1 = as(Role.AGENCY).post("/api/manifests", body).expect(201).json();
        long vetted = System.nanoTime();
        String id = v1.path("manifest").path("id").asString();
        assertThat(v1.path("version").path("lines")).hasSize(300);
        v1.path("version").path("lines").forEach(l -> assertThat(l.path("vetting").path("status").asString())
                .as(l.toString()).isEqualTo("CLEARED"));
        as(Role.SUPERVISOR).post("/api/manifests/" + id + "/versions/1/approve", Map.of()).expect(200);
        long approved = System.nanoTime();
        JsonNode r = as(Role.INTAKE).post("/api/manifests/" + id + "/arrivals",
                Map.of("version", 1, "arrived", refs)).expect(200).json();
        long arrived = System.nanoTime();
        r.path("admitted").forEach(a -> assertThat(a.path("result").path("status").asInt()).isEqualTo(201));
        System.out.printf("TIMING manifest of 300: submit+vet %d ms, approve (re-vet) %d ms, arrival %d ms%n",
                (vetted - start) / 1_000_000, (approved - vetted) / 1_000_000, (arrived - approved) / 1_000_000);
        assertThat((vetted - start) / 1_000_000).isLessThan(30_000);
        assertThat((arrived - approved) / 1_000_000).isLessThan(60_000);
    }
}

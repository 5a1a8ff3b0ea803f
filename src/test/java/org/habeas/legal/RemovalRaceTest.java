package org.habeas.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.legal.LegalRecordFixtures.aFacility;
import static org.habeas.legal.LegalRecordFixtures.aPerson;
import static org.habeas.legal.LegalRecordFixtures.admit;
import static org.habeas.legal.LegalRecordFixtures.anOrder;
import static org.habeas.legal.LegalRecordFixtures.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.habeas.ApiClient;
import org.habeas.ApiResponse;
import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * An order entered in the same second as a removal is attempted (invariant 7, REQ-41, REQ-45): the removal either
 * sees it and is denied, or completes first and the order's entry reports that the person was already removed and
 * points to a return case, never both silently. The order's entry and the removal rules meet on one advisory lock
 * per person (docs/decisions/0008).
 */
@DisplayName("legal: an order and a removal at the same moment")
class RemovalRaceTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    ApiClient intake;
    ApiClient legal;
    ApiClient housing;
    TestData.Estate estate;
    UUID person;

    @BeforeEach
    void aRemovablePerson() {
        intake = as(Role.INTAKE);
        legal = as(Role.LEGAL);
        housing = as(Role.HOUSING);
        estate = aFacility(as(Role.DIRECTOR), 1);
        LegalRecordFixtures.policies(as(Role.ADMIN), 72, true, 30);
        person = aPerson(intake, estate.code(), "SV");
        admit(intake, person, estate.code(), "IMMIGRATION", null);
        legal.post("/api/people/" + person + "/orders", anOrder("FINAL_REMOVAL_ORDER", null, null)).expect(201);
        review(legal, person, "SV");
    }

    Map<String, Object> removal() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "REMOVED");
        body.put("destination", "SV");
        body.put("detail", "Dirección General de Migración");
        body.put("authority", "final order of removal");
        body.put("overrides", List.of(secondApproval()));
        return body;
    }

    /** REQ-53: a removal outside an approved manifest is approved by a second person, here a supervisor. */
    String secondApproval() {
        Map<String, Object> movement = new LinkedHashMap<>();
        movement.put("personId", person.toString());
        movement.put("action", "REMOVAL");
        movement.put("facility", estate.code());
        movement.put("toCountry", "SV");
        movement.put("toAuthority", "Dirección General de Migración");
        String id = housing.post("/api/overrides", Map.of("movement", movement, "rule", "SECOND_APPROVER",
                "reason", "removal on the final order", "legalBasis", "final order of removal",
                "expiresAt", Instant.now().plus(2, ChronoUnit.HOURS).toString())).expect(201).json().path("id")
                .asString();
        as(Role.SUPERVISOR).post("/api/overrides/" + id + "/approve", Map.of("reason", "checked the file"))
                .expect(200);
        return id;
    }

    ApiResponse enterWithholding() {
        return legal.post("/api/people/" + person + "/orders", anOrder("WITHHOLDING_OF_REMOVAL", "SV",
                "Removal to El Salvador is withheld."));
    }

    @Test
    void anOrderEnteredAfterTheRemovalCompletedSaysThePersonWasAlreadyRemoved() {
        housing.post("/api/people/" + person + "/movements", removal()).expect(201);

        JsonNode entered = enterWithholding().expect(201).json();
        assertThat(entered.path("personAlreadyRemoved").asBoolean()).isTrue();
        assertThat(entered.path("removedTo").asString()).isEqualTo("SV");
        assertThat(entered.path("returnCase").path("open").asString()).isEqualTo("/api/return-cases");
        assertThat(entered.path("order").path("id").asString()).as("the order is kept all the same").isNotBlank();
    }

    @Test
    void aRemovalAttemptedWhileAnOrderIsBeingEnteredWaitsForItAndIsDenied() throws Exception {
        Map<String, Object> removal = removal();
        try (Connection held = dataSource.getConnection()) {
            // Stands for an order entry that has taken the person's lock and not yet committed.
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended('legal:' || ?, 0))")) {
                lock.setString(1, person.toString());
                lock.execute();
            }
            CompletableFuture<ApiResponse> order = CompletableFuture.supplyAsync(this::enterWithholding);
            awaitWaiters(1);
            CompletableFuture<ApiResponse> removed = CompletableFuture.supplyAsync(() ->
                    housing.post("/api/people/" + person + "/movements", removal));
            awaitWaiters(2);
            held.commit();

            order.get(30, TimeUnit.SECONDS).expect(201);
            JsonNode denied = removed.get(30, TimeUnit.SECONDS).expect(409).json();
            assertThat(denied.path("rules").toString()).contains("PROTECTION_ORDER");
        }
        assertThat(housing.get("/api/people/" + person + "/whereabouts").expect(200).json().path("kind").asString())
                .isEqualTo("RECEPTION");
    }

    /** Waits until {@code n} sessions wait for the person's legal lock. */
    private void awaitWaiters(int n) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            int waiting = jdbc.sql("""
                    SELECT count(*) FROM pg_locks, hashtextextended('legal:' || :person, 0) AS k
                     WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
                       AND classid = ((k >> 32) & 4294967295)::oid AND objid = (k & 4294967295)::oid
                    """).param("person", person.toString()).query(Integer.class).single();
            if (waiting >= n) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + n + " sessions waiting for the person's lock");
    }
}

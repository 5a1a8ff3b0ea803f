package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.aPlacement;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What an operator's tools read: the Prometheus metrics (ADMIN or the scrape token, nobody else), the liveness and
 * readiness probes (anyone, status only), and the health details (ADMIN).
 */
class OperationsEndpointsTest extends IntegrationTest {

    private static final String METRICS = "/actuator/prometheus";

    private ApiClient scraper(String token) {
        return anonymous().header("Authorization", "Bearer " + token).header("Accept", "text/plain");
    }

    private String scrape() {
        return as(Role.ADMIN).header("Accept", "text/plain").get(METRICS).expect(200).body();
    }

    /** The value of the first sample of {@code metric} whose labels include {@code labels}; 0 when there is none. */
    private static double sample(String body, String metric, String labels) {
        Matcher m = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(body);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    @Nested
    @DisplayName("GET /actuator/prometheus")
    class Metrics {

        @Nested
        class Security {
            @Test
            void refusedWithoutLogin() {
                anonymous().get(METRICS).expect(401).code("UNAUTHENTICATED");
            }

            @Test
            void refusedForEveryRoleButAdmin() {
                for (Role role : Role.values()) {
                    if (role != Role.ADMIN) {
                        as(role).get(METRICS).expect(403).code("FORBIDDEN");
                    }
                }
            }

            @Test
            void aWrongScrapeTokenIsRefused() {
                scraper(METRICS_TOKEN + "x").get(METRICS).expect(401).code("UNAUTHENTICATED");
            }

            @Test
            void theScrapeTokenOpensTheMetricsAndNothingElse() {
                assertThat(scraper(METRICS_TOKEN).get(METRICS).expect(200).body()).contains("jvm_");
                scraper(METRICS_TOKEN).get("/api/journal/verify").expect(401).code("UNAUTHENTICATED");
                scraper(METRICS_TOKEN).get("/api/people?q=ana").expect(401).code("UNAUTHENTICATED");
                scraper(METRICS_TOKEN).get("/actuator/health").expect(401).code("UNAUTHENTICATED");
            }

            @Test
            void theScrapeTokenIsNeverJournaled() {
                scraper(METRICS_TOKEN + "x").get(METRICS).expect(401);
                assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE details::text LIKE :token "
                        + "OR coalesce(reason, '') LIKE :token").param("token", "%" + METRICS_TOKEN + "%")
                        .query(Long.class).single()).isZero();
            }
        }

        @Nested
        class HappyPath {
            @Test
            void movementsAreCountedByKindOnceCommitted() {
                var estate = aFacility(as(Role.DIRECTOR), 1, 1, 1);
                var intake = as(Role.INTAKE);
                double admittedBefore = sample(scrape(), "habeas_movements_total", "kind=\"ADMITTED\"");
                double placedBefore = sample(scrape(), "habeas_movements_total", "kind=\"PLACED\"");
                UUID person = aPerson(intake, estate.code());
                intake.post("/api/people/" + person + "/custody", anAdmission(estate.code())).expect(201);
                as(Role.HOUSING).post("/api/people/" + person + "/movements", aPlacement(estate.cells().get(0)))
                        .expect(201);
                String after = scrape();
                assertThat(sample(after, "habeas_movements_total", "kind=\"ADMITTED\"")).isEqualTo(admittedBefore + 1);
                assertThat(sample(after, "habeas_movements_total", "kind=\"PLACED\""))
                        .isEqualTo(placedBefore + 1);
            }

            @Test
            void denialsAreCountedByRule() {
                var estate = aFacility(as(Role.DIRECTOR), 1, 1, 1);
                var intake = as(Role.INTAKE);
                var housing = as(Role.HOUSING);
                UUID first = aPerson(intake, estate.code());
                intake.post("/api/people/" + first + "/custody", anAdmission(estate.code())).expect(201);
                housing.post("/api/people/" + first + "/movements", aPlacement(estate.cells().get(0))).expect(201);
                double before = sample(scrape(), "habeas_vetting_denials_total", "rule=\"CAPACITY\"");
                UUID second = aPerson(intake, estate.code());
                intake.post("/api/people/" + second + "/custody", anAdmission(estate.code())).expect(201);
                housing.post("/api/people/" + second + "/movements", aPlacement(estate.cells().get(0)))
                        .expect(409).code("MAXIMUM_CAPACITY_EXCEEDED");
                assertThat(sample(scrape(), "habeas_vetting_denials_total", "rule=\"CAPACITY\""))
                        .isEqualTo(before + 1);
            }

            @Test
            void theJournalsSealingLagAndVerificationAreExposed() {
                as(Role.ADMIN).get("/api/journal/verify").expect(200);
                String body = scrape();
                assertThat(body).containsPattern("(?m)^habeas_journal_sealing_lag_seconds [0-9.]+$")
                        .containsPattern("(?m)^habeas_journal_unsealed [0-9.]+$")
                        .containsPattern("(?m)^habeas_journal_verification_ok 1\\.0$");
                assertThat(sample(body, "habeas_journal_verifications_total", "status=\"OK\"")).isPositive();
            }

            @Test
            void noReplicaIsConfiguredSoNoneIsReported() {
                assertThat(scrape()).doesNotContain("habeas_replica_");
            }
        }
    }

    @Nested
    @DisplayName("GET /actuator/health")
    class Probes {
        @Test
        void livenessAndReadinessAnswerAnyoneWithAStatusOnly() {
            for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness",
                    "/actuator/health"}) {
                var body = anonymous().get(probe).expect(200).json();
                assertThat(body.path("status").asString()).as(probe).isEqualTo("UP");
                assertThat(body.has("components")).as(probe).isFalse();
            }
        }

        @Test
        void anAdminSeesThePrimaryAndTheReplica() {
            var body = as(Role.ADMIN).get("/actuator/health").expect(200).json();
            assertThat(body.path("components").path("db").path("status").asString()).isEqualTo("UP");
            var replica = body.path("components").path("replica");
            assertThat(replica.path("status").asString()).isEqualTo("UP");
            assertThat(replica.path("details").path("configured").asBoolean()).isFalse();
            assertThat(replica.path("details").path("inUse").asBoolean()).isFalse();
        }

        @Test
        void anotherRoleSeesTheStatusOnly() {
            assertThat(as(Role.INSPECTOR).get("/actuator/health").expect(200).json().has("components")).isFalse();
        }
    }
}

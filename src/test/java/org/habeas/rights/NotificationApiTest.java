package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.habeas.rights.RightsFixtures.aDeath;
import static org.habeas.rights.RightsFixtures.aFacility;
import static org.habeas.rights.RightsFixtures.aPerson;
import static org.habeas.rights.RightsFixtures.aTransferTo;
import static org.habeas.rights.RightsFixtures.admit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Notification duties (REQ-30, REQ-31, REQ-36, REQ-38): created by the right movement, tracked to done or overdue. */
@DisplayName("/api/notifications, /api/people/{id}/contacts, /api/people/{id}/notifications")
class NotificationApiTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private String facility;
    private UUID person;

    @BeforeEach
    void anAdmittedPerson() {
        facility = aFacility(as(Role.DIRECTOR));
        person = aPerson(as(Role.INTAKE), facility, "SV");
        admit(as(Role.INTAKE), person, facility);
        await().atMost(PATIENCE).until(() -> tasks().size() == 1);
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLogin() {
            anonymous().get("/api/notifications?facility=" + facility).expect(401);
            anonymous().get("/api/people/" + person + "/contacts").expect(401);
        }

        @Test
        void refusedForRolesThatDoNotDealWithThePerson() {
            as(Role.AGENCY).get("/api/notifications?facility=" + facility).expect(403);
            as(Role.ADMIN).get("/api/people/" + person + "/notifications").expect(403);
            String task = tasks().get(0).path("id").asString();
            as(Role.INSPECTOR).post("/api/notifications/" + task + "/attempts", anAttempt(true)).expect(403);
            as(Role.DIRECTOR).post("/api/people/" + person + "/contacts", aCounsel()).expect(403);
            as(Role.INSPECTOR).post("/api/people/" + person + "/health-reports", Map.of("occasion", "ILLNESS"))
                    .expect(403);
        }

        @Test
        void facilityScopeApplies() {
            ApiClient elsewhere = limitedTo(aFacility(as(Role.DIRECTOR)), Role.HOUSING);
            elsewhere.get("/api/notifications?facility=" + facility).expect(404).code("FACILITY_NOT_FOUND");
            elsewhere.get("/api/people/" + person + "/notifications").expect(404).code("PERSON_NOT_FOUND");
            String task = tasks().get(0).path("id").asString();
            elsewhere.post("/api/notifications/" + task + "/attempts", anAttempt(true)).expect(404)
                    .code("NOTIFICATION_TASK_NOT_FOUND");
        }
    }

    @Nested
    class Validation {
        @Test
        void anAttemptNeedsItsMethodAndWhetherItWasDelivered() {
            String task = tasks().get(0).path("id").asString();
            as(Role.HOUSING).post("/api/notifications/" + task + "/attempts", Map.of("delivered", true)).expect(400)
                    .code("VALIDATION_FAILED").field("method");
            as(Role.HOUSING).post("/api/notifications/" + task + "/attempts", Map.of("method", "PHONE")).expect(400)
                    .code("VALIDATION_FAILED").field("delivered");
            as(Role.HOUSING).post("/api/notifications/" + task + "/attempts", Map.of("method", "PHONE",
                    "delivered", true, "at", Instant.now().plus(Duration.ofHours(1)).toString())).expect(400)
                    .code("VALIDATION_FAILED").field("at");
        }

        @Test
        void anUnknownTaskIsNotFound() {
            as(Role.HOUSING).post("/api/notifications/" + UUID.randomUUID() + "/attempts", anAttempt(true))
                    .expect(404).code("NOTIFICATION_TASK_NOT_FOUND");
        }

        @Test
        void aContactNeedsAKindAndAName() {
            as(Role.INTAKE).post("/api/people/" + person + "/contacts", Map.of("kind", "FAMILY", "name", " "))
                    .expect(400).code("VALIDATION_FAILED").field("name");
            as(Role.INTAKE).post("/api/people/" + person + "/contacts", Map.of("name", "Someone")).expect(400)
                    .code("VALIDATION_FAILED").field("kind");
        }

        @Test
        void aHealthReportIsOfIllnessInjuryOrHospital() {
            as(Role.HOUSING).post("/api/people/" + person + "/health-reports", Map.of("occasion", "ADMISSION"))
                    .expect(400).code("VALIDATION_FAILED").field("occasion");
        }

        @Test
        void theConsentOfAnotherPersonsContactIsNotFound() {
            as(Role.INTAKE).post("/api/people/" + person + "/contacts/" + UUID.randomUUID() + "/consent",
                    Map.of("tellOfIllness", false, "reason", "asked")).expect(404).code("CONTACT_NOT_FOUND");
        }
    }

    @Nested
    class HappyPath {
        @Test
        void theAdmissionOwesTheNextOfKinRecordedAtAdmissionANoticeWithinADay() {
            JsonNode task = tasks().get(0);
            assertThat(task.path("occasion").asString()).isEqualTo("ADMISSION");
            assertThat(task.path("recipient").asString()).isEqualTo("FAMILY");
            assertThat(task.path("contactName").asString()).isEqualTo("Hermana de prueba");
            assertThat(task.path("status").asString()).isEqualTo("OPEN");
            assertThat(Duration.between(Instant.parse(task.path("occurredAt").asString()),
                    Instant.parse(task.path("dueAt").asString()))).isEqualTo(Duration.ofHours(24));
            assertThat(as(Role.INTAKE).get("/api/people/" + person + "/contacts").expect(200).json().get(0)
                    .path("kind").asString()).isEqualTo("FAMILY");
        }

        @Test
        void attemptsAreRecordedUntilOneIsDelivered() {
            String task = tasks().get(0).path("id").asString();
            var first = as(Role.HOUSING).post("/api/notifications/" + task + "/attempts", anAttempt(false))
                    .expect(201).json();
            assertThat(first.path("status").asString()).isEqualTo("OPEN");
            var second = as(Role.HOUSING).post("/api/notifications/" + task + "/attempts", anAttempt(true))
                    .expect(201).json();
            assertThat(second.path("status").asString()).isEqualTo("DONE");
            assertThat(second.path("attempts").size()).isEqualTo(2);
            assertThat(second.path("attempts").get(1).path("madeBy").asString()).isNotBlank();
            assertThat(second.path("attempts").get(1).path("method").asString()).isEqualTo("PHONE");
            as(Role.HOUSING).post("/api/notifications/" + task + "/attempts", anAttempt(true)).expect(409)
                    .code("NOTIFICATION_TASK_CLOSED");
            assertThat(ids(as(Role.INSPECTOR).get("/api/notifications?facility=" + facility + "&state=DONE")
                    .expect(200).json())).contains(task);
            assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = 'NOTIFICATION_ATTEMPT_RECORDED'"
                    + " AND subject_id = :p").param("p", person.toString()).query(Long.class).single()).isEqualTo(2);
        }

        @Test
        void aTransferOwesFamilyAndCounselTheReasonAndTheReceivingFacilityButNoTravelDetails() {
            as(Role.LEGAL).post("/api/people/" + person + "/contacts", aCounsel()).expect(201);
            String destination = aFacility(as(Role.DIRECTOR));
            as(Role.HOUSING).post("/api/people/" + person + "/movements", aTransferTo(destination)).expect(201);
            await().atMost(PATIENCE).until(() -> tasks().size() == 3);
            List<JsonNode> transfer = tasks().stream().filter(t -> t.path("occasion").asString().equals("TRANSFER"))
                    .toList();
            assertThat(transfer).extracting(t -> t.path("recipient").asString())
                    .containsExactlyInAnyOrder("FAMILY", "COUNSEL");
            for (JsonNode t : transfer) {
                assertThat(t.path("notice").path("toFacility").asString()).isEqualTo(destination);
                assertThat(t.path("notice").path("reason").asString()).isEqualTo("closer to the court of the case");
                assertThat(t.path("notice").path("toFacilityName").asString()).isEqualTo("Centro de prueba "
                        + destination);
                assertThat(t.path("notice").path("toFacilityAddress").asString()).isEqualTo("Tecoluca, San Vicente, SV");
                assertThat(t.toString()).doesNotContain("escort").doesNotContain("route 12");
            }
        }

        @Test
        void aDeathOwesTheFamilyANoticeWithinHours() {
            as(Role.HOUSING).post("/api/people/" + person + "/movements", aDeath()).expect(201);
            await().atMost(PATIENCE).until(() -> tasks().size() == 2);
            JsonNode death = tasks().stream().filter(t -> t.path("occasion").asString().equals("DEATH")).findFirst()
                    .orElseThrow();
            assertThat(Duration.between(Instant.parse(death.path("occurredAt").asString()),
                    Instant.parse(death.path("dueAt").asString()))).isEqualTo(Duration.ofHours(4));
        }

        @Test
        void aContactThePersonAskedNotToBeToldOfIllnessIsWithheldAndTheLateOnesAreOverdue() {
            String brother = as(Role.INTAKE).post("/api/people/" + person + "/contacts", Map.of("kind", "FAMILY",
                    "name", "Hermano de prueba", "relation", "SIBLING", "tellOfIllness", true)).expect(201).json()
                    .path("id").asString();
            as(Role.INTAKE).post("/api/people/" + person + "/contacts/" + brother + "/consent",
                    Map.of("tellOfIllness", false, "reason", "the person asked, in writing")).expect(200);
            var opened = as(Role.HOUSING).post("/api/people/" + person + "/health-reports", Map.of("occasion",
                    "INJURY", "at", Instant.now().minus(Duration.ofHours(13)).toString())).expect(201).json();
            assertThat(opened.size()).isEqualTo(2);
            JsonNode withheld = null;
            String open = null;
            for (JsonNode t : opened) {
                if (t.path("contact").asString().equals(brother)) {
                    withheld = t;
                } else {
                    open = t.path("id").asString();
                }
            }
            assertThat(withheld).isNotNull();
            assertThat(withheld.path("status").asString()).isEqualTo("WITHHELD");
            as(Role.HOUSING).post("/api/notifications/" + withheld.path("id").asString() + "/attempts",
                    anAttempt(true)).expect(409).code("NOTIFICATION_TASK_CLOSED");
            // An injury is due within 12 hours: reported 13 hours late, the sister's task is overdue.
            assertThat(ids(as(Role.SUPERVISOR).get("/api/notifications?facility=" + facility + "&state=OVERDUE")
                    .expect(200).json())).containsExactly(open);
            assertThat(ids(as(Role.SUPERVISOR).get("/api/notifications?facility=" + facility).expect(200).json()))
                    .doesNotContain(open).hasSize(1);
        }
    }

    private List<JsonNode> tasks() {
        List<JsonNode> tasks = new ArrayList<>();
        as(Role.HOUSING).get("/api/people/" + person + "/notifications").expect(200).json().forEach(tasks::add);
        return tasks;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(t -> ids.add(t.path("id").asString()));
        return ids;
    }

    private static Map<String, Object> anAttempt(boolean delivered) {
        return Map.of("method", "PHONE", "delivered", delivered, "note", delivered ? "told" : "no answer");
    }

    private static Map<String, Object> aCounsel() {
        return Map.of("kind", "COUNSEL", "name", "Lic. Abogada de prueba", "phone", "+503 2222 0000",
                "email", "abogada@example.org");
    }

    private ApiClient limitedTo(String other, Role role) {
        String username = "scoped-" + UUID.randomUUID().toString().substring(0, 8);
        access.createUser(new NewUser(username, "Scoped " + username, PASSWORD_OF_TEST_USERS, Set.of(role),
                Set.of(other)));
        return anonymous().basic(username, PASSWORD_OF_TEST_USERS);
    }
}

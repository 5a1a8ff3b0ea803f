package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.rights.RightsFixtures.aFacility;
import static org.habeas.rights.RightsFixtures.aPerson;
import static org.habeas.rights.RightsFixtures.admit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Consular notification (REQ-32 to REQ-34), protection-aware. */
@DisplayName("/api/people/{id}/consular, /api/consular/...")
class ConsularApiTest extends IntegrationTest {

    private String facility;
    private UUID person;

    @BeforeEach
    void aVenezuelanAdmitted() {
        facility = aFacility(as(Role.DIRECTOR));
        person = aPerson(as(Role.INTAKE), facility, "VE");
        admit(as(Role.INTAKE), person, facility);
    }

    private String consular() {
        return "/api/people/" + person + "/consular";
    }

    private static Map<String, Object> aNotification(String country) {
        return Map.of("country", country, "post", "Consulado General en San Salvador", "method", "EMAIL");
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLogin() {
            anonymous().get(consular()).expect(401);
        }

        @Test
        void refusedForTheWrongRoles() {
            as(Role.AGENCY).get(consular()).expect(403);
            as(Role.HOUSING).post(consular() + "/notifications", aNotification("VE")).expect(403);
            as(Role.INTAKE).get("/api/consular/held").expect(403);
            as(Role.INTAKE).post("/api/consular/notifications/" + UUID.randomUUID() + "/review",
                    Map.of("send", true, "reason", "x")).expect(403);
            as(Role.LEGAL).post("/api/consular/mandatory-countries", Map.of("country", "CN",
                    "effectiveFrom", "2020-01-01", "citation", "x")).expect(403);
        }
    }

    @Nested
    class Validation {
        @Test
        void theCountryIsAnIsoCodeAndThePostIsRequired() {
            as(Role.INTAKE).post(consular() + "/notifications", aNotification("XQ")).expect(400)
                    .code("UNKNOWN_COUNTRY_CODE").field("country");
            as(Role.INTAKE).post(consular() + "/notifications", Map.of("country", "VE", "method", "EMAIL"))
                    .expect(400).code("VALIDATION_FAILED").field("post");
        }

        @Test
        void onlyAHeldNotificationIsReviewed() {
            String sent = as(Role.INTAKE).post(consular() + "/notifications", aNotification("VE")).expect(201)
                    .json().path("id").asString();
            as(Role.LEGAL).post("/api/consular/notifications/" + sent + "/review", Map.of("send", true,
                    "reason", "checked")).expect(409).code("CONSULAR_NOTIFICATION_NOT_HELD");
            as(Role.LEGAL).post("/api/consular/notifications/" + UUID.randomUUID() + "/review", Map.of("send", true,
                    "reason", "checked")).expect(404).code("CONSULAR_NOTIFICATION_NOT_FOUND");
        }

        @Test
        void aMandatoryCountryEndsAfterItStarts() {
            as(Role.ADMIN).post("/api/consular/mandatory-countries", Map.of("country", "CN", "effectiveFrom",
                    "2020-01-01", "effectiveTo", "2019-01-01", "citation", "x")).expect(400)
                    .code("VALIDATION_FAILED").field("effectiveTo");
        }
    }

    @Nested
    class HappyPath {
        @Test
        void theRecordKeepsNationalityHowDeterminedRightsToldAndTheRequest() {
            as(Role.INTAKE).post(consular() + "/rights-told", Map.of("language", "es")).expect(200);
            var record = as(Role.INTAKE).post(consular() + "/request", Map.of("requested", true)).expect(200).json();
            assertThat(record.path("nationalities").get(0).path("country").asString()).isEqualTo("VE");
            assertThat(record.path("nationalities").get(0).path("determinedFrom").asString()).isEqualTo("PASSPORT");
            assertThat(record.path("rightsToldAt").asString()).isNotBlank();
            assertThat(record.path("rightsToldLanguage").asString()).isEqualTo("es");
            assertThat(record.path("notificationRequested").asBoolean()).isTrue();
        }

        @Test
        void visitsCallsAndObjectionsAreOnRecord() {
            as(Role.INTAKE).post(consular() + "/communications", Map.of("kind", "VISIT", "country", "VE",
                    "post", "Consulado General en San Salvador", "note", "vice-consul, 40 minutes")).expect(201);
            var record = as(Role.LEGAL).post(consular() + "/communications", Map.of("kind", "OBJECTION",
                    "country", "VE", "note", "does not want a visit")).expect(201).json();
            assertThat(record.path("communications").size()).isEqualTo(2);
            assertThat(record.path("communications").get(1).path("kind").asString()).isEqualTo("OBJECTION");
            as(Role.HOUSING).post(consular() + "/communications", Map.of("kind", "VISIT", "country", "VE"))
                    .expect(403);
            as(Role.INTAKE).post(consular() + "/communications", Map.of("country", "VE")).expect(400)
                    .code("VALIDATION_FAILED").field("kind");
        }

        @Test
        void mandatoryNotificationFollowsTheEffectiveDate() {
            as(Role.ADMIN).post("/api/consular/mandatory-countries", Map.of("country", "VE", "effectiveFrom",
                    LocalDate.now().plusDays(30).toString(), "citation", "bilateral convention, art. 5")).expect(201);
            assertThat(as(Role.INTAKE).get(consular()).expect(200).json().path("mandatoryCountries").size())
                    .isZero();
            as(Role.ADMIN).post("/api/consular/mandatory-countries", Map.of("country", "VE", "effectiveFrom",
                    "2020-01-01", "citation", "bilateral convention, art. 5")).expect(201);
            assertThat(as(Role.INTAKE).get(consular()).expect(200).json().path("mandatoryCountries").get(0)
                    .asString()).isEqualTo("VE");
            var sent = as(Role.INTAKE).post(consular() + "/notifications", aNotification("VE")).expect(201).json();
            assertThat(sent.path("mandatory").asBoolean()).isTrue();
        }

        @Test
        void anOrdinaryNotificationIsSentAndSaysWhereThePersonIs() {
            var sent = as(Role.INTAKE).post(consular() + "/notifications", aNotification("VE")).expect(201).json();
            assertThat(sent.path("status").asString()).isEqualTo("SENT");
            assertThat(sent.path("sentAt").asString()).isNotBlank();
            assertThat(sent.path("notice").path("facility").asString()).isEqualTo(facility);
        }

        @Test
        void aNotificationToTheCountryOfAFearClaimIsHeldAndNeverDisclosesTheClaimOrThePlace() {   // REQ-34
            as(Role.LEGAL).post("/api/people/" + person + "/legal/fear-claims", Map.of("country", "VE",
                    "summary", "persecuted by the security services")).expect(201);
            var held = as(Role.INTAKE).post(consular() + "/notifications", aNotification("VE")).expect(201).json();
            assertThat(held.path("status").asString()).isEqualTo("HELD_FOR_REVIEW");
            assertThat(held.path("sentAt").isNull() || held.path("sentAt").isMissingNode()).isTrue();
            assertNothingDisclosed(held);
            String id = held.path("id").asString();
            List<String> queue = new ArrayList<>();
            as(Role.SUPERVISOR).get("/api/consular/held").expect(200).json()
                    .forEach(n -> queue.add(n.path("id").asString()));
            assertThat(queue).contains(id);

            var released = as(Role.LEGAL).post("/api/consular/notifications/" + id + "/review", Map.of("send", true,
                    "reason", "the person asked for it knowing the risk")).expect(200).json();
            assertThat(released.path("status").asString()).isEqualTo("SENT");
            assertNothingDisclosed(released);
            as(Role.LEGAL).post("/api/consular/notifications/" + id + "/review", Map.of("send", false,
                    "reason", "again")).expect(409).code("CONSULAR_NOTIFICATION_NOT_HELD");

            // Another country is told as usual.
            assertThat(as(Role.INTAKE).post(consular() + "/notifications", aNotification("CO")).expect(201).json()
                    .path("status").asString()).isEqualTo("SENT");
        }

        private void assertNothingDisclosed(JsonNode notification) {
            assertThat(notification.path("notice").has("facility")).isFalse();
            assertThat(notification.path("notice").toString()).doesNotContain(facility).doesNotContain("fear")
                    .doesNotContain("persecuted").doesNotContain("protection");
        }
    }
}

package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.access.Role.ADMIN;
import static org.habeas.access.Role.AGENCY;
import static org.habeas.access.Role.HOUSING;
import static org.habeas.access.Role.INSPECTOR;
import static org.habeas.access.Role.INTAKE;
import static org.habeas.access.Role.LEGAL;
import static org.habeas.people.People.aPerson;
import static org.habeas.people.People.passport;
import static org.habeas.people.People.uniqueName;
import static org.habeas.people.People.with;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.audit.JournalQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

class PersonApiTest extends IntegrationTest {

    @Autowired
    org.habeas.audit.Journal journal;

    JsonNode register(Map<String, Object> body) {
        return as(INTAKE).post("/api/people", body).expect(201).json();
    }

    @Nested
    @DisplayName("POST /api/people")
    class Register {

        @Nested
        class Security {
            @Test
            void refusedWithoutLogin() {
                anonymous().post("/api/people", aPerson()).expect(401);
            }

            @Test
            void refusedForHousingAdminAndAgency() {
                as(HOUSING).post("/api/people", aPerson()).expect(403).code("FORBIDDEN");
                as(ADMIN).post("/api/people", aPerson()).expect(403);
                as(AGENCY).post("/api/people", aPerson()).expect(403);
            }
        }

        @Nested
        class Validation {
            @Test
            void impossibleBirthDate() {
                as(INTAKE).post("/api/people", with(aPerson(), "birthDate", "1990-02-30"))
                        .expect(400).code("INVALID_BIRTH_DATE").field("birthDate");
                as(INTAKE).post("/api/people", with(aPerson(), "birthDate", "2999-01-01"))
                        .expect(400).code("INVALID_BIRTH_DATE").field("birthDate");
                as(INTAKE).post("/api/people", with(aPerson(), "birthDate", "1990-13"))
                        .expect(400).code("INVALID_BIRTH_DATE").field("birthDate");
                as(INTAKE).post("/api/people", with(aPerson(), "birthDate", "17/04/1990"))
                        .expect(400).code("INVALID_BIRTH_DATE").field("birthDate");
            }

            @Test
            void unknownCountryCode() {
                as(INTAKE).post("/api/people", with(aPerson(), "nationalities",
                                List.of(Map.of("country", "XX", "determinedFrom", "PASSPORT"))))
                        .expect(400).code("UNKNOWN_COUNTRY_CODE").field("nationalities[0].country");
                as(INTAKE).post("/api/people", with(aPerson(), "documents", List.of(passport("ZZ", "A123456"))))
                        .expect(400).code("UNKNOWN_COUNTRY_CODE").field("documents[0].issuer");
            }

            @Test
            void aNameIsNeededUnlessTheIdentityIsUnknown() {
                as(INTAKE).post("/api/people", with(aPerson(), "name", Map.of()))
                        .expect(400).code("VALIDATION_FAILED").field("name.fullName");
            }

            @Test
            void badEnumAndLanguage() {
                as(INTAKE).post("/api/people", with(aPerson(), "recordedSex", "X"))
                        .expect(400).code("VALIDATION_FAILED").field("recordedSex");
                as(INTAKE).post("/api/people", with(aPerson(), "languages", List.of("zz")))
                        .expect(400).code("VALIDATION_FAILED").field("languages");
            }

            @Test
            void aDocumentNumberInUseIsRefusedAndNothingIsWritten() {
                String number = "A" + (System.nanoTime() % 100_000_000);
                register(with(aPerson(), "documents", List.of(passport("SV", number))));
                var second = with(aPerson(), "documents", List.of(passport("SV", number.replace("A", "a-"))));
                long before = jdbc.sql("SELECT count(*) FROM person").query(Long.class).single();
                as(INTAKE).post("/api/people", with(second, "newPersonReason", "different person"))
                        .expect(409).code("DOCUMENT_NUMBER_TAKEN").field("documents[0].number");
                assertThat(jdbc.sql("SELECT count(*) FROM person").query(Long.class).single()).isEqualTo(before);
            }

            @Test
            void aLimitedOfficerMustNameAFacilityInScope() {
                var limited = limitedIntake("FAC-A");
                limited.post("/api/people", aPerson()).expect(400).code("VALIDATION_FAILED").field("facility");
                limited.post("/api/people", with(aPerson(), "facility", "FAC-B")).expect(404).code("FACILITY_NOT_FOUND");
            }
        }

        @Nested
        class HappyPath {
            @Test
            void registersWithARegisterNumberAndJournalsIt() {
                var person = register(with(with(aPerson(), "documents", List.of(passport("SV", "P" + System.nanoTime()))),
                        "aliases", List.of(Map.of("kind", "KNOWN_AS", "name", "El Flaco"))));
                assertThat(person.path("registerNumber").asString()).matches("HAB-\\d{4}-\\d{6,}");
                assertThat(person.path("revision").asInt()).isEqualTo(1);
                assertThat(person.path("identity").path("aliases").get(0).path("kind").asString()).isEqualTo("KNOWN_AS");
                String id = person.path("id").asString();
                var entries = journal.search(JournalQuery.subject("person", id), new org.habeas.common.PageRequest(0, 10));
                assertThat(entries.items()).anySatisfy(e -> assertThat(e.action()).isEqualTo("PERSON_REGISTERED"));
            }

            @Test
            void unknownIdentityWithoutPapersIsRegisteredAndFlagged() {
                var person = register(Map.of("identityStatus", "UNKNOWN", "estimatedAge", 30, "recordedSex", "MALE"));
                assertThat(person.path("identity").path("status").asString()).isEqualTo("UNKNOWN");
                assertThat(person.path("identity").path("birth").path("precision").asString()).isEqualTo("UNKNOWN");
                assertThat(person.path("identity").path("birth").path("estimatedAge").asInt()).isEqualTo(30);
            }

            @Test
            void aLikelyDuplicateIsHeldBackWithItsCandidates() {
                String given = uniqueName();
                var first = register(aPerson(given, "Ábrego", "García", "1991-07-01"));
                var again = as(INTAKE).post("/api/people", aPerson(given.toUpperCase(), "Abrego", "Garcia", "1991-07-01"))
                        .expect(409).code("POSSIBLE_DUPLICATE").json();
                assertThat(again.path("candidates").get(0).path("person").path("id").asString())
                        .isEqualTo(first.path("id").asString());
                assertThat(again.path("candidates").get(0).path("evidence").toString()).contains("BIRTH_DATE");
                // confirmed as a different person, with a reason
                as(INTAKE).post("/api/people", with(aPerson(given, "Abrego", "Garcia", "1991-07-01"),
                        "newPersonReason", "twin brother, confirmed by consulate")).expect(201);
            }

            @Test
            void anArrivalLinkedToAnExistingRecordCreatesNothing() {
                var first = register(aPerson());
                var linked = as(INTAKE).post("/api/people", with(with(aPerson(), "linkTo", first.path("id").asString()),
                        "facility", "LINK-" + (System.nanoTime() % 1000))).expect(200).json();
                assertThat(linked.path("id").asString()).isEqualTo(first.path("id").asString());
                assertThat(linked.path("facilities").size()).isEqualTo(1);
            }

            @Test
            void anIdempotentRepeatReturnsTheFirstRecord() {
                var body = aPerson();
                String key = UUID.randomUUID().toString();
                var first = as(INTAKE).header("Idempotency-Key", key).post("/api/people", body).expect(201).json();
                var again = as(INTAKE).header("Idempotency-Key", key).post("/api/people", body).expect(201);
                assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(again.json().path("id").asString()).isEqualTo(first.path("id").asString());
            }
        }
    }

    @Nested
    @DisplayName("GET /api/people/{id}")
    class Read {
        @Test
        void refusedWithoutLoginAndForAgency() {
            var id = register(aPerson()).path("id").asString();
            anonymous().get("/api/people/" + id).expect(401);
            as(AGENCY).get("/api/people/" + id).expect(403);
        }

        @Test
        void unknownIdIsNotFound() {
            as(HOUSING).get("/api/people/" + UUID.randomUUID()).expect(404).code("PERSON_NOT_FOUND");
            as(HOUSING).get("/api/people/not-a-uuid").expect(400).code("VALIDATION_FAILED").field("id");
        }

        @Test
        void readingIsJournaled() {
            var id = register(aPerson()).path("id").asString();
            as(INSPECTOR).get("/api/people/" + id).expect(200);
            var entries = journal.search(JournalQuery.subject("person", id), new org.habeas.common.PageRequest(0, 10));
            assertThat(entries.items()).anySatisfy(e -> assertThat(e.action()).isEqualTo("READ"));
        }

        @Test
        void facilityScopeHidesPeopleHeldElsewhere() {
            String here = "SC-" + (System.nanoTime() % 100000);
            var held = limitedIntake(here).post("/api/people", with(aPerson(), "facility", here)).expect(201).json();
            var elsewhere = register(aPerson());
            var reader = limitedUser(here, HOUSING);
            reader.get("/api/people/" + held.path("id").asString()).expect(200);
            reader.get("/api/people/" + elsewhere.path("id").asString()).expect(404).code("PERSON_NOT_FOUND");
        }
    }

    @Nested
    @DisplayName("POST /api/people/{id}/corrections")
    class Correct {
        @Test
        void securityAndValidation() {
            var id = register(aPerson()).path("id").asString();
            anonymous().post("/api/people/" + id + "/corrections", Map.of("reason", "x")).expect(401);
            as(LEGAL).post("/api/people/" + id + "/corrections", Map.of("reason", "x")).expect(403);
            as(INTAKE).post("/api/people/" + id + "/corrections", Map.of("birthDate", "1990-01-01"))
                    .expect(400).code("VALIDATION_FAILED").field("reason");
            as(INTAKE).post("/api/people/" + id + "/corrections", Map.of("reason", "typo", "birthDate", "1990-02-31"))
                    .expect(400).code("INVALID_BIRTH_DATE");
            as(INTAKE).post("/api/people/" + id + "/corrections", Map.of("reason", "typo", "expectedRevision", 7))
                    .expect(409).code("PERSON_REVISION_STALE");
        }

        @Test
        void aCorrectionIsANewRevisionAndTheHistoryShowsIt() {
            var person = register(with(aPerson(), "documents", List.of(passport("SV", "C" + System.nanoTime()))));
            String id = person.path("id").asString();
            var corrected = as(INTAKE).post("/api/people/" + id + "/corrections", Map.of("reason", "passport shows 1989",
                    "birthDate", "1989-04-17", "genderIdentity", "man", "expectedRevision", 1,
                    "documents", List.of())).expect(200).json();
            assertThat(corrected.path("revision").asInt()).isEqualTo(2);
            assertThat(corrected.path("identity").path("birth").path("date").asString()).isEqualTo("1989-04-17");
            assertThat(corrected.path("identity").path("documents").size()).isZero();
            var history = as(INSPECTOR).get("/api/people/" + id + "/history").expect(200).json();
            assertThat(history.size()).isEqualTo(2);
            assertThat(history.get(1).path("supersedes").asInt()).isEqualTo(1);
            assertThat(history.get(1).path("reason").asString()).isEqualTo("passport shows 1989");
            assertThat(history.get(1).path("changes").has("birth")).isTrue();
            assertThat(history.get(1).path("changes").has("documents")).isTrue();
            // retracted, not deleted
            assertThat(jdbc.sql("SELECT count(*) FROM person_document WHERE person_id = CAST(:id AS uuid)")
                    .param("id", id).query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void revisionsCannotBeRewritten() {
            var id = register(aPerson()).path("id").asString();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                    "UPDATE person_revision SET reason = 'x' WHERE person_id = CAST(:id AS uuid)").param("id", id).update())
                    .hasMessageContaining("append-only");
        }
    }

    org.habeas.ApiClient limitedIntake(String facility) {
        return limitedUser(facility, INTAKE);
    }

    org.habeas.ApiClient limitedUser(String facility, org.habeas.access.Role role) {
        var user = newUser(role);
        access.changeUser(user.id(), new org.habeas.access.UserChange(null, null, java.util.Set.of(facility), null, "test"));
        var actor = access.userForLogon(user.username()).orElseThrow();
        String token = access.issueToken(actor, user.id(), "t", java.time.Duration.ofHours(1)).secret();
        return anonymous().header("Authorization", "Bearer " + token);
    }
}

package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.access.Role.HOUSING;
import static org.habeas.access.Role.INTAKE;
import static org.habeas.access.Role.LEGAL;
import static org.habeas.access.Role.SUPERVISOR;
import static org.habeas.people.People.aPerson;
import static org.habeas.people.People.passport;
import static org.habeas.people.People.uniqueName;
import static org.habeas.people.People.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.habeas.IntegrationTest;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalQuery;
import org.habeas.common.PageRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

@DisplayName("POST /api/people/{id}/merge")
class MergeApiTest extends IntegrationTest {

    @Autowired
    NotesOfAnotherModule notes;

    @Autowired
    Journal journal;

    JsonNode register(Map<String, Object> body) {
        return as(INTAKE).post("/api/people", with(body, "newPersonReason", "test")).expect(201).json();
    }

    static Map<String, Object> merge(String duplicate) {
        return Map.of("duplicate", duplicate, "reason", "same passport photo, consulate confirmed");
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLoginAndForOtherRoles() {
            String a = register(aPerson()).path("id").asString();
            String b = register(aPerson()).path("id").asString();
            anonymous().post("/api/people/" + a + "/merge", merge(b)).expect(401);
            as(INTAKE).post("/api/people/" + a + "/merge", merge(b)).expect(403);
            as(HOUSING).post("/api/people/" + a + "/merge", merge(b)).expect(403);
        }
    }

    @Nested
    class Validation {
        @Test
        void aRecordCannotBeMergedIntoItself() {
            String a = register(aPerson()).path("id").asString();
            as(LEGAL).post("/api/people/" + a + "/merge", merge(a)).expect(422).code("MERGE_INTO_ITSELF").field("duplicate");
        }

        @Test
        void reasonAndDuplicateAreRequired() {
            String a = register(aPerson()).path("id").asString();
            as(LEGAL).post("/api/people/" + a + "/merge", Map.of("duplicate", a))
                    .expect(400).code("VALIDATION_FAILED").field("reason");
            as(LEGAL).post("/api/people/" + a + "/merge", Map.of("reason", "x"))
                    .expect(400).code("VALIDATION_FAILED").field("duplicate");
            as(LEGAL).post("/api/people/" + a + "/merge", merge(UUID.randomUUID().toString()))
                    .expect(404).code("PERSON_NOT_FOUND");
        }

        @Test
        void aRecordAlreadyMergedCannotBeMergedAgainNorReceiveAMerge() {
            String a = register(aPerson()).path("id").asString();
            String b = register(aPerson()).path("id").asString();
            String c = register(aPerson()).path("id").asString();
            as(SUPERVISOR).post("/api/people/" + a + "/merge", merge(b)).expect(200);
            long journaled = journalCount(c);
            as(LEGAL).post("/api/people/" + c + "/merge", merge(b)).expect(409).code("PERSON_ALREADY_MERGED");
            as(LEGAL).post("/api/people/" + b + "/merge", merge(c)).expect(409).code("PERSON_ALREADY_MERGED");
            assertThat(journalCount(c)).as("nothing written on refusal").isEqualTo(journaled);
        }
    }

    @Nested
    class HappyPath {
        @Test
        void everyModulesRowsMoveAndTheDuplicateStaysAsAPointer() {
            String facility = "MRG-" + (System.nanoTime() % 100000);
            String number = "M" + System.nanoTime();
            var a = register(aPerson());
            var b = register(with(with(with(aPerson(uniqueName(), "Pérez", "Rojas", "1990"), "facility", facility),
                    "documents", List.of(passport("VE", number))),
                    "aliases", List.of(Map.of("kind", "KNOWN_AS", "name", "El Gato"))));
            PersonId aId = new PersonId(UUID.fromString(a.path("id").asString()));
            PersonId bId = new PersonId(UUID.fromString(b.path("id").asString()));
            notes.add(bId, "a note of another module");

            var merged = as(LEGAL).post("/api/people/" + aId + "/merge", merge(bId.toString())).expect(200).json();

            assertThat(merged.path("identity").path("documents").toString()).contains(number);
            assertThat(merged.path("identity").path("aliases").toString()).contains("El Gato")
                    .contains(b.path("identity").path("name").path("fullName").asString());
            assertThat(merged.path("facilities").toString()).contains(facility);
            assertThat(notes.count(aId)).isEqualTo(1);
            assertThat(notes.count(bId)).isZero();
            var pointer = as(LEGAL).get("/api/people/" + bId).expect(200).json();
            assertThat(pointer.path("mergedInto").asString()).isEqualTo(aId.toString());
            assertThat(pointer.path("registerNumber").asString()).isEqualTo(b.path("registerNumber").asString());
            // B's register number and document still find A
            var byNumber = as(LEGAL).get("/api/people?identifier=" + b.path("registerNumber").asString()).expect(200).json();
            assertThat(byNumber.path("items").get(0).path("person").path("id").asString()).isEqualTo(aId.toString());
            var byDocument = as(LEGAL).get("/api/people?identifier=" + number).expect(200).json();
            assertThat(byDocument.path("items").get(0).path("person").path("id").asString()).isEqualTo(aId.toString());
            var entries = journal.search(JournalQuery.subject("person", aId.toString()), new PageRequest(0, 20));
            assertThat(entries.items()).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("PERSON_MERGED");
                assertThat(e.reason()).isEqualTo("same passport photo, consulate confirmed");
                assertThat(e.details().get("moved").toString()).contains("test.notes=1");
            });
            var history = as(LEGAL).get("/api/people/" + aId + "/history").expect(200).json();
            assertThat(history.get(history.size() - 1).path("kind").asString()).isEqualTo("ABSORBED");
        }

        @Test
        void twoMergesOfThePairAtOnceLeaveOneSurvivor() throws Exception {
            String a = register(aPerson()).path("id").asString();
            String b = register(aPerson()).path("id").asString();
            var pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> both = new ArrayList<>();
                both.add(() -> as(LEGAL).post("/api/people/" + a + "/merge", merge(b)).status());
                both.add(() -> as(SUPERVISOR).post("/api/people/" + b + "/merge", merge(a)).status());
                List<Integer> statuses = new ArrayList<>();
                for (var f : pool.invokeAll(both)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdown();
            }
            long pointers = jdbc.sql("SELECT count(*) FROM person WHERE id IN (CAST(:a AS uuid), CAST(:b AS uuid))"
                    + " AND merged_into IS NOT NULL").param("a", a).param("b", b).query(Long.class).single();
            assertThat(pointers).isEqualTo(1);
        }
    }

    private long journalCount(String id) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE subject_id = :id AND action <> 'READ'")
                .param("id", id).query(Long.class).single();
    }
}

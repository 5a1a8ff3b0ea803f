package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.access.Role.AGENCY;
import static org.habeas.access.Role.ADMIN;
import static org.habeas.access.Role.DIRECTOR;
import static org.habeas.access.Role.INTAKE;
import static org.habeas.access.Role.LEGAL;
import static org.habeas.people.People.aPerson;
import static org.habeas.people.People.passport;
import static org.habeas.people.People.uniqueName;
import static org.habeas.people.People.with;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.habeas.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("GET /api/people and GET /api/people/duplicates")
class SearchApiTest extends IntegrationTest {

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLoginAndForAgencyOrAdmin() {
            anonymous().get("/api/people?q=jose").expect(401);
            as(AGENCY).get("/api/people?q=jose").expect(403);
            as(ADMIN).get("/api/people?q=jose").expect(403);
            anonymous().get("/api/people/duplicates").expect(401);
            as(DIRECTOR).get("/api/people/duplicates").expect(403);
        }
    }

    @Nested
    class Validation {
        @Test
        void aNameOrIdentifierIsNeeded() {
            as(LEGAL).get("/api/people").expect(400).code("VALIDATION_FAILED").field("q");
            as(LEGAL).get("/api/people?q=" + q("¡!")).expect(400).code("VALIDATION_FAILED").field("q");
        }

        @Test
        void badNarrowing() {
            as(LEGAL).get("/api/people?q=jose&nationality=XX").expect(400).code("UNKNOWN_COUNTRY_CODE").field("nationality");
            as(LEGAL).get("/api/people?q=jose&birthYear=1800").expect(400).code("VALIDATION_FAILED").field("birthYear");
            as(LEGAL).get("/api/people?q=jose&birthDate=1990-02-30").expect(400).code("VALIDATION_FAILED").field("birthDate");
            as(LEGAL).get("/api/people?q=jose&size=0").expect(400).code("VALIDATION_FAILED").field("size");
        }
    }

    @Nested
    class HappyPath {
        @Test
        void findsAccentlessSwappedAndMisspeltNamesWithTheScore() {
            String given = uniqueName();
            var person = as(INTAKE).post("/api/people", aPerson(given, "Ábrego", "Núñez", "1984-02-02")).expect(201).json();
            String id = person.path("id").asString();
            for (String query : List.of(given + " Abrego Nunez", "NUNEZ " + given.toLowerCase(), given + " Abrego",
                    given + " Nuñes Avrego")) {
                var found = as(LEGAL).get("/api/people?q=" + q(query)).expect(200).json();
                assertThat(found.path("items").get(0).path("person").path("id").asString()).as(query).isEqualTo(id);
                assertThat(found.path("items").get(0).path("score").asDouble()).isPositive();
            }
        }

        @Test
        void narrowsByBirthYearNationalityAndFacility() {
            String given = uniqueName();
            String facility = "NAR-" + (System.nanoTime() % 100000);
            as(INTAKE).post("/api/people", with(aPerson(given, "Mejía", "Rivas", "1980"), "facility", facility)).expect(201);
            as(INTAKE).post("/api/people", with(aPerson(given, "Mejía", "Rivas", "1999-01-01"),
                    "newPersonReason", "different person")).expect(201);
            assertThat(as(LEGAL).get("/api/people?q=" + q(given + " Mejia")).expect(200).json().path("total").asInt()).isEqualTo(2);
            assertThat(as(LEGAL).get("/api/people?birthYear=1980&q=" + q(given + " Mejia")).json().path("total").asInt()).isEqualTo(1);
            assertThat(as(LEGAL).get("/api/people?birthDate=1999-01-01&q=" + q(given)).json().path("total").asInt()).isEqualTo(1);
            assertThat(as(LEGAL).get("/api/people?birthDate=1980-06-30&q=" + q(given)).json().path("total").asInt())
                    .as("a year-only birth date is compatible with any date in the year").isEqualTo(1);
            assertThat(as(LEGAL).get("/api/people?nationality=VE&q=" + q(given)).json().path("total").asInt()).isZero();
            assertThat(as(LEGAL).get("/api/people?facility=" + facility + "&q=" + q(given)).json().path("total").asInt()).isEqualTo(1);
        }

        @Test
        void aCorrectedBirthYearIsTheYearTheSearchNarrowsBy() {
            String given = uniqueName();
            var person = as(INTAKE).post("/api/people", aPerson(given, "Mejía", "Rivas", "1980-05-05")).expect(201).json();
            String id = person.path("id").asString();
            as(INTAKE).post("/api/people/" + id + "/corrections", Map.of("reason", "birth certificate",
                    "birthDate", "1981-05-05")).expect(200);
            var found = as(LEGAL).get("/api/people?birthYear=1981&q=" + q(given + " Mejia")).expect(200).json();
            assertThat(found.path("items").get(0).path("person").path("id").asString()).isEqualTo(id);
            assertThat(as(LEGAL).get("/api/people?birthYear=1980&q=" + q(given + " Mejia")).json().path("total").asInt())
                    .as("the year-tagged keys of the old birth year are gone").isZero();
            assertThat(as(LEGAL).get("/api/people?birthYear=1981&q=" + q(given + " Mejia Rivas")).json()
                    .path("items").get(0).path("person").path("id").asString()).isEqualTo(id);
        }

        @Test
        void aNameManyCarryExactlyFillsThePageFirstAndSaysTheTotalIsALowerBound() {
            String given = uniqueName();
            List<String> exact = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                var body = aPerson(given, "Zelaya", null, (1970 + i) + "-01-01");
                exact.add(as(INTAKE).post("/api/people", with(body, "newPersonReason", "namesakes")).expect(201).json()
                        .path("id").asString());
            }
            String longer = as(INTAKE).post("/api/people", with(aPerson(given, "Zelaya", "Cruz", "1990-01-01"),
                    "newPersonReason", "namesake")).expect(201).json().path("id").asString();

            var page = as(LEGAL).get("/api/people?size=5&q=" + q(given + " Zelaya")).expect(200).json();
            assertThat(page.path("items")).hasSize(5);
            page.path("items").forEach(item -> {
                assertThat(exact).contains(item.path("person").path("id").asString());
                assertThat(item.path("score").asDouble()).isEqualTo(1.0);
            });
            assertThat(page.path("totalCapped").asBoolean()).as("it stopped reading: the total is a lower bound").isTrue();
            assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(5);

            var all = as(LEGAL).get("/api/people?size=20&q=" + q(given + " Zelaya")).expect(200).json();
            assertThat(all.path("totalCapped").asBoolean()).isFalse();
            assertThat(all.path("total").asInt()).isEqualTo(8);
            assertThat(all.path("items").get(7).path("person").path("id").asString())
                    .as("the name with a part more ranks after the exact ones").isEqualTo(longer);
        }

        @Test
        void findsByRegisterOrDocumentNumberExactly() {
            String number = "034567" + (System.nanoTime() % 1000);
            var person = as(INTAKE).post("/api/people", with(aPerson(), "documents",
                    List.of(Map.of("type", "NATIONAL_ID", "issuer", "SV", "number", number.substring(0, 8) + "-" + number.substring(8)))))
                    .expect(201).json();
            String id = person.path("id").asString();
            assertThat(as(LEGAL).get("/api/people?identifier=" + number).json().path("items").get(0).path("person")
                    .path("id").asString()).isEqualTo(id);
            assertThat(as(LEGAL).get("/api/people?identifier=" + person.path("registerNumber").asString().toLowerCase())
                    .json().path("items").get(0).path("person").path("id").asString()).isEqualTo(id);
        }

        @Test
        void theDuplicatesReportListsLikelyPairsWithEvidence() {
            String given = uniqueName();
            var a = as(INTAKE).post("/api/people", aPerson(given, "Guardado", "Fuentes", "1977-07-07")).expect(201).json();
            var b = as(INTAKE).post("/api/people", with(aPerson(given, "Guardado", "Fuentes", "1977-07-07"),
                    "newPersonReason", "officer unsure")).expect(201).json();
            var report = as(LEGAL).get("/api/people/duplicates?limit=1000").expect(200).json();
            boolean listed = false;
            for (var pair : report) {
                var ids = List.of(pair.path("first").path("id").asString(), pair.path("second").path("id").asString());
                if (ids.contains(a.path("id").asString()) && ids.contains(b.path("id").asString())) {
                    listed = true;
                    assertThat(pair.path("evidence").toString()).contains("NAME").contains("BIRTH_DATE");
                }
            }
            assertThat(listed).isTrue();
        }

        @Test
        void twoOfficersRegisteringTheSameArrivalAtOnceMakeOneRecord() throws Exception {
            var body = with(aPerson(uniqueName(), "Lemus", "Cañas", "1982-08-08"), "documents",
                    List.of(passport("SV", "R" + System.nanoTime())));
            var pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> four = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    four.add(() -> as(INTAKE).post("/api/people", body).status());
                }
                List<Integer> statuses = new ArrayList<>();
                for (var f : pool.invokeAll(four)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).containsOnlyOnce(201);
                assertThat(statuses).containsOnly(201, 409);
            } finally {
                pool.shutdown();
            }
        }
    }
}

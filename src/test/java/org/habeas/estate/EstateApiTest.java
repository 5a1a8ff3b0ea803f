package org.habeas.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.estate.EstateFixtures.aCode;
import static org.habeas.estate.EstateFixtures.aFacility;
import static org.habeas.estate.EstateFixtures.aLayout;
import static org.habeas.estate.EstateFixtures.cell;
import static org.habeas.estate.EstateFixtures.layout;
import static org.habeas.estate.EstateFixtures.module;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.access.UserChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** The estate API: facilities, layouts, capacity rules, status, overrides, expansions and figures (REQ-23..29). */
class EstateApiTest extends IntegrationTest {

    @Autowired
    Occupancy occupancy;

    @Autowired
    PlatformTransactionManager transactions;

    String code;

    @BeforeEach
    void aFacilityOfItsOwn() {
        code = aCode();
        as(Role.DIRECTOR).post("/api/facilities", aFacility(code)).expect(201);
    }

    String facilities() {
        return "/api/facilities";
    }

    String locations() {
        return "/api/facilities/" + code + "/locations";
    }

    ApiClient director() {
        return as(Role.DIRECTOR);
    }

    /** Imports a small layout (two modules of three 10 m² cells, 2/3/4 places) and returns the cells by path. */
    Map<String, UUID> smallLayout() {
        director().post(locations(), aLayout(1, 2, 3, 10, 2, 3, 4)).expect(201);
        return idsByPath();
    }

    Map<String, UUID> idsByPath() {
        Map<String, UUID> ids = new java.util.HashMap<>();
        director().get(locations()).expect(200).json()
                .forEach(l -> ids.put(l.path("pathKey").asString().substring(code.length() + 1),
                        UUID.fromString(l.path("id").asString())));
        return ids;
    }

    String location(UUID id) {
        return locations() + "/" + id;
    }

    void occupy(UUID cell, int people) {
        var tx = new TransactionTemplate(transactions);
        for (int i = 0; i < people; i++) {
            tx.executeWithoutResult(s -> occupancy.occupy(new LocationId(cell), CapacityLimit.OPERATIONAL));
        }
    }

    Map<String, Object> capacity(Integer cna, Integer operational, Integer maximum) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("certifiedNormal", cna);
        body.put("operational", operational);
        body.put("maximum", maximum);
        body.put("reason", "Recount after refurbishment");
        return body;
    }

    @Nested
    @DisplayName("/api/facilities")
    class Facilities {

        @Nested
        class Security {
            @Test
            void refusedWithoutLogin() {
                anonymous().get(facilities()).expect(401);
                anonymous().post(facilities(), aFacility(aCode())).expect(401);
            }

            @Test
            void agencyReadsNothing() {
                as(Role.AGENCY).get(facilities()).expect(403).code("FORBIDDEN");
            }

            @Test
            void onlyDirectorOrAdminRegisters() {
                as(Role.HOUSING).post(facilities(), aFacility(aCode())).expect(403).code("FORBIDDEN");
                as(Role.INSPECTOR).post(facilities(), aFacility(aCode())).expect(403).code("FORBIDDEN");
                as(Role.ADMIN).post(facilities(), aFacility(aCode())).expect(201);
            }

            @Test
            void aUserLimitedToOneFacilityNeverSeesAnother() {
                String other = aCode();
                director().post(facilities(), aFacility(other)).expect(201);
                var limited = newUser(Role.DIRECTOR);
                access.changeUser(limited.id(), new UserChange(null, null, Set.of(code), null, "scope"));
                var client = anonymous().basic(limited.username(), PASSWORD_OF_TEST_USERS);
                client.get("/api/facilities/" + code).expect(200);
                client.get("/api/facilities/" + other).expect(404).code("FACILITY_NOT_FOUND");
                client.get("/api/facilities/" + other + "/locations").expect(404).code("FACILITY_NOT_FOUND");
                client.get("/api/facilities/" + other + "/occupancy").expect(404).code("FACILITY_NOT_FOUND");
                client.post("/api/facilities/" + other + "/locations", aLayout(1, 1, 1, 10, 1, 1, 1))
                        .expect(404).code("FACILITY_NOT_FOUND");
                List<String> listed = new ArrayList<>();
                client.get(facilities()).expect(200).json().forEach(f -> listed.add(f.path("code").asString()));
                assertThat(listed).containsExactly(code);
                // Its locations answer 404 too, through the other facility's code or its own.
                director().post("/api/facilities/" + other + "/locations", aLayout(1, 1, 1, 10, 1, 1, 1))
                        .expect(201);
                String cellOfOther = director().get("/api/facilities/" + other + "/locations").json().get(1)
                        .path("id").asString();
                client.get("/api/facilities/" + other + "/locations/" + cellOfOther).expect(404)
                        .code("FACILITY_NOT_FOUND");
                client.get(locations() + "/" + cellOfOther).expect(404).code("LOCATION_NOT_FOUND");
                client.post(facilities(), aFacility(aCode())).expect(403).code("FORBIDDEN");
            }
        }

        @Nested
        class Validation {
            @Test
            void countryIsIso3166() {
                var body = aFacility(aCode());
                body.put("country", "XX");
                director().post(facilities(), body).expect(400).code("VALIDATION_FAILED").field("country");
            }

            @Test
            void timeZoneIsIana() {
                var body = aFacility(aCode());
                body.put("timeZone", "Mars/Olympus");
                director().post(facilities(), body).expect(400).code("VALIDATION_FAILED").field("timeZone");
            }

            @Test
            void anInspectionAuthorityIsRequired() {   // REQ-47: only supervised places
                var body = aFacility(aCode());
                body.remove("inspectionAuthority");
                director().post(facilities(), body).expect(400).code("VALIDATION_FAILED")
                        .field("inspectionAuthority");
            }

            @Test
            void aTypeOutsideTheListIsRefused() {
                var body = aFacility(aCode());
                body.put("type", "CASTLE");
                director().post(facilities(), body).expect(400).code("VALIDATION_FAILED").field("type");
            }

            @Test
            void aCodeIsUsedOnce() {
                director().post(facilities(), aFacility(code)).expect(409).code("FACILITY_CODE_TAKEN");
            }
        }

        @Nested
        class HappyPath {
            @Test
            void registersWithItsAuthoritiesAndJournalsIt() {
                var facility = director().get("/api/facilities/" + code).expect(200).json();
                assertThat(facility.path("timeZone").asString()).isEqualTo("America/El_Salvador");
                assertThat(facility.path("inspectionAuthority").asString()).startsWith("Procuraduría");
                assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = 'FACILITY_CREATED' "
                        + "AND subject_id = :code").param("code", code).query(Long.class).single()).isEqualTo(1);
            }

            @Test
            void aRepeatWithTheSameKeyReturnsTheFirstResult() {
                String again = aCode();
                var first = director().header("Idempotency-Key", "k-" + again).post(facilities(), aFacility(again))
                        .expect(201);
                var second = director().header("Idempotency-Key", "k-" + again).post(facilities(), aFacility(again))
                        .expect(201);
                assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(second.json().path("code").asString()).isEqualTo(first.json().path("code").asString());
            }
        }
    }

    @Nested
    @DisplayName("POST /api/facilities/{code}/locations (layout import)")
    class LayoutImport {

        @Test
        void housingOfficersCannotImport() {
            as(Role.HOUSING).post(locations(), aLayout(1, 1, 1, 10, 1, 1, 1)).expect(403).code("FORBIDDEN");
            anonymous().post(locations(), aLayout(1, 1, 1, 10, 1, 1, 1)).expect(401);
        }

        @Test
        void theReferenceLayoutShowsDeclaredBesideAreaBasedCapacity() throws Exception {
            String cecot = Files.readString(Path.of("docs/examples/cecot-layout.json"));
            var imported = director().post(locations(), cecot).expect(201).json();
            assertThat(imported.path("created").asInt()).isEqualTo(8 + 256);
            var figures = director().get("/api/facilities/" + code).expect(200).json().path("figures");
            assertThat(figures.path("cells").asInt()).isEqualTo(256);
            assertThat(figures.path("maximum").asLong()).isEqualTo(39_936);
            // REQ-26: 100 m² / 3.4 = 29 (ICRC shared) and 100 / 4 = 25 (CPT) per cell.
            assertThat(figures.path("areaBased").path("icrc").asLong()).isEqualTo(7_424);
            assertThat(figures.path("areaBased").path("cpt").asLong()).isEqualTo(6_400);
            assertThat(figures.path("declaredExceedsIcrc").asBoolean()).isTrue();
            assertThat(figures.path("cellsOverIcrc").asInt()).isEqualTo(256);
            var cell = director().get(locations()).json().get(1);
            assertThat(cell.path("pathKey").asString()).isEqualTo(code + "-M1-C01");
            assertThat(cell.path("areaBased").path("icrc").asInt()).isEqualTo(29);
            assertThat(cell.path("areaBased").path("cpt").asInt()).isEqualTo(25);
        }

        @Test
        void importingTheSameLayoutTwiceChangesNothing() {
            director().post(locations(), aLayout(1, 2, 4, 20, 4, 5, 6)).expect(201);
            long journaled = journalCount("LAYOUT_IMPORTED");
            var again = director().post(locations(), aLayout(1, 2, 4, 20, 4, 5, 6)).expect(200).json();
            assertThat(again.path("created").asInt()).isZero();
            assertThat(again.path("unchanged").asInt()).isEqualTo(10);
            assertThat(journalCount("LAYOUT_IMPORTED")).isEqualTo(journaled);
            assertThat(director().get(locations()).json().size()).isEqualTo(10);
        }

        @Test
        void aLayoutWithManyErrorsIsRefusedWholeWithEveryErrorAndItsPlace() {
            var bad = cell("M1-C02", "M1", -5, 1, 1, 1);
            var negative = cell("M1-C03", "M1", 10, 1, -1, 1);
            var orphan = cell("M7-C01", "M7", 10, 1, 1, 1);
            var cycleA = module("A");
            cycleA.put("parent", "B");
            var cycleB = module("B");
            cycleB.put("parent", "A");
            var above = cell("M1-C04", "M1", 10, 1, 5, 2);
            var layout = layout(List.of(module("M1"), cell("M1-C01", "M1", 10, 1, 1, 1),
                    cell("M1-C01", "M1", 10, 1, 1, 1), bad, negative, orphan, cycleA, cycleB, above));
            var problem = director().post(locations(), layout).expect(422).code("LAYOUT_INVALID").json();
            List<String> errors = new ArrayList<>();
            problem.path("errors").forEach(e -> errors.add(e.path("path").asString() + " " + e.path("code").asString()));
            assertThat(errors).contains("locations[2].path DUPLICATE_KEY", "locations[3].floorAreaM2 NEGATIVE_AREA",
                    "locations[4].operationalCapacity NEGATIVE_CAPACITY", "locations[5].parent UNKNOWN_PARENT",
                    "locations[6].parent CYCLE", "locations[7].parent CYCLE",
                    "locations[8].operationalCapacity OPERATIONAL_ABOVE_MAXIMUM");
            assertThat(director().get(locations()).json().size()).as("nothing written").isZero();
        }

        @Test
        void aCellCannotContainAnotherAndAModuleHasNoCapacity() {
            var inner = cell("M1-C01-X", "M1-C01", 10, 1, 1, 1);
            var moduleWithCapacity = module("M2");
            moduleWithCapacity.put("maximumCapacity", 5);
            var problem = director().post(locations(), layout(List.of(module("M1"),
                    cell("M1-C01", "M1", 10, 1, 1, 1), inner, moduleWithCapacity))).expect(422).json();
            assertThat(problem.path("errors").toString()).contains("PARENT_CANNOT_CONTAIN", "CAPACITY_NOT_APPLICABLE");
        }

        @Test
        void aBadDocumentIsAProblemNotAnError() {
            director().raw("POST", locations(), "application/json", "{\"locations\": 5}").expect(400)
                    .code("VALIDATION_FAILED");
            director().raw("POST", locations(), "application/json", "{nope").expect(400).code("MALFORMED_REQUEST");
            director().post(locations(), Map.of("format", "other/1", "locations", List.of())).expect(422)
                    .code("LAYOUT_INVALID");
        }
    }

    @Nested
    @DisplayName("PUT /api/facilities/{code}/locations/{id}/capacity")
    class CapacityRules {

        @Test
        void onlyTheDirectorChangesCapacity() {
            UUID cell = smallLayout().get("M1-C01");
            anonymous().put(location(cell) + "/capacity", capacity(2, 3, 5)).expect(401);
            as(Role.ADMIN).put(location(cell) + "/capacity", capacity(2, 3, 5)).expect(403).code("FORBIDDEN");
            as(Role.HOUSING).put(location(cell) + "/capacity", capacity(2, 3, 5)).expect(403).code("FORBIDDEN");
        }

        @Test
        void operationalNeverAboveMaximum() {
            UUID cell = smallLayout().get("M1-C01");
            director().put(location(cell) + "/capacity", capacity(null, 6, null)).expect(422)
                    .code("OPERATIONAL_ABOVE_MAXIMUM").field("operational");
        }

        @Test
        void maximumNeverBelowThePopulation() {
            UUID cell = smallLayout().get("M1-C01");
            occupy(cell, 3);
            director().put(location(cell) + "/capacity", capacity(null, 2, 2)).expect(409)
                    .code("MAXIMUM_BELOW_POPULATION").field("maximum");
        }

        @Test
        void operationalNeverBelowThePopulationOfANormalCell() {
            UUID cell = smallLayout().get("M1-C01");
            occupy(cell, 3);
            director().put(location(cell) + "/capacity", capacity(null, 2, null)).expect(409)
                    .code("OPERATIONAL_BELOW_POPULATION").field("operational");
        }

        @Test
        void aModuleHasNoCapacityOfItsOwn() {
            UUID module = smallLayout().get("M1");
            director().put(location(module) + "/capacity", capacity(1, 1, 1)).expect(422)
                    .code("CAPACITY_NOT_APPLICABLE");
        }

        @Test
        void badFiguresAreNamed() {
            UUID cell = smallLayout().get("M1-C01");
            director().put(location(cell) + "/capacity", capacity(-1, null, null)).expect(400)
                    .code("VALIDATION_FAILED").field("certifiedNormal");
            var noReason = capacity(1, null, null);
            noReason.remove("reason");
            director().put(location(cell) + "/capacity", noReason).expect(400).field("reason");
            director().put(locations() + "/not-a-uuid/capacity", capacity(1, 1, 1)).expect(400).field("id");
            director().put(location(UUID.randomUUID()) + "/capacity", capacity(1, 1, 1)).expect(404)
                    .code("LOCATION_NOT_FOUND");
        }

        @Test
        void aStaleVersionIsRefused() {
            UUID cell = smallLayout().get("M1-C01");
            var body = capacity(1, null, null);
            body.put("expectedVersion", 7);
            director().put(location(cell) + "/capacity", body).expect(409).code("LOCATION_CHANGED");
        }

        @Test
        void aChangeIsKeptWithOldAndNewValuesAndRollsUp() {
            UUID cell = smallLayout().get("M1-C01");
            var changed = director().put(location(cell) + "/capacity", capacity(3, 4, 6)).expect(200).json();
            assertThat(changed.path("capacity").path("maximum").asInt()).isEqualTo(6);
            assertThat(changed.path("version").asLong()).isEqualTo(1);
            var history = director().get(location(cell) + "/history").expect(200).json();
            assertThat(history.size()).isEqualTo(1);
            assertThat(history.get(0).path("reason").asString()).isEqualTo("Recount after refurbishment");
            assertThat(history.get(0).path("changes").toString())
                    .contains("\"attribute\":\"maximumCapacity\",\"from\":\"4\",\"to\":\"6\"");
            var figures = director().get("/api/facilities/" + code).json().path("figures");
            assertThat(figures.path("maximum").asLong()).isEqualTo(5 * 4 + 6);
            assertThat(journalCount("LOCATION_CAPACITY_CHANGED", cell.toString())).isEqualTo(1);
        }

        @Test
        void concurrentEditsOfTheSameVersionLoseNoUpdate() throws Exception {
            UUID cell = smallLayout().get("M1-C01");
            int editors = 8;
            List<Callable<Integer>> edits = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < editors; i++) {
                var body = capacity(null, null, 10 + i);
                body.put("expectedVersion", 0);
                edits.add(() -> {
                    start.await();
                    return director().put(location(cell) + "/capacity", body).status();
                });
            }
            var pool = Executors.newFixedThreadPool(editors);
            var futures = edits.stream().map(pool::submit).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var f : futures) {
                statuses.add(f.get());
            }
            pool.shutdown();
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
            var history = director().get(location(cell) + "/history").json();
            assertThat(history.size()).as("one change, and the history says what it replaced").isEqualTo(1);
            assertThat(history.get(0).path("changes").get(0).path("from").asString()).isEqualTo("4");
        }
    }

    @Nested
    @DisplayName("PUT /api/facilities/{code}/locations/{id}/status and PATCH attributes")
    class StatusAndAttributes {

        Map<String, Object> deactivate(String why) {
            return Map.of("status", "INACTIVE", "inactiveReason", why, "reason", "Water damage in the block");
        }

        @Test
        void aPlaceHoldingPeopleStaysInUse() {
            var ids = smallLayout();
            occupy(ids.get("M1-C02"), 1);
            director().put(location(ids.get("M1-C02")) + "/status", deactivate("DAMAGED")).expect(409)
                    .code("LOCATION_OCCUPIED");
            director().put(location(ids.get("M1")) + "/status", deactivate("DAMAGED")).expect(409)
                    .code("LOCATION_OCCUPIED");
        }

        @Test
        void aReasonIsNeededToTakeAPlaceOutOfUse() {
            UUID cell = smallLayout().get("M1-C01");
            director().put(location(cell) + "/status", Map.of("status", "INACTIVE", "reason", "x")).expect(400)
                    .code("VALIDATION_FAILED").field("inactiveReason");
            as(Role.INSPECTOR).put(location(cell) + "/status", deactivate("SEALED")).expect(403);
        }

        @Test
        void aModuleOutOfUseTakesItsCellsAlongAndOutOfTheFigures() {
            var ids = smallLayout();
            director().put(location(ids.get("M2")) + "/status", deactivate("MAINTENANCE")).expect(200);
            var cell = director().get(location(ids.get("M2-C01"))).json();
            assertThat(cell.path("status").asString()).isEqualTo("INACTIVE");
            assertThat(cell.path("inactiveReason").asString()).isEqualTo("MAINTENANCE");
            var figures = director().get("/api/facilities/" + code).json().path("figures");
            assertThat(figures.path("cells").asInt()).isEqualTo(3);
            assertThat(figures.path("maximum").asLong()).isEqualTo(12);
            var tx = new TransactionTemplate(transactions);
            tx.executeWithoutResult(s -> org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    occupancy.occupy(new LocationId(ids.get("M2-C01")), CapacityLimit.OPERATIONAL))
                    .isInstanceOf(EstateRefused.class).hasFieldOrPropertyWithValue("code",
                            org.habeas.common.ErrorCode.LOCATION_INACTIVE));
            director().put(location(ids.get("M2")) + "/status", Map.of("status", "ACTIVE", "reason", "Repaired"))
                    .expect(200);
            assertThat(director().get("/api/facilities/" + code).json().path("figures").path("cells").asInt())
                    .isEqualTo(6);
        }

        @Test
        void attributesAreEditedWithHistory() {
            UUID cell = smallLayout().get("M1-C01");
            var changed = as(Role.ADMIN).patch(location(cell), Map.of("floorAreaM2", 12.5, "ceilingHeightM", 2.8,
                    "sanitaryAnnexPartitioned", true, "reason", "Measured on site")).expect(200).json();
            assertThat(changed.path("areaBased").path("icrc").asInt()).isEqualTo(3);   // 12.5 / 3.4
            assertThat(changed.path("areaBased").path("cpt").asInt()).isEqualTo(3);    // 12.5 / 4
            var history = director().get(location(cell) + "/history").json();
            assertThat(history.get(0).path("changes").toString()).contains("floorAreaM2", "ceilingHeightM",
                    "sanitaryAnnexPartitioned");
            as(Role.ADMIN).patch(location(cell), Map.of("floorAreaM2", -1, "reason", "x")).expect(400)
                    .field("floorAreaM2");
        }
    }

    @Nested
    @DisplayName("POST /api/facilities/{code}/locations/{id}/overrides")
    class Overrides {

        Map<String, Object> anOverride(int capacity, Instant expires) {
            return Map.of("capacity", capacity, "reason", "Temporary overcrowding after a transfer",
                    "decisionReference", "DGCP-2025-17", "expiresAt", expires.toString());
        }

        @Test
        void anOverrideIsAboveOperationalAtMostMaximumAndExpires() {
            UUID cell = smallLayout().get("M1-C01");   // 2 / 3 / 4
            String overrides = location(cell) + "/overrides";
            Instant inAWeek = Instant.now().plus(7, ChronoUnit.DAYS);
            as(Role.ADMIN).post(overrides, anOverride(4, inAWeek)).expect(403);
            director().post(overrides, anOverride(3, inAWeek)).expect(422).code("OVERRIDE_NOT_ABOVE_OPERATIONAL");
            director().post(overrides, anOverride(5, inAWeek)).expect(422).code("OVERRIDE_ABOVE_MAXIMUM");
            director().post(overrides, anOverride(4, Instant.now().minusSeconds(60))).expect(422)
                    .code("OVERRIDE_EXPIRY_INVALID").field("expiresAt");
            director().post(overrides, anOverride(4, Instant.now().plus(400, ChronoUnit.DAYS))).expect(422)
                    .code("OVERRIDE_EXPIRY_INVALID");
            var recorded = director().post(overrides, anOverride(4, inAWeek)).expect(201).json();
            assertThat(recorded.path("approvedBy").asString()).isNotBlank();
            // With the override in force, the normal limit reaches 4 instead of 3.
            occupy(cell, 4);
            assertThat(director().get(location(cell)).json().path("population").asInt()).isEqualTo(4);
        }
    }

    @Nested
    @DisplayName("/api/facilities/{code}/expansions and the capacity timeline")
    class Expansions {

        @Test
        void aProjectAddsPlannedCapacityThatCountsFromItsDateAndActivatesWhenOpened() {
            director().post(locations(), aLayout(1, 2, 2, 100, 156, 156, 156)).expect(201);
            LocalDate planned = LocalDate.now().plusYears(1);
            as(Role.ADMIN).post("/api/facilities/" + code + "/expansions",
                    Map.of("name", "Fase 2", "plannedOn", planned.toString())).expect(403);
            var project = director().post("/api/facilities/" + code + "/expansions",
                    Map.of("name", "Fase 2", "plannedOn", planned.toString())).expect(201).json();
            director().post("/api/facilities/" + code + "/expansions",
                    Map.of("name", "Fase 2", "plannedOn", planned.toString())).expect(409)
                    .code("EXPANSION_NAME_TAKEN");
            String expansion = "/api/facilities/" + code + "/expansions/" + project.path("id").asString();
            director().post(expansion + "/locations", aLayout(3, 2, 2, 100, 156, 156, 156)).expect(201);
            director().post(expansion + "/locations", aLayout(3, 2, 2, 100, 156, 156, 156)).expect(200);

            assertThat(director().get("/api/facilities/" + code).json().path("figures").path("maximum").asLong())
                    .as("planned places do not count today").isEqualTo(4 * 156);
            var timeline = director().get("/api/facilities/" + code + "/capacity/timeline").expect(200).json();
            assertThat(timeline.size()).isEqualTo(2);
            assertThat(timeline.get(1).path("expansion").asString()).isEqualTo("Fase 2");
            assertThat(timeline.get(1).path("figures").path("maximum").asLong()).isEqualTo(8 * 156);
            assertThat(timeline.get(1).path("figures").path("areaBased").path("icrc").asLong()).isEqualTo(8 * 29);
            assertThat(director().get("/api/facilities/" + code + "/capacity?asOf=" + planned).json()
                    .path("figures").path("maximum").asLong()).isEqualTo(8 * 156);

            director().put(expansion + "/status", Map.of("status", "OPEN", "reason", "Handed over")).expect(200);
            director().put(expansion + "/status", Map.of("status", "PLANNED", "reason", "Undo")).expect(409)
                    .code("EXPANSION_STATUS_INVALID");
            director().post(expansion + "/locations", aLayout(5, 1, 1, 100, 1, 1, 1)).expect(409)
                    .code("EXPANSION_ALREADY_OPEN");
            assertThat(director().get("/api/facilities/" + code).json().path("figures").path("maximum").asLong())
                    .isEqualTo(8 * 156);
        }

        @Test
        void readsNeedASignedInRoleOtherThanAgency() {
            anonymous().get("/api/facilities/" + code + "/expansions").expect(401);
            as(Role.AGENCY).get("/api/facilities/" + code + "/capacity/timeline").expect(403);
            as(Role.INSPECTOR).get("/api/facilities/" + code + "/capacity?asOf=nonsense").expect(400).field("asOf");
        }
    }

    @Nested
    @DisplayName("GET /api/facilities/{code}/occupancy")
    class OccupancyFigures {

        @Test
        void ratesAndCrowdingRollUpTheTreeFromTheStoredPopulation() {
            var ids = smallLayout();   // 10 m² cells: 2 CNA / 3 operational / 4 maximum; ICRC 2, CPT 2
            occupy(ids.get("M1-C01"), 3);
            occupy(ids.get("M1-C02"), 1);
            var report = director().get("/api/facilities/" + code + "/occupancy").expect(200).json();
            JsonNode total = report.path("total");
            assertThat(total.path("population").asLong()).isEqualTo(4);
            assertThat(total.path("operational").asLong()).isEqualTo(18);
            assertThat(total.path("occupancyRate").decimalValue()).isEqualByComparingTo("22.2");
            assertThat(total.path("aboveCertifiedNormal").asLong()).isEqualTo(1);
            assertThat(total.path("inCrowdedCells").asLong()).isEqualTo(3);
            assertThat(total.path("squareMetresPerPerson").decimalValue()).isEqualByComparingTo("5.00");
            JsonNode m1 = null;
            JsonNode c1 = null;
            for (JsonNode level : report.path("levels")) {
                if (level.path("pathKey").asString().equals(code + "-M1")) {
                    m1 = level;
                }
                if (level.path("pathKey").asString().equals(code + "-M1-C01")) {
                    c1 = level;
                }
            }
            assertThat(m1.path("figures").path("population").asLong()).isEqualTo(4);
            assertThat(m1.path("figures").path("occupancyRate").decimalValue()).isEqualByComparingTo("44.4");
            assertThat(c1.path("figures").path("occupancyRate").decimalValue()).isEqualByComparingTo("100.0");
            assertThat(c1.path("figures").path("squareMetresPerPerson").decimalValue())
                    .isEqualByComparingTo("3.33");
            assertThat(c1.path("figures").path("declaredExceedsIcrc").asBoolean()).isTrue();
        }
    }

    long journalCount(String action) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = :a AND facility = :f").param("a", action)
                .param("f", code).query(Long.class).single();
    }

    long journalCount(String action, String subject) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = :a AND subject_id = :s")
                .param("a", action).param("s", subject).query(Long.class).single();
    }
}

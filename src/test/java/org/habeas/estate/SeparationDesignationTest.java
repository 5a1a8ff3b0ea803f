package org.habeas.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.estate.EstateFixtures.aCode;
import static org.habeas.estate.EstateFixtures.aFacility;
import static org.habeas.estate.EstateFixtures.aLayout;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.habeas.ApiClient;
import org.habeas.ApiResponse;
import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Whom a unit is for (REQ-20, Mandela Rule 11): set by the director, kept with history, never contradictory. */
@DisplayName("separation designations of locations")
class SeparationDesignationTest extends IntegrationTest {

    String code;
    Map<String, UUID> ids;

    @BeforeEach
    void aFacilityWithTwoModules() {
        code = aCode();
        director().post("/api/facilities", aFacility(code)).expect(201);
        director().post("/api/facilities/" + code + "/locations", aLayout(1, 2, 2, 10, 2, 3, 4)).expect(201);
        ids = new HashMap<>();
        director().get("/api/facilities/" + code + "/locations").expect(200).json()
                .forEach(l -> ids.put(l.path("pathKey").asString().substring(code.length() + 1),
                        UUID.fromString(l.path("id").asString())));
    }

    ApiClient director() {
        return as(Role.DIRECTOR);
    }

    String separation(String path) {
        return "/api/facilities/" + code + "/locations/" + ids.get(path) + "/separation";
    }

    static Map<String, Object> designation(String sex, String ageGroup, String detention, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sex", sex);
        body.put("ageGroup", ageGroup);
        body.put("detention", detention);
        body.put("reason", reason);
        return body;
    }

    ApiResponse designate(String path, String sex, String ageGroup, String detention) {
        return director().put(separation(path), designation(sex, ageGroup, detention, "classification plan 2026"));
    }

    @Test
    void theDirectorDesignatesAUnitAndTheChangeIsKeptAndJournaled() {
        var changed = designate("M1", "FEMALE", "ADULTS", null).expect(200).json();
        assertThat(changed.path("separation").path("sex").asString()).isEqualTo("FEMALE");
        assertThat(changed.path("separation").path("ageGroup").asString()).isEqualTo("ADULTS");
        assertThat(changed.path("separation").path("detention").isNull()).isTrue();

        var history = director().get("/api/facilities/" + code + "/locations/" + ids.get("M1") + "/history")
                .expect(200).json();
        assertThat(history.get(0).path("reason").asString()).isEqualTo("classification plan 2026");
        assertThat(history.get(0).path("changes").toString()).contains("forSex", "FEMALE", "forAgeGroup", "ADULTS");
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = 'LOCATION_SEPARATION_CHANGED'"
                + " AND facility = :f").param("f", code).query(Long.class).single()).isEqualTo(1);

        var opened = designate("M1", null, null, null).expect(200).json();
        assertThat(opened.path("separation").path("sex").isNull()).as("a designation can be lifted").isTrue();
    }

    @Test
    void aDesignationBelowCannotContradictOneAbove() {
        designate("M1", "FEMALE", null, null).expect(200);
        var refused = designate("M1-C01", "MALE", null, null).expect(409).code("SEPARATION_POLICY_CONFLICT");
        assertThat(refused.json().path("conflictsWith").asString()).isEqualTo(code + "-M1");
        assertThat(refused.json().path("field").asString()).isEqualTo("sex");
        designate("M1-C01", "FEMALE", "MINORS", null).expect(200);   // agreeing, and narrowing another kind

        refused = designate("M1", "FEMALE", "ADULTS", null).expect(409).code("SEPARATION_POLICY_CONFLICT");
        assertThat(refused.json().path("conflictsWith").asString()).as("nor one above, one below")
                .isEqualTo(code + "-M1-C01");
        designate("M2", "MALE", null, "CIVIL").expect(200);   // another module is no ancestor
    }

    @Test
    void badInputIsNamedAndChangesNothing() {
        director().put(separation("M1"), designation("WOMEN", null, null, "plan")).expect(400);
        director().put(separation("M1"), designation("FEMALE", null, null, " ")).expect(400)
                .code("VALIDATION_FAILED").field("reason");
        var stale = designation("FEMALE", null, null, "plan");
        stale.put("expectedVersion", 99);
        director().put(separation("M1"), stale).expect(409).code("LOCATION_CHANGED");
        director().put("/api/facilities/" + code + "/locations/" + UUID.randomUUID() + "/separation",
                designation("FEMALE", null, null, "plan")).expect(404).code("LOCATION_NOT_FOUND");
        var location = director().get("/api/facilities/" + code + "/locations/" + ids.get("M1")).expect(200).json();
        assertThat(location.path("separation").path("sex").isNull()).isTrue();
    }

    @Test
    void aLayoutCarriesDesignationsAndAnImportThatContradictsOneIsRefusedWhole() {
        String layouts = "/api/facilities/" + code + "/locations";
        Map<String, Object> module = new LinkedHashMap<>(EstateFixtures.module("M3"));
        module.put("forSex", "FEMALE");
        module.put("forDetention", "CIVIL");
        Map<String, Object> cell = new LinkedHashMap<>(EstateFixtures.cell("M3-C01", "M3", 10, 2, 3, 4));
        cell.put("forAgeGroup", "ADULTS");   // narrows what the module leaves open
        director().post(layouts, EstateFixtures.layout(List.of(module, cell))).expect(201);
        director().post(layouts, EstateFixtures.layout(List.of(module, cell))).expect(200);   // unchanged

        var stored = director().get(layouts).expect(200).json();
        var m3 = StreamSupport.stream(stored.spliterator(), false)
                .filter(l -> l.path("pathKey").asString().equals(code + "-M3")).findFirst().orElseThrow();
        assertThat(m3.path("separation").path("sex").asString()).isEqualTo("FEMALE");
        assertThat(m3.path("separation").path("detention").asString()).isEqualTo("CIVIL");

        Map<String, Object> men = new LinkedHashMap<>(EstateFixtures.cell("M3-C02", "M3", 10, 2, 3, 4));
        men.put("forSex", "MALE");
        Map<String, Object> fine = EstateFixtures.cell("M3-C03", "M3", 10, 2, 3, 4);
        var refused = director().post(layouts, EstateFixtures.layout(List.of(fine, men))).expect(422)
                .code("LAYOUT_INVALID").json();
        assertThat(refused.path("errors").get(0).path("path").asString()).isEqualTo("locations[1].forSex");
        assertThat(refused.path("errors").get(0).path("code").asString()).isEqualTo("DESIGNATION_CONFLICT");
        assertThat(director().get(layouts).expect(200).json().size()).as("nothing written").isEqualTo(stored.size());

        Map<String, Object> bad = new LinkedHashMap<>(EstateFixtures.module("M4"));
        bad.put("forSex", "WOMEN");
        director().post(layouts, EstateFixtures.layout(List.of(bad))).expect(400);
    }

    @Test
    void onlyTheDirectorDesignates() {
        for (Role role : new Role[] {Role.HOUSING, Role.SUPERVISOR, Role.INSPECTOR, Role.ADMIN}) {
            as(role).put(separation("M1"), designation("FEMALE", null, null, "plan")).expect(403).code("FORBIDDEN");
        }
        anonymous().put(separation("M1"), designation("FEMALE", null, null, "plan")).expect(401);
        var location = director().get("/api/facilities/" + code + "/locations/" + ids.get("M1")).expect(200).json();
        assertThat(location.path("separation").path("sex").isNull()).isTrue();
    }
}

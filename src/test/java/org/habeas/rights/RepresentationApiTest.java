package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.habeas.rights.RightsFixtures.aPerson;
import static org.habeas.rights.RightsFixtures.aTransferTo;
import static org.habeas.rights.RightsFixtures.admit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.TestData;
import org.habeas.access.Role;
import org.habeas.access.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Verified representatives (REQ-16): a legal officer verifies counsel's account for a person; counsel then sees where
 * the person is and has been (facilities, never the cell) and how the duties stand, for that person only, until the
 * verification is revoked; the representative's account reaches nothing else.
 */
@DisplayName("/api/people/{id}/representatives, /api/represented")
class RepresentationApiTest extends IntegrationTest {

    private TestData.Estate estate;
    private TestData.Estate other;
    private UUID person;
    private UUID stranger;
    private UserAccount counsel;
    private ApiClient asCounsel;

    @BeforeEach
    void aPersonTransferredAndTheirCounselsAccount() {
        estate = TestData.aFacility(as(Role.DIRECTOR), "REP", 1, 4, 4, 4);
        other = TestData.aFacility(as(Role.DIRECTOR), "REQ", 1, 4, 4, 4);
        as(Role.DIRECTOR).put("/api/facilities/" + other.code() + "/contact", Map.of("address",
                "Calle Ficticia 9, Zacatecoluca", "telephone", "+503 0000 3333")).expect(200);
        person = aPerson(as(Role.INTAKE), estate.code(), "SV");
        admit(as(Role.INTAKE), person, estate.code());
        as(Role.HOUSING).post("/api/people/" + person + "/movements", Map.of("type", "PLACED",
                "toLocation", estate.cells().get(0).toString())).expect(201);
        as(Role.HOUSING).post("/api/people/" + person + "/movements", aTransferTo(other.code())).expect(201);
        stranger = aPerson(as(Role.INTAKE), estate.code(), "SV");
        admit(as(Role.INTAKE), stranger, estate.code());
        counsel = newUser(Role.REPRESENTATIVE);
        asCounsel = anonymous().basic(counsel.username(), PASSWORD_OF_TEST_USERS);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(Role.INSPECTOR)
                .get("/api/people/" + person + "/notifications").expect(200).json().size() == 2);
    }

    private String verify(Map<String, Object> body) {
        return as(Role.LEGAL).post("/api/people/" + person + "/representatives", body).expect(201).json()
                .path("id").asString();
    }

    private static Map<String, Object> asCounselOf(String username) {
        return Map.of("username", username, "kind", "COUNSEL", "evidence", "power of attorney PA-2026-118");
    }

    @Test
    void verifiedCounselSeesWhereThePersonIsAndHasBeenAndWhoWasToldNeverTheCell() {
        asCounsel.get("/api/represented/" + person).expect(404).code("PERSON_NOT_FOUND");
        verify(asCounselOf(counsel.username()));

        JsonNode seen = asCounsel.get("/api/represented/" + person).expect(200).json();
        assertThat(seen.path("as").asString()).isEqualTo("COUNSEL");
        assertThat(seen.path("now").path("state").asString()).isEqualTo("IN_TRANSIT");
        assertThat(seen.path("now").path("transferTo").path("code").asString()).isEqualTo(other.code());
        List<String> steps = seen.path("history").valueStream().map(s -> s.path("movement").asString()).toList();
        assertThat(steps).containsExactly("ADMITTED", "PLACED", "TRANSFERRED_OUT");
        assertThat(seen.path("history").get(2).path("to").asString()).isEqualTo(other.code());
        assertThat(seen.path("notifications").valueStream().map(d -> d.path("occasion").asString()).toList())
                .containsExactly("ADMISSION", "TRANSFER");
        assertThat(seen.toString()).doesNotContain("M1-C01").doesNotContain(estate.cells().get(0).toString())
                .doesNotContain("escort team 4").doesNotContain("Hermana de prueba");
        assertThat(asCounsel.get("/api/represented").expect(200).json().size()).isEqualTo(1);
        // The transfer notice to family and counsel names the receiving facility's published address and telephone.
        JsonNode transfer = as(Role.INSPECTOR).get("/api/people/" + person + "/notifications").expect(200).json()
                .get(1).path("notice");
        assertThat(transfer.path("toFacilityAddress").asString()).isEqualTo("Calle Ficticia 9, Zacatecoluca");
        assertThat(transfer.path("toFacilityTelephone").asString()).isEqualTo("+503 0000 3333");

        // Nobody else's record, and nothing else of the register.
        asCounsel.get("/api/represented/" + stranger).expect(404).code("PERSON_NOT_FOUND");
        asCounsel.get("/api/people/" + person).expect(403);
        asCounsel.get("/api/people/" + person + "/movements").expect(403);
        asCounsel.get("/api/people/" + person + "/notifications").expect(403);
        asCounsel.get("/api/facilities").expect(403);
        asCounsel.get("/api/notifications/overdue").expect(403);

        var journaled = as(Role.INSPECTOR).get("/api/journal?actor=" + counsel.username()).expect(200).json();
        assertThat(journaled.path("total").asLong()).isPositive();
    }

    @Test
    void aRevokedVerificationEndsTheViewAndARestrictionShowsOnlyItsGround() {
        String id = verify(asCounselOf(counsel.username()));
        as(Role.LEGAL).post("/api/people/" + person + "/representatives", asCounselOf(counsel.username()))
                .expect(409).code("REPRESENTATION_IN_FORCE");
        String restriction = as(Role.LEGAL).post("/api/people/" + person + "/locator-restrictions", Map.of(
                "ground", "protected witness under judicial control", "orderedBy", "Juzgado Primero de Instrucción",
                "reference", "JPI-9/2026")).expect(201).json().path("id").asString();
        JsonNode restricted = asCounsel.get("/api/represented/" + person).expect(200).json();
        assertThat(restricted.path("restrictionGround").asString()).isEqualTo("protected witness under judicial control");
        assertThat(restricted.path("history").size()).isZero();
        assertThat(restricted.path("now").isNull() || restricted.path("now").isMissingNode()).isTrue();
        as(Role.LEGAL).post("/api/people/" + person + "/locator-restrictions/" + restriction + "/lift", Map.of())
                .expect(200);

        as(Role.LEGAL).post("/api/people/" + person + "/representatives/" + id + "/revoke", Map.of()).expect(200);
        asCounsel.get("/api/represented/" + person).expect(404).code("PERSON_NOT_FOUND");
        as(Role.LEGAL).post("/api/people/" + person + "/representatives/" + id + "/revoke", Map.of()).expect(404)
                .code("REPRESENTATION_NOT_FOUND");
        JsonNode listed = as(Role.INSPECTOR).get("/api/people/" + person + "/representatives").expect(200).json();
        assertThat(listed.get(0).path("revokedBy").isString()).isTrue();
    }

    @Test
    void onlyARepresentativesAccountIsVerifiedAndOnlyByALegalOfficer() {
        as(Role.INTAKE).post("/api/people/" + person + "/representatives", asCounselOf(counsel.username()))
                .expect(403);
        as(Role.INSPECTOR).post("/api/people/" + person + "/representatives", asCounselOf(counsel.username()))
                .expect(403);
        as(Role.LEGAL).post("/api/people/" + person + "/representatives", asCounselOf(newUser(Role.HOUSING)
                .username())).expect(400).code("REPRESENTATIVE_ROLE_REQUIRED").field("username");
        as(Role.LEGAL).post("/api/people/" + person + "/representatives", asCounselOf("nobody-" + UUID.randomUUID()
                .toString().substring(0, 8))).expect(404).code("USER_NOT_FOUND");
        as(Role.LEGAL).post("/api/people/" + person + "/representatives", Map.of("username", counsel.username(),
                "kind", "COUNSEL")).expect(400).code("VALIDATION_FAILED").field("evidence");
        as(Role.HOUSING).get("/api/represented").expect(403);
        as(Role.HOUSING).get("/api/people/" + person + "/representatives").expect(403);
        as(Role.LEGAL).post("/api/people/" + person + "/representatives/" + UUID.randomUUID() + "/revoke", Map.of())
                .expect(404).code("REPRESENTATION_NOT_FOUND");
        as(Role.SUPERVISOR).post("/api/people/" + person + "/representatives/" + UUID.randomUUID() + "/revoke",
                Map.of()).expect(403);
        anonymous().get("/api/represented").expect(401);
    }

    @Test
    void theRepresentativesPageShowsThePersonInSpanish() {
        verify(Map.of("username", counsel.username(), "kind", "FAMILY", "evidence", "family record book 44-B"));
        PageSession page = new PageSession(baseUrl()).logOn(counsel.username(), PASSWORD_OF_TEST_USERS);
        String body = page.get("/represented?lang=es").body();
        assertThat(body).contains("Las personas que represento").contains("id=\"nav-represented\"")
                .contains("En traslado desde").contains("Traslado").doesNotContain("M1-C01")
                .doesNotContain("id=\"nav-estate\"");
        assertThat(page.get("/people/" + person).statusCode()).isEqualTo(403);
        assertThat(page.get("/").body()).doesNotContain("id=\"duties-card\"");
        PageSession housing = new PageSession(baseUrl()).logOn(newUser(Role.HOUSING).username(),
                PASSWORD_OF_TEST_USERS);
        assertThat(housing.get("/represented").statusCode()).isEqualTo(403);
    }
}

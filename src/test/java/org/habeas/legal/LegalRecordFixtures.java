package org.habeas.legal;

import static org.habeas.TestData.syntheticName;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.TestData;
import org.habeas.TestData.Estate;

/**
 * A held person and the legal record a removal needs, built through the API: the facility, the person (synthetic,
 * with nationalities and languages), the admission, and the orders, reviews, notices and policies the legal rules
 * read.
 */
final class LegalRecordFixtures {

    private static final Random RANDOM = new Random();

    private LegalRecordFixtures() {
    }

    /** A facility of one module with {@code cells} cells of room for 10. */
    static Estate aFacility(ApiClient director, int cells) {
        return TestData.aFacility(director, "L", cells, 5, 10, 10);
    }

    /** A synthetic person of {@code nationality}, who speaks Spanish, registered in {@code facility}. */
    static UUID aPerson(ApiClient intake, String facility, String nationality) {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("givenNames", syntheticName());
        name.put("firstFamilyName", syntheticName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("birthDate", "19%02d-0%d-1%d".formatted(60 + RANDOM.nextInt(40), 1 + RANDOM.nextInt(9),
                RANDOM.nextInt(10)));
        body.put("recordedSex", "MALE");
        body.put("nationalities", List.of(Map.of("country", nationality, "determinedFrom", "PASSPORT")));
        body.put("languages", List.of("es"));
        body.put("facility", facility);
        return UUID.fromString(intake.post("/api/people", body).expect(201).json().path("id").asString());
    }

    /** Admits {@code person} to {@code facility} under {@code legalStatus} (IMMIGRATION, PRE_TRIAL ...). */
    static void admit(ApiClient intake, UUID person, String facility, String legalStatus, String arrestedAt) {
        Map<String, Object> authority = new LinkedHashMap<>();
        authority.put("type", "IMMIGRATION".equals(legalStatus) ? "IMMIGRATION_DETENTION_ORDER" : "DETENTION_ORDER");
        authority.put("issuingAuthority", "Autoridad de prueba");
        authority.put("issuedOn", "2025-03-14");
        authority.put("documentReference", "DO-" + RANDOM.nextInt(1_000_000));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("facility", facility);
        body.put("legalStatus", legalStatus);
        body.put("authority", authority);
        Map<String, Object> arrest = new LinkedHashMap<>();
        arrest.put("place", "Aeropuerto de prueba");
        arrest.put("authority", "Autoridad migratoria de prueba");
        if (arrestedAt != null) {
            arrest.put("at", arrestedAt);
        }
        body.put("arrest", arrest);
        intake.post("/api/people/" + person + "/custody", body).expect(201);
    }

    static Map<String, Object> anOrder(String type, String country, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("issuedBy", "Immigration Court, Test District");
        body.put("caseNumber", "A" + (100_000_000 + RANDOM.nextInt(899_999_999)));
        body.put("decidedOn", LocalDate.now().minusDays(30).toString());
        body.put("country", country);
        body.put("documentReference", "EOIR-" + RANDOM.nextInt(1_000_000));
        body.put("text", text);
        return body;
    }

    /** The three policies the removal rules read, effective a year ago, set by an administrator. */
    static void policies(ApiClient admin, int noticeHours, boolean fearClaimBlocks, int freshnessDays) {
        String from = Instant.now().minus(365, ChronoUnit.DAYS).toString();
        admin.post("/api/legal/policies", Map.of("name", "NOTICE_WINDOW_HOURS", "value", "" + noticeHours,
                "effectiveFrom", from, "citation", "test policy: notice window")).expect(201);
        admin.post("/api/legal/policies", Map.of("name", "FEAR_CLAIM_BLOCKS", "value", "" + fearClaimBlocks,
                "effectiveFrom", from, "citation", "test policy: fear claims")).expect(201);
        admin.post("/api/legal/policies", Map.of("name", "REVIEW_FRESHNESS_DAYS", "value", "" + freshnessDays,
                "effectiveFrom", from, "citation", "test policy: freshness")).expect(201);
    }

    static void review(ApiClient legal, UUID person, String country) {
        legal.post("/api/people/" + person + "/legal/reviews", Map.of("country", country,
                "sourcesChecked", "EOIR case status; federal court docket", "conclusion", "no bar found"))
                .expect(201);
    }

    static Map<String, Object> aRemoval(String country) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", null);
        body.put("action", "REMOVAL");
        body.put("toCountry", country);
        body.put("toAuthority", "Dirección General de Migración");
        return body;
    }

    /**
     * Removes {@code person} (held in immigration custody in {@code facility}) to {@code country} through the API, as
     * a removal passes every rule: the policies, a final removal order, a fresh review for the country, and a
     * supervisor's second approval (REQ-53).
     */
    static void removed(ApiClient admin, ApiClient legal, ApiClient housing, ApiClient supervisor, UUID person,
                        String facility, String country) {
        policies(admin, 72, true, 30);
        legal.post("/api/people/" + person + "/orders", anOrder("FINAL_REMOVAL_ORDER", null, null)).expect(201);
        review(legal, person, country);
        Map<String, Object> movement = new LinkedHashMap<>();
        movement.put("personId", person.toString());
        movement.put("action", "REMOVAL");
        movement.put("facility", facility);
        movement.put("toCountry", country);
        movement.put("toAuthority", "Dirección General de Migración");
        String approval = housing.post("/api/overrides", Map.of("movement", movement, "rule", "SECOND_APPROVER",
                "reason", "removal on the final order", "legalBasis", "final order of removal",
                "expiresAt", Instant.now().plus(2, ChronoUnit.HOURS).toString())).expect(201).json().path("id")
                .asString();
        supervisor.post("/api/overrides/" + approval + "/approve", Map.of("reason", "checked the file")).expect(200);
        Map<String, Object> removal = new LinkedHashMap<>();
        removal.put("type", "REMOVED");
        removal.put("destination", country);
        removal.put("detail", "Dirección General de Migración");
        removal.put("authority", "final order of removal");
        removal.put("overrides", List.of(approval));
        housing.post("/api/people/" + person + "/movements", removal).expect(201);
    }

}

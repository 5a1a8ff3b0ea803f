package org.habeas.custody;

import static org.habeas.TestData.syntheticName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.TestData;
import org.habeas.TestData.Estate;

/** A facility with cells, people registered in it, admissions and movements, built through the API. */
final class CustodyFixtures {

    private static final Random RANDOM = new Random();

    private CustodyFixtures() {
    }

    static Estate aFacility(ApiClient director, int cells, int operational, int maximum) {
        return TestData.aFacility(director, "C", cells, Math.min(operational, Math.max(1, operational / 2)),
                operational, maximum);
    }

    /** A synthetic person registered and linked to {@code facility}; answers the person's id. */
    static UUID aPerson(ApiClient intake, String facility) {
        return aPerson(intake, facility, "MALE");
    }

    static UUID aPerson(ApiClient intake, String facility, String recordedSex) {
        return aPerson(intake, facility, recordedSex, "19%02d-0%d-1%d".formatted(60 + RANDOM.nextInt(40),
                1 + RANDOM.nextInt(9), RANDOM.nextInt(10)));
    }

    /** A synthetic person born on {@code birthDate} (ISO), e.g. a minor. */
    static UUID aPerson(ApiClient intake, String facility, String recordedSex, String birthDate) {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("givenNames", syntheticName());
        name.put("firstFamilyName", syntheticName());
        name.put("secondFamilyName", syntheticName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("birthDate", birthDate);
        body.put("recordedSex", recordedSex);
        body.put("nationalities", List.of(Map.of("country", "SV", "determinedFrom", "PASSPORT")));
        body.put("facility", facility);
        var registered = intake.post("/api/people", body).expect(201).json();
        return UUID.fromString(registered.path("id").asString());
    }

    static Map<String, Object> anAdmission(String facility) {
        Map<String, Object> authority = new LinkedHashMap<>();
        authority.put("type", "DETENTION_ORDER");
        authority.put("issuingAuthority", "Juzgado Especializado de Instrucción");
        authority.put("issuedOn", "2025-03-20");
        authority.put("documentReference", "JEI-" + RANDOM.nextInt(100_000));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("facility", facility);
        body.put("legalStatus", "PRE_TRIAL");
        body.put("authority", authority);
        body.put("arrest", Map.of("place", "San Vicente", "authority", "Policía Nacional Civil"));
        body.put("property", List.of(Map.of("description", "reloj de pulsera", "quantity", 1)));
        body.put("contacts", List.of(Map.of("relation", "NEXT_OF_KIN", "name", "Contacto " + syntheticName(),
                "phone", "+503 0000 0000")));
        return body;
    }

    /**
     * A person of {@code facility} admitted two hours ago and released an hour ago, both recorded late with a reason:
     * an admission time inside that earlier episode is what the exclusion constraint refuses (23P01).
     */
    static UUID aPersonReleasedAnHourAgo(ApiClient intake, ApiClient housing, String facility) {
        UUID person = aPerson(intake, facility);
        var early = new LinkedHashMap<>(anAdmission(facility));
        early.put("admittedAt", java.time.Instant.now().minusSeconds(7200).toString());
        early.put("reason", "register copied late");
        intake.post("/api/people/" + person + "/custody", early).expect(201);
        var release = aMove("RELEASED");
        release.put("occurredAt", java.time.Instant.now().minusSeconds(3600).toString());
        release.put("reason", "register copied late");
        release.put("destination", "family, at the gate");
        release.put("authority", "Juzgado de Paz");
        release.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "officer on duty", "basis", "COURT_ORDER"));
        housing.post("/api/people/" + person + "/movements", release).expect(201);
        return person;
    }

    /**
     * Clears {@code person} to leave for {@code country} (a REMOVAL or HANDOVER of a person not in immigration custody,
     * to their own country): the review freshness in force, a fresh review of the legal record, and a supervisor's
     * approval as the second person (REQ-53, REQ-56). Answers the approved override the movement names.
     */
    static String clearedToLeave(ApiClient admin, ApiClient legal, ApiClient requester, ApiClient supervisor,
                                 UUID person, String facility, String action, String country, String authority) {
        admin.post("/api/legal/policies", Map.of("name", "REVIEW_FRESHNESS_DAYS", "value", "30",
                "effectiveFrom", java.time.Instant.now().minus(java.time.Duration.ofDays(365)).toString(),
                "citation", "test policy")).expect(201);
        legal.post("/api/people/" + person + "/legal/reviews", Map.of("country", country,
                "sourcesChecked", "court docket", "conclusion", "no bar found")).expect(201);
        Map<String, Object> movement = new LinkedHashMap<>();
        movement.put("personId", person.toString());
        movement.put("action", action);
        movement.put("facility", facility);
        movement.put("toCountry", country);
        movement.put("toAuthority", authority);
        String id = requester.post("/api/overrides", Map.of("movement", movement, "rule", "SECOND_APPROVER",
                "reason", "handed over on the agreement", "legalBasis", "readmission agreement",
                "expiresAt", java.time.Instant.now().plus(java.time.Duration.ofHours(2)).toString())).expect(201)
                .json().path("id").asString();
        supervisor.post("/api/overrides/" + id + "/approve", Map.of("reason", "checked")).expect(200);
        return id;
    }

    static Map<String, Object> aMove(String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        return body;
    }

    static Map<String, Object> aPlacement(UUID cell) {
        Map<String, Object> body = aMove("PLACED");
        body.put("toLocation", cell.toString());
        return body;
    }

}

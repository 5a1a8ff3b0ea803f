package org.habeas.rights;

import static org.habeas.TestData.syntheticName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.TestData;

/** Facilities, people, admissions and movements for the rights tests, built through the API. */
final class RightsFixtures {

    private static final Random RANDOM = new Random();

    private RightsFixtures() {
    }

    /** A new facility with one cell; answers its code. */
    static String aFacility(ApiClient director) {
        // One cell, so that the facility has room to receive a transfer.
        return TestData.aFacility(director, "R", 1, 2, 4, 4).code();
    }

    /** A synthetic person of {@code nationality} registered in {@code facility}. */
    static UUID aPerson(ApiClient intake, String facility, String nationality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Map.of("givenNames", syntheticName(), "firstFamilyName", syntheticName(),
                "secondFamilyName", syntheticName()));
        body.put("birthDate", "19%02d-0%d-1%d".formatted(60 + RANDOM.nextInt(40), 1 + RANDOM.nextInt(9),
                RANDOM.nextInt(10)));
        body.put("recordedSex", "MALE");
        body.put("nationalities", List.of(Map.of("country", nationality, "determinedFrom", "PASSPORT")));
        body.put("facility", facility);
        return UUID.fromString(intake.post("/api/people", body).expect(201).json().path("id").asString());
    }

    /** Admits {@code person} into {@code facility} with one next of kin recorded at admission. */
    static void admit(ApiClient intake, UUID person, String facility) {
        Map<String, Object> authority = new LinkedHashMap<>();
        authority.put("type", "DETENTION_ORDER");
        authority.put("issuingAuthority", "Juzgado Especializado de Instrucción");
        authority.put("issuedOn", "2025-03-20");
        authority.put("documentReference", "JEI-" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("facility", facility);
        body.put("legalStatus", "PRE_TRIAL");
        body.put("authority", authority);
        body.put("contacts", List.of(Map.of("relation", "NEXT_OF_KIN", "name", "Hermana de prueba",
                "phone", "+503 0000 0000")));
        intake.post("/api/people/" + person + "/custody", body).expect(201);
    }

    static Map<String, Object> aTransferTo(String destination) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "TRANSFERRED_OUT");
        body.put("destination", destination);
        body.put("detail", "escort team 4, route 12, leaving 05:00");
        body.put("reason", "closer to the court of the case");
        return body;
    }

    /** A release on a court order, the identity checked (REQ-39), to {@code whom}. */
    static Map<String, Object> aReleaseTo(String whom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "RELEASED");
        body.put("destination", whom);
        body.put("authority", "Juzgado de Paz de Tecoluca");
        body.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "Sgt. Ficticio",
                "basis", "COURT_ORDER"));
        return body;
    }

    static Map<String, Object> aDeath() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "DIED");
        body.put("particulars", Map.of("circumstances", "found unresponsive in the cell", "cause", "pending autopsy",
                "remainsDestination", "Instituto de Medicina Legal", "authorityNotified", "Fiscalía General"));
        return body;
    }
}

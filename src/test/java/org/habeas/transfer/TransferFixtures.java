package org.habeas.transfer;

import static org.habeas.TestData.syntheticName;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.TestData;
import org.habeas.TestData.Estate;

/**
 * Agreements, facilities, people and admissions on an agreement's authority, built through the API with defaults
 * taken from the reference scenario (synthetic people only).
 */
final class TransferFixtures {

    private static final Random RANDOM = new Random();

    private TransferFixtures() {
    }

    /** The terms of a one-year agreement like the reference one, starting {@code start}; change what a test needs. */
    static Map<String, Object> anAgreement(LocalDate start, LocalDate end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", "US-SV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        body.put("title", "Services for the detention of foreign nationals");
        body.put("sendingState", "US");
        body.put("sendingAgency", "DHS / ICE");
        body.put("receivingState", "SV");
        body.put("receivingAgency", "Dirección General de Centros Penales");
        body.put("instrument", "EXCHANGE_OF_DIPLOMATIC_NOTES");
        body.put("binding", false);
        body.put("termStart", start.toString());
        body.put("termEnd", end.toString());
        body.put("priceModel", "LUMP_SUM");
        body.put("priceAmount", 6000000);
        body.put("currency", "USD");
        body.put("capacityCap", 300);
        body.put("acceptedCategories", List.of("ALLEGED_CRIMINAL"));
        body.put("standards", "Mandela Rules; national prison law");
        body.put("access", Map.of("counsel", false, "consular", true, "family", false, "inspection", false));
        body.put("reportingDuties", "Monthly list of people held");
        body.put("returnClause", "Pending the sending state's decision on their long-term disposition");
        return body;
    }

    static UUID record(ApiClient director, Map<String, Object> agreement) {
        return UUID.fromString(director.post("/api/agreements", agreement).expect(201).json().path("id").asString());
    }

    /** A facility of one module with {@code cells} cells of room for 10. */
    static Estate aFacility(ApiClient director, int cells) {
        return TestData.aFacility(director, "T", cells, 5, 10, 10);
    }

    static Map<String, Object> anIdentity(String nationality) {
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
        return body;
    }

    static UUID aPerson(ApiClient intake, String facility, String nationality) {
        Map<String, Object> body = anIdentity(nationality);
        body.put("facility", facility);
        return UUID.fromString(intake.post("/api/people", body).expect(201).json().path("id").asString());
    }

    /** Admits {@code person} on the authority of {@code agreement}, as an arrival under it is admitted. */
    static void admitUnder(ApiClient intake, UUID person, String facility, UUID agreement) {
        Map<String, Object> authority = new LinkedHashMap<>();
        authority.put("type", "TRANSFER_AGREEMENT");
        authority.put("issuingAuthority", "Dirección General de Centros Penales");
        authority.put("issuedOn", "2025-03-14");
        authority.put("documentReference", agreement.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("facility", facility);
        body.put("legalStatus", "IMMIGRATION");
        body.put("authority", authority);
        intake.post("/api/people/" + person + "/custody", body).expect(201);
    }

    /** Admits {@code person} in immigration custody on a detention order, as the legal rules expect. */
    static void admitImmigration(ApiClient intake, UUID person, String facility) {
        Map<String, Object> authority = new LinkedHashMap<>();
        authority.put("type", "IMMIGRATION_DETENTION_ORDER");
        authority.put("issuingAuthority", "Autoridad de prueba");
        authority.put("issuedOn", "2025-03-14");
        authority.put("documentReference", "DO-" + RANDOM.nextInt(1_000_000));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("facility", facility);
        body.put("legalStatus", "IMMIGRATION");
        body.put("authority", authority);
        intake.post("/api/people/" + person + "/custody", body).expect(201);
    }

    static Map<String, Object> aPlacement(UUID cell) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "PLACED");
        body.put("toLocation", cell.toString());
        return body;
    }

}

package org.habeas.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.habeas.ApiClient;

import tools.jackson.databind.JsonNode;

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

    record Estate(String code, List<UUID> cells) {
    }

    static Estate aFacility(ApiClient director, int cells) {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Map<String, Object> facility = new LinkedHashMap<>();
        facility.put("code", code);
        facility.put("name", "Centro de prueba " + code);
        facility.put("country", "SV");
        facility.put("region", "San Vicente");
        facility.put("municipality", "Tecoluca");
        facility.put("timeZone", "America/El_Salvador");
        facility.put("type", "PRISON");
        facility.put("responsibleAuthority", "Dirección General de Centros Penales");
        facility.put("inspectionAuthority", "Procuraduría para la Defensa de los Derechos Humanos");
        facility.put("openedOn", "2023-02-01");
        director.post("/api/facilities", facility).expect(201);
        List<Object> locations = new ArrayList<>();
        locations.add(Map.of("path", "M1", "kind", "MODULE"));
        for (int c = 1; c <= cells; c++) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("path", "M1-C%02d".formatted(c));
            cell.put("parent", "M1");
            cell.put("kind", "CELL");
            cell.put("certifiedNormal", 5);
            cell.put("operationalCapacity", 10);
            cell.put("maximumCapacity", 10);
            cell.put("floorAreaM2", 100.0);
            locations.add(cell);
        }
        director.post("/api/facilities/" + code + "/locations", Map.of("format", "habeas-layout/1",
                "locations", locations)).expect(201);
        List<UUID> ids = new ArrayList<>();
        for (JsonNode location : director.get("/api/facilities/" + code + "/locations").expect(200).json()) {
            if (location.path("kind").asString().equals("CELL")) {
                ids.add(UUID.fromString(location.path("id").asString()));
            }
        }
        return new Estate(code, ids);
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

    static String syntheticName() {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        var name = new StringBuilder();
        synchronized (RANDOM) {
            for (int i = 0; i < 4; i++) {
                name.append(consonants.charAt(RANDOM.nextInt(consonants.length())))
                        .append(vowels.charAt(RANDOM.nextInt(vowels.length())));
            }
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

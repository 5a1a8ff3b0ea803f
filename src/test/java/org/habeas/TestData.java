package org.habeas;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What every module's tests build the same way, through the API: a test facility (synthetic, in El Salvador's time
 * zone) with one module of cells, and made-up names, new each time (demo and test data are synthetic only).
 */
public final class TestData {

    private static final Random RANDOM = new Random();

    private TestData() {
    }

    /** A facility's code and its cells' ids in path order. */
    public record Estate(String code, List<UUID> cells) {
    }

    /** A fresh facility code: {@code prefix} and ten random characters. */
    public static String aCode(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** Asks to register a test facility under {@code code}; answers the response (201, or 409 if it exists). */
    public static ApiResponse postFacility(ApiClient director, String code) {
        return director.post("/api/facilities", facility(code, ZoneId.of("America/El_Salvador"), "OPEN", "2023-02-01"));
    }

    /** The body registering a test facility in {@code zone}, {@code status} OPEN or PLANNED, opening {@code openedOn}. */
    public static Map<String, Object> facility(String code, ZoneId zone, String status, String openedOn) {
        Map<String, Object> facility = new LinkedHashMap<>();
        facility.put("code", code);
        facility.put("name", "Centro de prueba " + code);
        facility.put("country", "SV");
        facility.put("region", "San Vicente");
        facility.put("municipality", "Tecoluca");
        facility.put("timeZone", zone.getId());
        facility.put("type", "PRISON");
        facility.put("responsibleAuthority", "Dirección General de Centros Penales");
        facility.put("inspectionAuthority", "Procuraduría para la Defensa de los Derechos Humanos");
        facility.put("openedOn", openedOn);
        facility.put("status", status);
        return facility;
    }

    public static void registerFacility(ApiClient director, String code) {
        postFacility(director, code).expect(201);
    }

    /**
     * A new facility (code {@code prefix}...) with module M1 of {@code cells} cells M1-C01..., each of 100 m² with the
     * given certified normal, operational and maximum capacity.
     */
    public static Estate aFacility(ApiClient director, String prefix, int cells, int certifiedNormal,
                                   int operational, int maximum) {
        return aFacility(director, prefix, ZoneId.of("America/El_Salvador"), cells, certifiedNormal, operational,
                maximum, 100.0);
    }

    /** {@link #aFacility(ApiClient, String, int, int, int, int)} in {@code zone}, with cells of {@code areaM2} m². */
    public static Estate aFacility(ApiClient director, String prefix, ZoneId zone, int cells, int certifiedNormal,
                                   int operational, int maximum, double areaM2) {
        String code = aCode(prefix);
        director.post("/api/facilities", facility(code, zone, "OPEN", "2023-02-01")).expect(201);
        List<Object> locations = new ArrayList<>();
        locations.add(Map.of("path", "M1", "kind", "MODULE"));
        for (int c = 1; c <= cells; c++) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("path", "M1-C%02d".formatted(c));
            cell.put("parent", "M1");
            cell.put("kind", "CELL");
            cell.put("certifiedNormal", certifiedNormal);
            cell.put("operationalCapacity", operational);
            cell.put("maximumCapacity", maximum);
            cell.put("floorAreaM2", areaM2);
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

    /** A made-up name, new each time: synthetic people only. */
    public static String syntheticName() {
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

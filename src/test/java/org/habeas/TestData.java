package org.habeas;

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
        return director.post("/api/facilities", facility);
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
        String code = aCode(prefix);
        registerFacility(director, code);
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

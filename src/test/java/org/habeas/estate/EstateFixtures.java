package org.habeas.estate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies with defaults, so each test states only what it is about. */
final class EstateFixtures {

    private EstateFixtures() {
    }

    static String aCode() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static Map<String, Object> aFacility(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Centro de prueba " + code);
        body.put("country", "SV");
        body.put("region", "San Vicente");
        body.put("municipality", "Tecoluca");
        body.put("timeZone", "America/El_Salvador");
        body.put("type", "PRISON");
        body.put("responsibleAuthority", "Dirección General de Centros Penales");
        body.put("inspectionAuthority", "Procuraduría para la Defensa de los Derechos Humanos");
        body.put("openedOn", "2023-02-01");
        return body;
    }

    static Map<String, Object> module(String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("kind", "MODULE");
        return m;
    }

    static Map<String, Object> cell(String path, String parent, double area, int cna, int operational, int maximum) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("path", path);
        c.put("parent", parent);
        c.put("kind", "CELL");
        c.put("certifiedNormal", cna);
        c.put("operationalCapacity", operational);
        c.put("maximumCapacity", maximum);
        c.put("floorAreaM2", area);
        return c;
    }

    /** {@code modules} modules of {@code cells} cells each, named from module {@code first}. */
    static Map<String, Object> aLayout(int first, int modules, int cells, double area, int cna, int operational,
                                       int maximum) {
        List<Object> locations = new ArrayList<>();
        for (int m = first; m < first + modules; m++) {
            locations.add(module("M" + m));
            for (int c = 1; c <= cells; c++) {
                locations.add(cell("M%d-C%02d".formatted(m, c), "M" + m, area, cna, operational, maximum));
            }
        }
        return layout(locations);
    }

    static Map<String, Object> layout(List<Object> locations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("format", "habeas-layout/1");
        body.put("locations", locations);
        return body;
    }
}

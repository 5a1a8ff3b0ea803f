package org.habeas.oversight;

import static org.habeas.TestData.syntheticName;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.TestData;


/**
 * Facilities, people and their custody built through the API for the oversight tests. The facility's time zone is
 * chosen so that it is about noon there now: the backdating window (24 hours) then reaches well into yesterday, and
 * a test can record movements on two local days without waiting for midnight.
 */
final class OversightFixtures {

    private OversightFixtures() {
    }

    /** A facility and its cells; {@code zone} is where it is about noon now. */
    record Facility(String code, ZoneId zone, List<UUID> cells) {

        /** An instant {@code hours} before now; a test checks it falls on the local day it means. */
        Instant hoursAgo(double hours) {
            return Instant.now().minusSeconds((long) (hours * 3600));
        }

        java.time.LocalDate today() {
            return ZonedDateTime.now(zone).toLocalDate();
        }
    }

    /** The Etc/GMT zone where the local hour is now closest to noon (Etc/GMT-3 is three hours ahead of UTC). */
    static ZoneId zoneNearNoon() {
        int utcHour = ZonedDateTime.now(ZoneId.of("UTC")).getHour();
        int offset = 12 - utcHour;
        if (offset > 14) {
            offset -= 24;
        }
        return ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + (-offset)));
    }

    /**
     * A facility in {@code zone} with module M1 of {@code cells} cells of {@code areaM2} m², each with the given
     * certified normal, operational and maximum capacity.
     */
    static Facility aFacility(ApiClient director, ZoneId zone, int cells, int certifiedNormal, int operational,
                              int maximum, double areaM2) {
        var estate = TestData.aFacility(director, "O", zone, cells, certifiedNormal, operational, maximum, areaM2);
        return new Facility(estate.code(), zone, estate.cells());
    }

    /** A synthetic person registered at {@code facility}. */
    static UUID aPerson(ApiClient intake, String facility, String sex, String birthDate, String country) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Map.of("givenNames", syntheticName(), "firstFamilyName", syntheticName()));
        body.put("birthDate", birthDate);
        body.put("recordedSex", sex);
        body.put("nationalities", List.of(Map.of("country", country, "determinedFrom", "PASSPORT")));
        body.put("facility", facility);
        return UUID.fromString(intake.post("/api/people", body).expect(201).json().path("id").asString());
    }

    /** Admits the person at {@code at} (recorded late, with a reason, when in the past). */
    static void admit(ApiClient intake, UUID person, String facility, String legalStatus, Instant at) {
        Map<String, Object> authority = new LinkedHashMap<>();
        authority.put("type", switch (legalStatus) {
            case "SENTENCED" -> "SENTENCE";
            case "IMMIGRATION" -> "IMMIGRATION_DETENTION_ORDER";
            default -> "DETENTION_ORDER";
        });
        authority.put("issuingAuthority", "Juzgado Especializado de Instrucción");
        authority.put("issuedOn", "2025-03-20");
        authority.put("documentReference", "JEI-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("facility", facility);
        body.put("legalStatus", legalStatus);
        body.put("authority", authority);
        body.put("arrest", Map.of("place", "San Vicente", "authority", "Policía Nacional Civil"));
        body.put("admittedAt", at.toString());
        body.put("reason", "register copied late");
        intake.post("/api/people/" + person + "/custody", body).expect(201);
    }

    static void place(ApiClient housing, UUID person, UUID cell, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "PLACED");
        body.put("toLocation", cell.toString());
        body.put("occurredAt", at.toString());
        body.put("reason", "register copied late");
        housing.post("/api/people/" + person + "/movements", body).expect(201);
    }

    /** Releases the person at {@code at}; answers the movement's id. */
    static UUID release(ApiClient housing, UUID person, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "RELEASED");
        body.put("occurredAt", at.toString());
        body.put("reason", "register copied late");
        body.put("destination", "family, at the gate");
        body.put("authority", "Juzgado de Paz");
        body.put("particulars", Map.of("identityChecked", true, "identityCheckedBy", "officer on duty",
                "basis", "COURT_ORDER"));
        return UUID.fromString(housing.post("/api/people/" + person + "/movements", body).expect(201).json()
                .path("movement").path("id").asString());
    }

    /** Records the person's death at {@code at}; answers the movement's id (the incident's). */
    static UUID die(ApiClient housing, UUID person, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "DIED");
        body.put("occurredAt", at.toString());
        body.put("reason", "register copied late");
        body.put("particulars", Map.of("circumstances", "found unresponsive in the cell", "cause", "pending autopsy",
                "remainsDestination", "Instituto de Medicina Legal", "authorityNotified", "Fiscalía General"));
        return UUID.fromString(housing.post("/api/people/" + person + "/movements", body).expect(201).json()
                .path("movement").path("id").asString());
    }
}

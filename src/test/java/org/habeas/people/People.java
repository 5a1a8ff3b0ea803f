package org.habeas.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registration bodies for API tests, with defaults that never collide: every call gets its own synthetic given
 * name, so tests do not trip over each other's duplicates.
 */
final class People {

    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final java.util.Random RANDOM = new java.util.Random();

    private People() {
    }

    /** A made-up word that is a new name token each time (synthetic, never a real person's name). */
    static String uniqueName() {
        var name = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            synchronized (RANDOM) {
                name.append(CONSONANTS.charAt(RANDOM.nextInt(CONSONANTS.length())))
                        .append(VOWELS.charAt(RANDOM.nextInt(VOWELS.length())));
            }
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static Map<String, Object> aPerson() {
        return aPerson(uniqueName(), "Hernández", "López", "1990-04-17");
    }

    static Map<String, Object> aPerson(String given, String first, String second, String birthDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("givenNames", given);
        name.put("firstFamilyName", first);
        name.put("secondFamilyName", second);
        body.put("name", name);
        body.put("birthDate", birthDate);
        body.put("recordedSex", "MALE");
        body.put("nationalities", new ArrayList<>(List.of(Map.of("country", "SV", "determinedFrom", "PASSPORT"))));
        body.put("languages", new ArrayList<>(List.of("es")));
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    static Map<String, Object> passport(String country, String number) {
        return Map.of("type", "PASSPORT", "issuer", country, "number", number, "expiresOn", "2030-01-01");
    }
}

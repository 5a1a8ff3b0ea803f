package org.habeas.legal.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The countries an order's text names, in English or Spanish (REQ-42): the data-quality guard compares them with the
 * structured country, as the order that named Guatemala for El Salvador should have been. Names come from the JDK's
 * ISO 3166 list in both languages; a longer name wins over a shorter one inside it ("Guinea-Bissau" is not
 * "Guinea"), and accents and case do not matter.
 */
final class CountriesInText {

    private static final Pattern ALL;
    private static final Map<String, String> CODE_BY_NAME;

    static {
        Map<String, String> byName = new java.util.HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            for (Locale language : List.of(Locale.ENGLISH, new Locale("es"))) {
                String name = fold(country.getDisplayCountry(language));
                if (name.length() >= 4) {
                    byName.putIfAbsent(name, code);
                }
            }
        }
        CODE_BY_NAME = Map.copyOf(byName);
        List<String> names = new ArrayList<>(byName.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed());
        ALL = Pattern.compile("\\b(" + String.join("|", names.stream().map(Pattern::quote).toList()) + ")\\b");
    }

    private CountriesInText() {
    }

    /** The ISO codes of the countries {@code text} names, sorted; empty for no text. */
    static Set<String> in(String text) {
        Set<String> codes = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return codes;
        }
        Matcher m = ALL.matcher(fold(text));
        while (m.find()) {
            codes.add(CODE_BY_NAME.get(m.group(1)));
        }
        return codes;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}

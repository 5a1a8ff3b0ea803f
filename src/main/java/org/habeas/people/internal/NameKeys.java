package org.habeas.people.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How a name becomes search keys. A name is cut into tokens (lower case, accents and punctuation removed, the
 * particles de/del/la/... dropped), so each name part counts on its own and order does not matter. Every token
 * also gets a Spanish sound key, and each name gives the unordered pairs of its tokens, which are what the
 * search starts from: a pair of two name parts is rare even when each part alone is common.
 */
public final class NameKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "y", "e", "da", "do",
            "dos", "das", "van", "von", "der", "di", "le");
    static final int MAX_TOKEN = 60;

    private NameKeys() {
    }

    /** Lower case, accents off ("Ábrego" -> "abrego", "Núñez" -> "nunez"), anything but letters and digits a space. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").replace("ß", "ss").replace("ø", "o")
                .replace("æ", "ae").replace("đ", "d").replace("ł", "l");
        return NOT_ALNUM.matcher(plain).replaceAll(" ").strip();
    }

    /** The distinct tokens of a name, in order, without particles or one-letter initials. */
    public static List<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String token : normalise(text).split(" ")) {
            if (token.length() >= 2 && !PARTICLES.contains(token)) {
                tokens.add(token.length() > MAX_TOKEN ? token.substring(0, MAX_TOKEN) : token);
            }
        }
        return List.copyOf(tokens);
    }

    /** Unordered pairs of distinct tokens of one name, as "a b" with a before b; a one-token name is its own key. */
    public static List<String> pairs(List<String> tokens) {
        if (tokens.size() == 1) {
            return List.of(tokens.get(0));
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int j = i + 1; j < tokens.size(); j++) {
                pairs.add(pair(tokens.get(i), tokens.get(j)));
            }
        }
        return pairs;
    }

    public static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
    }

    /**
     * The keys stored in {@code person.search_pairs}: every pair key and the whole-name key of every name, and the
     * same keys with each birth year of the person ("garcia jose@1990"). A year-tagged key lets "José García, born 1990" read the few
     * dozen people it can mean instead of the thousands called José García, then filter them by year.
     */
    public static Set<String> searchPairs(List<List<String>> names, List<Integer> birthYears) {
        Set<String> keys = new TreeSet<>();
        names.forEach(n -> {
            keys.addAll(pairs(n));
            if (!n.isEmpty()) {
                keys.add(wholeName(n));
            }
        });
        Set<String> withYears = new TreeSet<>(keys);
        for (String key : keys) {
            for (Integer year : birthYears) {
                withYears.add(withYear(key, year));
            }
        }
        return withYears;
    }

    /**
     * The key of a whole name: its tokens sorted ("=garcia jose"), so the people called exactly what was asked
     * for ("José García", not José Antonio García López) are found without reading the thousands who share a pair.
     */
    public static String wholeName(List<String> tokens) {
        return "=" + String.join(" ", new TreeSet<>(tokens));
    }

    /** A pair key narrowed to a birth year; '@' never occurs in a token. */
    public static String withYear(String key, int year) {
        return key + "@" + year;
    }

    /**
     * A sound key for Spanish names and the ways sending agencies transliterate them. Fuzzystrmatch's metaphone
     * is tuned for English and keeps b/v, s/z, j/y and ll/y apart, which is exactly what Spanish spelling mixes
     * up: Yesica/Jessica, Yohana/Johana, Jhonny/Yoni, Vásquez/Basquez, Ximena/Jimena.
     */
    public static String phonetic(String token) {
        String s = token;
        s = s.replace("ph", "f").replace("sh", "s").replace("th", "t").replace("ch", "1")
                .replace("ll", "y").replace("qu", "k").replace("gue", "ge").replace("gui", "gi")
                .replace("ce", "se").replace("ci", "si").replace("ge", "ye").replace("gi", "yi");
        if (s.startsWith("x")) {
            s = "y" + s.substring(1);
        }
        var out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char k = switch (c) {
                case 'v', 'w' -> 'b';
                case 'z' -> 's';
                case 'c', 'q' -> 'k';
                case 'j', 'i' -> 'y';
                case 'h' -> 0;
                case 'x' -> 's';
                default -> c;
            };
            if (c == 'i' || (c == 'y' && i == s.length() - 1)) {
                k = 'i';
            }
            if (c == 'y' && i + 1 < s.length() && "aeou".indexOf(s.charAt(i + 1)) < 0 && i > 0) {
                k = 'i';
            }
            if (k != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != k)) {
                out.append(k);
            }
        }
        // "ys" and "is" in Jhonny/Yoni-style endings collapse to one vowel sound.
        String key = out.toString().replace("yi", "i").replace("iy", "i");
        return key.isEmpty() ? token : key;
    }

    /** The sorted token set of every name together, for the single-token search path. */
    public static Set<String> allTokens(List<List<String>> names) {
        Set<String> all = new TreeSet<>();
        names.forEach(all::addAll);
        return all;
    }
}

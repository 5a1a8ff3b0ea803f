package org.habeas.common;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An ISO 3166-1 alpha-2 country code known to the JDK ({@code SV}, {@code VE}, {@code US}). {@link #of} refuses
 * anything else with 400 {@code UNKNOWN_COUNTRY_CODE} naming the field, so a typo never becomes a nationality.
 */
public record CountryCode(@JsonValue String value) {

    private static final Set<String> KNOWN = Set.of(Locale.getISOCountries());

    public CountryCode {
        Objects.requireNonNull(value, "value");
        if (!KNOWN.contains(value)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 code: " + value);
        }
    }

    @JsonCreator
    static CountryCode fromJson(String value) {
        return new CountryCode(value);
    }

    /** Parses user input (case-insensitive, trimmed); {@code field} names the input in the refusal. */
    public static CountryCode of(String text, String field) {
        String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!KNOWN.contains(code)) {
            throw new InvalidRequest(ErrorCode.UNKNOWN_COUNTRY_CODE,
                    "'%s' is not an ISO 3166-1 alpha-2 country code".formatted(text), field);
        }
        return new CountryCode(code);
    }

    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code);
    }

    @Override
    public String toString() {
        return value;
    }
}

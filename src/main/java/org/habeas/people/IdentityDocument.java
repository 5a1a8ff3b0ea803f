package org.habeas.people;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A typed identifier (REQ-07): passport (issuer = ISO country), national id such as El Salvador's DUI (issuer =
 * country), a foreign agency number such as a US A-number or another agency's id (issuer = agency code such as
 * {@code US-DHS}), or a fingerprint record reference — a reference only, never biometric data. A number is unique
 * per type and issuer, compared without spaces, dots, dashes or slashes.
 */
public record IdentityDocument(Type type, String issuer, String number, LocalDate expiresOn) {

    public enum Type { PASSPORT, NATIONAL_ID, FOREIGN_AGENCY_NUMBER, AGENCY_ID, FINGERPRINT_RECORD, OTHER }

    /** The number as compared: upper case, letters and digits only. */
    public String numberKey() {
        return key(number);
    }

    public static String key(String number) {
        return number == null ? "" : number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}

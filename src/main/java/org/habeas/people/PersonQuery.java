package org.habeas.people;

import java.time.LocalDate;

import org.habeas.common.CountryCode;

/**
 * A search: {@code identifier} finds a register or document number exactly; {@code name} is any part of a name
 * in any order, accents and small typos forgiven. The rest narrows: a birth date (compatible with partial and
 * estimated ones), a birth year, a nationality, a facility. At least a name or an identifier is needed.
 */
public record PersonQuery(String name, String identifier, LocalDate birthDate, Integer birthYear,
                          CountryCode nationality, String facility) {

    public static PersonQuery name(String name) {
        return new PersonQuery(name, null, null, null, null, null);
    }
}

package org.habeas.people;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A birth date as precisely as it is known: a full date, a year and month, a year, or unknown with an estimated
 * age. {@code date} holds the first day of the month or year for the partial forms; {@link #text()} is the form
 * the API shows ({@code 1990-04-17}, {@code 1990-04}, {@code 1990}, or empty).
 */
public record Birth(Precision precision, LocalDate date, Integer estimatedAge) {

    public enum Precision { FULL, YEAR_MONTH, YEAR, UNKNOWN }

    private static final Pattern FULL = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR_ONLY = Pattern.compile("\\d{4}");
    /** The earliest birth year Habeas accepts: older than anyone alive. */
    public static final int EARLIEST_YEAR = 1900;

    /**
     * Reads {@code 1990-04-17}, {@code 1990-04}, {@code 1990}, or nothing (unknown, optionally with an estimated
     * age). Impossible dates (1990-02-30), dates after {@code today}, years before {@value #EARLIEST_YEAR} and an
     * estimated age beside a known date are refused with {@code INVALID_BIRTH_DATE} naming {@code field}.
     */
    public static Birth parse(String text, Integer estimatedAge, LocalDate today, String field) {
        if (text == null || text.isBlank()) {
            if (estimatedAge != null && (estimatedAge < 0 || estimatedAge > 120)) {
                throw PeopleRefused.invalidBirthDate("An estimated age is between 0 and 120", "estimatedAge");
            }
            return unknown(estimatedAge);
        }
        if (estimatedAge != null) {
            throw PeopleRefused.invalidBirthDate("Give a birth date or an estimated age, not both", "estimatedAge");
        }
        String t = text.strip();
        Birth birth;
        try {
            if (FULL.matcher(t).matches()) {
                birth = new Birth(Precision.FULL, LocalDate.parse(t), null);
            } else if (MONTH.matcher(t).matches()) {
                birth = new Birth(Precision.YEAR_MONTH, YearMonth.parse(t).atDay(1), null);
            } else if (YEAR_ONLY.matcher(t).matches()) {
                birth = new Birth(Precision.YEAR, LocalDate.of(Integer.parseInt(t), 1, 1), null);
            } else {
                throw PeopleRefused.invalidBirthDate("A birth date is YYYY-MM-DD, YYYY-MM or YYYY: " + t, field);
            }
        } catch (DateTimeException e) {
            throw PeopleRefused.invalidBirthDate("There is no such date: " + t, field);
        }
        if (birth.date().getYear() < EARLIEST_YEAR) {
            throw PeopleRefused.invalidBirthDate("A birth year before " + EARLIEST_YEAR + " is not possible", field);
        }
        if (birth.date().isAfter(today)) {
            throw PeopleRefused.invalidBirthDate("A birth date cannot be in the future: " + t, field);
        }
        return birth;
    }

    public static Birth unknown(Integer estimatedAge) {
        return new Birth(Precision.UNKNOWN, null, estimatedAge);
    }

    public String text() {
        return switch (precision) {
            case FULL -> date.toString();
            case YEAR_MONTH -> date.toString().substring(0, 7);
            case YEAR -> date.toString().substring(0, 4);
            case UNKNOWN -> null;
        };
    }

    public Integer year() {
        return date == null ? null : date.getYear();
    }
}

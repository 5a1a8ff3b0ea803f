package org.habeas.estate;

/**
 * Whom a location is for (REQ-20, Mandela Rule 11): one sex, adults or minors, and one class of detention. A
 * designation holds for the location and everything below it; {@code null} sets nothing of that kind, so a
 * location without any designation takes anyone its ancestors allow.
 */
public record SeparationPolicy(Sex sex, AgeGroup ageGroup, Detention detention) {

    /** Men's or women's premises (women's premises entirely separate). */
    public enum Sex { MALE, FEMALE }

    /** Adults or young people. */
    public enum AgeGroup { ADULTS, MINORS }

    /** Untried, convicted, or civil detention (immigration and administrative detainees included). */
    public enum Detention { UNTRIED, CONVICTED, CIVIL }

    /** A designation as it bears on a cell: set on the cell itself or on one of its ancestors. */
    public record Designation(String pathKey, SeparationPolicy policy) {
    }
}

package org.habeas.custody;

import java.util.Arrays;
import java.util.Optional;

/**
 * What population statistics are counted by (REQ-19). Each is fixed for a custody episode, so a day's count is the
 * count now worked back through the ledger: the legal status and the sex recorded at admission, the principal
 * nationality as the person's record has it now, and the age group on the day custody began.
 */
public enum PopulationCategory {
    LEGAL_STATUS("legalStatus"),
    SEX("sex"),
    NATIONALITY("nationality"),
    AGE_GROUP("ageGroup");

    /** The value every day carries when the figures are not split by category. */
    public static final String ALL = "ALL";

    private final String parameter;

    PopulationCategory(String parameter) {
        this.parameter = parameter;
    }

    /** The name a request uses ({@code by=ageGroup}). */
    public String parameter() {
        return parameter;
    }

    public static Optional<PopulationCategory> ofParameter(String name) {
        return Arrays.stream(values()).filter(c -> c.parameter.equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name))
                .findFirst();
    }
}

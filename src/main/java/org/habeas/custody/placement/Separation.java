package org.habeas.custody.placement;

import java.util.List;
import java.util.Map;

import org.habeas.custody.LegalStatus;
import org.habeas.estate.SeparationPolicy;
import org.habeas.estate.SeparationPolicy.Designation;
import org.habeas.vetting.RuleOutcome.Detail;

/**
 * Mandela Rule 11 in one place (REQ-20): which categories may share a cell, and whom a designated place is for. The
 * SEPARATION rule judges a placement with it and the list of separation breaches judges the people already held
 * with it, so the two can never disagree.
 */
public final class Separation {

    private Separation() {
    }

    /**
     * The first category difference that keeps two people apart, in words and as a message (the recorded sexes are
     * codes with their own words in the bundles); null when they may share a cell.
     */
    static Detail conflict(SeparationCategory mover, SeparationCategory other) {
        if (!mover.sex().equals(other.sex())) {
            return separation("the cell holds a person of another recorded sex (%s, this person %s)".formatted(
                    sexWord(other.sex()), sexWord(mover.sex())), "otherSex", other.sex(), mover.sex());
        }
        if (mover.juvenile() != other.juvenile()) {
            return mover.juvenile() ? separation("a minor cannot be placed with adults", "minorWithAdults")
                    : separation("the cell holds a minor", "holdsMinor");
        }
        boolean moverCivil = civil(mover.legalStatus());
        if (moverCivil != civil(other.legalStatus())) {
            return separation("civil and immigration detainees are held apart from people held for criminal "
                    + "offences", "civilApartFromCriminal");
        }
        if (!moverCivil && mover.legalStatus() != other.legalStatus()) {
            return separation("untried people are held apart from convicted people", "untriedApartFromConvicted");
        }
        return null;
    }

    /**
     * Why a person of {@code category} does not fit the designations that bear on a cell (nearest first): the first
     * they do not fit; null when they fit them all. The SEPARATION rule and the roll's list of breaches both ask.
     */
    public static Detail unfit(SeparationCategory category, List<Designation> designations) {
        for (Designation designation : designations) {
            Detail unfit = unfit(category, designation);
            if (unfit != null) {
                return unfit;
            }
        }
        return null;
    }

    /**
     * Why a person of {@code category} must be kept apart from the people of one of {@code company} (the categories
     * held with them); null when they may share a cell with all of them.
     */
    public static Detail apartFrom(SeparationCategory category, List<SeparationCategory> company) {
        for (SeparationCategory other : company) {
            Detail conflict = conflict(category, other);
            if (conflict != null) {
                return conflict;
            }
        }
        return null;
    }

    /** Why a person of this category does not fit whom a place is designated for; null when they fit. */
    static Detail unfit(SeparationCategory mover, Designation designation) {
        SeparationPolicy policy = designation.policy();
        String place = designation.pathKey();
        if (policy.sex() != null && !policy.sex().name().equals(mover.sex())) {
            return separation("%s is designated for %s only; this person's recorded sex: %s".formatted(place,
                    policy.sex() == SeparationPolicy.Sex.FEMALE ? "women" : "men", sexWord(mover.sex())),
                    "designatedSex", place, "FOR_" + policy.sex(), mover.sex());
        }
        if (policy.ageGroup() == SeparationPolicy.AgeGroup.MINORS && !mover.juvenile()) {
            return separation(place + " is designated for minors; this person is an adult", "designatedMinors",
                    place);
        }
        if (policy.ageGroup() == SeparationPolicy.AgeGroup.ADULTS && mover.juvenile()) {
            return separation(place + " is designated for adults; this person is a minor", "designatedAdults", place);
        }
        if (policy.detention() != null && policy.detention() != detention(mover.legalStatus())) {
            return separation("%s is designated for %s; this person is in %s".formatted(place,
                    DETENTION_WORDS.get(policy.detention().name()), DETENTION_WORDS.get(mover.legalStatus().name())),
                    "designatedDetention", place, policy.detention(), mover.legalStatus());
        }
        return null;
    }

    // The English words of the codes in a separation detail, as the English bundle has them (the detail's text and
    // the bundle's English must read the same; RuleDetailLanguagesTest).
    private static final Map<String, String> DETENTION_WORDS = Map.of("UNTRIED", "pre-trial detention",
            "CONVICTED", "serving a sentence", "CIVIL", "civil or immigration detention",
            "PRE_TRIAL", "pre-trial detention", "SENTENCED", "serving a sentence",
            "IMMIGRATION", "immigration detention");

    private static String sexWord(String recordedSex) {
        return switch (recordedSex) {
            case "MALE" -> "male";
            case "FEMALE" -> "female";
            case "INTERSEX" -> "intersex";
            default -> "not recorded";
        };
    }

    private static SeparationPolicy.Detention detention(LegalStatus status) {
        return switch (status) {
            case PRE_TRIAL -> SeparationPolicy.Detention.UNTRIED;
            case SENTENCED -> SeparationPolicy.Detention.CONVICTED;
            case IMMIGRATION, CIVIL -> SeparationPolicy.Detention.CIVIL;
        };
    }

    private static Detail separation(String text, String variant, Object... args) {
        return Detail.of(text + " (Mandela Rule 11)", "custody.ruleDetail.SEPARATION." + variant, args);
    }

    private static boolean civil(LegalStatus status) {
        return status == LegalStatus.IMMIGRATION || status == LegalStatus.CIVIL;
    }
}

package org.habeas.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Whether a person falls in an injunction's class (REQ-57). Every criterion given must match; a criterion the
 * register cannot answer for the person (no nationality recorded, no arrest date) is not taken to exclude them: the
 * answer is then {@link Match#UNKNOWN}, which blocks a removal as a match does (fail closed, REQ-56).
 */
public final class InjunctionClass {

    public enum Match { INSIDE, UNKNOWN, OUTSIDE }

    private InjunctionClass() {
    }

    /**
     * @param removalBasis the basis of the removal being judged; null when judging membership outside a removal,
     *                     where a basis criterion is then taken as met
     * @param arrestedAt   when the person was deprived of liberty (the admission when no arrest is recorded)
     */
    public static Match covers(Injunction injunction, Set<String> nationalities, String removalBasis, String facility,
                               Instant arrestedAt, LocalDate day) {
        if (!injunction.status().inForce() || injunction.effectiveFrom().isAfter(day)
                || injunction.expiresOn() != null && injunction.expiresOn().isBefore(day)) {
            return Match.OUTSIDE;
        }
        boolean unknown = false;
        if (!injunction.nationalities().isEmpty()) {
            if (nationalities.isEmpty()) {
                unknown = true;
            } else if (nationalities.stream().noneMatch(injunction.nationalities()::contains)) {
                return Match.OUTSIDE;
            }
        }
        if (injunction.removalBasis() != null && removalBasis != null
                && !injunction.removalBasis().equals(removalBasis)) {
            return Match.OUTSIDE;
        }
        if (!injunction.facilities().isEmpty()) {
            if (facility == null) {
                unknown = true;
            } else if (!injunction.facilities().contains(facility)) {
                return Match.OUTSIDE;
            }
        }
        if (injunction.arrestedFrom() != null || injunction.arrestedTo() != null) {
            if (arrestedAt == null) {
                unknown = true;
            } else {
                LocalDate arrested = LocalDate.ofInstant(arrestedAt, ZoneOffset.UTC);
                if (injunction.arrestedFrom() != null && arrested.isBefore(injunction.arrestedFrom())
                        || injunction.arrestedTo() != null && arrested.isAfter(injunction.arrestedTo())) {
                    return Match.OUTSIDE;
                }
            }
        }
        return unknown ? Match.UNKNOWN : Match.INSIDE;
    }
}

package org.habeas.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An agreement as it stands now: its latest version's terms, and who changed it last and when. */
public record Agreement(UUID id, int version, AgreementTerms terms, Instant changedAt, String changedBy) {

    /** Whether {@code day} falls within the term (both ends included). */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(terms.termStart()) && !day.isAfter(terms.termEnd());
    }
}

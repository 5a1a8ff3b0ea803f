package org.habeas.rights;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A country whose nationals' consulate must be notified whether or not they ask (REQ-33), from {@code effectiveFrom}
 * until before {@code effectiveTo} (null: open-ended), with the treaty or instruction it rests on.
 */
public record MandatoryCountry(String country, LocalDate effectiveFrom, LocalDate effectiveTo, String citation,
                               Instant recordedAt, String recordedBy) {

    public boolean inForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveTo == null || effectiveTo.isAfter(day));
    }
}

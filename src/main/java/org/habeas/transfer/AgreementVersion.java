package org.habeas.transfer;

import java.time.Instant;
import java.util.UUID;

/** One version of an agreement, kept whole and never changed, with why it was made. */
public record AgreementVersion(UUID agreement, int version, AgreementTerms terms, String reason, Instant changedAt,
                               String changedBy) {
}

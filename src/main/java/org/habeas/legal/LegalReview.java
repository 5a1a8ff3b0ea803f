package org.habeas.legal;

import java.time.Instant;
import java.util.UUID;

import org.habeas.common.CountryCode;

/**
 * A legal officer's review of the person's legal record against its sources, for removal to {@code country}
 * (REQ-56): a removal needs one that is fresh and that no legal record entered since has overtaken.
 */
public record LegalReview(UUID id, UUID person, CountryCode country, String sourcesChecked, String conclusion,
                          Instant reviewedAt, String reviewedBy) {
}

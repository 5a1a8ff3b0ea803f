package org.habeas.legal;

import java.time.Instant;
import java.util.UUID;

import org.habeas.common.CountryCode;

/**
 * Notice of an intended destination (REQ-44), given to the person and to counsel, in a language, with how to contest.
 */
public record Notice(UUID id, UUID person, CountryCode country, Instant servedAt, boolean toPerson, boolean toCounsel,
                     String language, String method, boolean explainsHowToContest, Instant recordedAt,
                     String recordedBy) {
}

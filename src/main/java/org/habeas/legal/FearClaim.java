package org.habeas.legal;

import java.time.Instant;
import java.util.UUID;

import org.habeas.common.CountryCode;

/** A fear or CAT claim about removal to {@code country} (REQ-44); unresolved, it may block that removal. */
public record FearClaim(UUID id, UUID person, CountryCode country, Instant raisedAt, String summary, Status status,
                        Instant recordedAt, String recordedBy, Instant resolvedAt, String resolvedBy) {

    public enum Status { UNRESOLVED, UPHELD, REJECTED, WITHDRAWN }
}

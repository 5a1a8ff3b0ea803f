package org.habeas.access;

import java.time.Instant;
import java.util.UUID;

/** A token as listed: never its secret. {@code prefix} lets its owner recognise it. */
public record ApiToken(UUID id, String username, String name, String prefix, Instant createdAt, Instant expiresAt,
                       Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}

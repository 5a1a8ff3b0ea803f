package org.habeas.rights;

import java.time.Instant;
import java.util.UUID;

/**
 * A verified link between a REPRESENTATIVE account and a person (REQ-16): counsel or family, on the evidence a legal
 * officer checked; revoked, never deleted.
 */
public record Representation(UUID id, UUID user, String username, UUID person, Kind kind, String evidence,
                             Instant verifiedAt, String verifiedBy, Instant revokedAt, String revokedBy) {

    public enum Kind { COUNSEL, FAMILY }

    public boolean inForce() {
        return revokedAt == null;
    }
}

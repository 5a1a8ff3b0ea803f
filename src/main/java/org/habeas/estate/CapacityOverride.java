package org.habeas.estate;

import java.time.Instant;
import java.util.UUID;

/**
 * A temporary capacity above operational capacity for one place (REQ-23, REQ-28, REQ-29): who approved it, why,
 * and when it ends. While in force, {@link Occupancy#occupy} with {@link CapacityLimit#OPERATIONAL} may fill the
 * place up to {@code capacity} (never above maximum capacity).
 */
public record CapacityOverride(UUID id, LocationId location, int capacity, String reason, String decisionReference,
                               String approvedBy, Instant approvedAt, Instant expiresAt, Instant revokedAt,
                               String revokedBy) {

    public boolean inForce(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}

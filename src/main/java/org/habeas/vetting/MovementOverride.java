package org.habeas.vetting;

import java.time.Instant;
import java.util.UUID;

import org.habeas.access.Role;

/**
 * A request to lift one rule's denial for one person and one movement ({@code movementKey}), with a reason, a legal
 * basis and an expiry. The requester can never approve it; the approver must hold {@code approverRole}.
 */
public record MovementOverride(UUID id, UUID person, MovementAction action, String movementKey, String facility,
                       String rule, String denial, String reason, String legalBasis, Instant expiresAt, OverrideStatus status,
                       Role approverRole, String requestedBy, Instant requestedAt, String decidedBy,
                       Instant decidedAt, String decisionReason, UUID usedByDecision) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}

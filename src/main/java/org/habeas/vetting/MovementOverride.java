package org.habeas.vetting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.habeas.access.Role;

/**
 * A request to lift one rule's denial for one person and one movement ({@code movementKey}), with a reason, a legal
 * basis and an expiry. The requester can never approve it; the approver must hold {@code approverRole}.
 *
 * @param denial     the denial it would lift, in English, as the rule stated it when the override was requested
 * @param denialKey  the message key of that denial (see {@link RuleOutcome#detailKey()}); null for overrides
 *                   requested before denials had keys, or for a rule that gives none: pages then show {@code denial}
 * @param denialArgs the arguments of {@code denialKey}, in order
 */
public record MovementOverride(UUID id, UUID person, MovementAction action, String movementKey, String facility,
                       String rule, String denial, String reason, String legalBasis, Instant expiresAt, OverrideStatus status,
                       Role approverRole, String requestedBy, Instant requestedAt, String decidedBy,
                       Instant decidedAt, String decisionReason, UUID usedByDecision, String denialKey,
                       List<String> denialArgs) {

    public MovementOverride {
        denialArgs = denialArgs == null ? List.of() : List.copyOf(denialArgs);
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** The arguments of {@link #denialKey} for a message source, as {@link RuleOutcome#params} gives them. */
    public Object[] denialParams() {
        return RuleOutcome.params(denialKey, denialArgs);
    }
}

package org.habeas.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One journal entry as stored. {@code seq} is the insert order; {@code chainPosition} and {@code entryHash}
 * (hex SHA-256) are its place in the sealed chain, both null until the sealer reaches it (seconds at most).
 */
public record JournalRecord(UUID id, long seq, Instant recordedAt, String actor, String actorRoles, String action,
                            String subjectType, String subjectId, String facility, String reason,
                            Map<String, Object> details, String requestId, Long chainPosition, String entryHash) {

    public boolean sealed() {
        return chainPosition != null;
    }
}

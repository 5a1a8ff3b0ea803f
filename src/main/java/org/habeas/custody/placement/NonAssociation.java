package org.habeas.custody.placement;

import java.time.Instant;
import java.util.UUID;

/**
 * Two people, or two groups (through allegations), who must not be held together within {@code scope}
 * (REQ-22). Closed, never deleted; reopening is a status change with a reason.
 */
public record NonAssociation(UUID id, UUID personA, UUID personB, String groupA, String groupB, Scope scope,
                             String reason, String source, Status status, Instant recordedAt, String recordedBy) {

    public enum Scope { CELL, MODULE, FACILITY }

    public enum Status { OPEN, CLOSED }

    public boolean betweenGroups() {
        return groupA != null;
    }
}

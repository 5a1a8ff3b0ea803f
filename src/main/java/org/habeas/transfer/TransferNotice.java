package org.habeas.transfer;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification owed for an executed transfer (REQ-36, REQ-38): to the person's counsel of record or family, for
 * one person boarded or arrived. Recorded here as PENDING; delivering it is another module's work.
 */
public record TransferNotice(UUID id, UUID manifest, String ref, UUID person, Recipient recipient, Status status,
                             Instant createdAt) {

    public enum Recipient { COUNSEL, FAMILY }

    public enum Status { PENDING, SENT, NOT_POSSIBLE }
}

package org.habeas.rights;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A duty to tell someone of something (REQ-30, REQ-31, REQ-36, REQ-38), with its deadline and every attempt.
 *
 * @param occasionId  the ledger entry (or health report) that created it
 * @param contact     the contact owed it; null when the person had none of that kind recorded yet (the officer asks
 *                    whom to tell and records them, then the attempt)
 * @param notice      what the notice must say: for a transfer the reason and the receiving facility, never travel
 *                    details (REQ-36)
 * @param overdue     open and past {@code dueAt} when read
 */
public record NotificationTask(UUID id, UUID person, String facility, Occasion occasion, UUID occasionId,
                               Recipient recipient, UUID contact, String contactName, Map<String, Object> notice,
                               Instant occurredAt, Instant createdAt, Instant dueAt, TaskStatus status,
                               Instant doneAt, boolean overdue, List<NotificationAttempt> attempts) {

    public NotificationTask {
        notice = notice == null ? Map.of() : Map.copyOf(notice);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public NotificationTask withAttempts(List<NotificationAttempt> attempts) {
        return new NotificationTask(id, person, facility, occasion, occasionId, recipient, contact, contactName,
                notice, occurredAt, createdAt, dueAt, status, doneAt, overdue, attempts);
    }

    /** Which tasks of a facility to list. */
    public enum State {
        /** Open and not yet past the deadline. */
        DUE,
        /** Open and past the deadline. */
        OVERDUE,
        /** Delivered or withheld. */
        DONE
    }
}

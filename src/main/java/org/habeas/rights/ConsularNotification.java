package org.habeas.rights;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One notification to a consular post (REQ-33). {@code notice} is what the post is told; when the person holds or
 * claims protection against that country it names neither the claim nor where the person is, and the notification
 * waits in HELD_FOR_REVIEW until a legal officer or supervisor releases or withdraws it (REQ-34).
 */
public record ConsularNotification(UUID id, UUID person, String country, String post, Method method,
                                   boolean mandatory, Map<String, Object> notice, Status status, Instant recordedAt,
                                   String recordedBy, Instant sentAt, Instant reviewedAt, String reviewedBy,
                                   String reviewReason) {

    public enum Method { PHONE, FAX, EMAIL, LETTER, IN_PERSON, OTHER }

    public enum Status {
        /** Made: the post was told, at {@code sentAt}. */
        SENT,
        /** Waiting for human review; nothing has been sent. */
        HELD_FOR_REVIEW,
        /** Not to be sent: a reviewer decided so, with a reason. */
        WITHDRAWN;

        public boolean canBecome(Status next) {
            return switch (this) {
                case HELD_FOR_REVIEW -> next == SENT || next == WITHDRAWN;
                case SENT, WITHDRAWN -> false;
            };
        }
    }
}

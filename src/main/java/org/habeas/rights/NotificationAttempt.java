package org.habeas.rights;

import java.time.Instant;
import java.util.UUID;

/** One attempt to notify: when, how, by whom, and whether it reached the person owed it (REQ-30). */
public record NotificationAttempt(UUID id, UUID task, Instant at, Method method, String madeBy, boolean delivered,
                                  String note, Instant recordedAt) {

    public enum Method { PHONE, IN_PERSON, LETTER, EMAIL, MESSAGE, OTHER }
}

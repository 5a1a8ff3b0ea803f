package org.habeas.rights;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Records an attempt on {@code task}; {@code at} defaults to now. */
public record NewAttempt(UUID task, Instant at, NotificationAttempt.Method method, boolean delivered, String note) {

    public NewAttempt {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(method, "method");
    }
}

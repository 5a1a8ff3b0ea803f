package org.habeas.rights;

import java.time.Instant;
import java.util.Objects;

import org.habeas.people.PersonId;

/** Notifies {@code country}'s {@code post} of the person's detention; {@code at} defaults to now. */
public record NewConsularNotification(PersonId person, String country, String post,
                                      ConsularNotification.Method method, Instant at) {

    public NewConsularNotification {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(method, "method");
    }
}

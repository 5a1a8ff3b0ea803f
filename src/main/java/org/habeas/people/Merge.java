package org.habeas.people;

import java.util.Objects;

/** The command to merge {@code duplicate} into {@code survivor}; the reason is journaled (LEGAL or SUPERVISOR). */
public record Merge(PersonId survivor, PersonId duplicate, String reason) {

    public Merge {
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(duplicate, "duplicate");
        Objects.requireNonNull(reason, "reason");
    }
}

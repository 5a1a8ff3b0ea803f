package org.habeas.estate;

import java.util.Objects;
import java.util.UUID;

/** The id of an expansion project. */
public record ExpansionId(UUID value) {

    public ExpansionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

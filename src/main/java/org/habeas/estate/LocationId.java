package org.habeas.estate;

import java.util.Objects;
import java.util.UUID;

/** The id of a location (a module, a cell, a reception area ...); UUIDs in URLs. */
public record LocationId(UUID value) {

    public LocationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

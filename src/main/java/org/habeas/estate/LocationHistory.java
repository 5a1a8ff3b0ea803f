package org.habeas.estate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One command's changes to a location: who, when, why, and each attribute's old and new value. */
public record LocationHistory(UUID command, Instant at, String by, String reason, List<Change> changes) {

    public record Change(String attribute, String from, String to) {
    }
}

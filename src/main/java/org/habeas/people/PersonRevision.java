package org.habeas.people;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a record's history (REQ-06): which revision it supersedes, who made it, when, why, and what
 * changed ({@code changes} maps each changed part to {@code {from, to}}; the first revision lists the record).
 */
public record PersonRevision(int revision, Integer supersedes, String kind, Instant recordedAt, String recordedBy,
                             String reason, Map<String, Object> changes) {
}

package org.habeas.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The part of a journal entry that its hash commits to, exactly as PostgreSQL stores it: the time in epoch
 * microseconds (PostgreSQL's precision) and the details as the JSON text stored (a {@code json} column keeps the
 * text exactly as written). It is always read back from the database, never taken from what the writer sent, so
 * sealing and verification hash the same bytes.
 */
public record EntryContent(long seq, UUID id, long recordedAtMicros, String actor, String actorRoles, String action,
                           String subjectType, String subjectId, String facility, String reason, String details,
                           String requestId) {

    /** Reads the columns {@code seq, id, recorded_at, actor, ..., details, request_id} of a query, by name. */
    public static EntryContent read(ResultSet rs) throws SQLException {
        return new EntryContent(rs.getLong("seq"), rs.getObject("id", UUID.class),
                epochMicros(rs.getObject("recorded_at", OffsetDateTime.class)), rs.getString("actor"),
                rs.getString("actor_roles"), rs.getString("action"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("facility"), rs.getString("reason"),
                rs.getString("details"), rs.getString("request_id"));
    }

    public static long epochMicros(OffsetDateTime time) {
        return time.toEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    public static long epochMicros(Instant time) {
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }
}

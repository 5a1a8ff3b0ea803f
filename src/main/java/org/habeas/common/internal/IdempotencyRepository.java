package org.habeas.common.internal;

import java.net.URI;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class IdempotencyRepository {

    // ON CONFLICT waits for a concurrent claim of the same key to commit or roll back, so exactly one
    // request runs the command; the others then read its stored response.
    private static final String CLAIM = """
            INSERT INTO idempotent_command (caller, idempotency_key, route, fingerprint)
            VALUES (:caller, :key, :route, :fingerprint)
            ON CONFLICT (caller, idempotency_key) DO NOTHING
            """;

    private static final String FIND = """
            SELECT route, fingerprint, status, location, body
              FROM idempotent_command
             WHERE caller = :caller AND idempotency_key = :key
            """;

    private static final String COMPLETE = """
            UPDATE idempotent_command
               SET status = :status, location = :location, body = :body
             WHERE caller = :caller AND idempotency_key = :key
            """;

    private static final String RELEASE = """
            DELETE FROM idempotent_command WHERE caller = :caller AND idempotency_key = :key
            """;

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key; when someone already did, answers what they stored. */
    public Optional<StoredResponse> claim(String caller, String key, String route, byte[] fingerprint) {
        int claimed = jdbc.sql(CLAIM).param("caller", caller).param("key", key).param("route", route)
                .param("fingerprint", fingerprint).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql(FIND).param("caller", caller).param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString("route"), rs.getBytes("fingerprint"),
                        rs.getInt("status"), rs.getString("location"), rs.getString("body")))
                .optional();
    }

    public void complete(String caller, String key, int status, URI location, String body) {
        int updated = jdbc.sql(COMPLETE).param("caller", caller).param("key", key).param("status", status)
                .param("location", location == null ? null : location.toString()).param("body", body).update();
        if (updated != 1) {
            throw new IllegalStateException("idempotency claim vanished for key " + key);
        }
    }

    public void release(String caller, String key) {
        jdbc.sql(RELEASE).param("caller", caller).param("key", key).update();
    }

    public record StoredResponse(String route, byte[] fingerprint, int status, String location, String body) {
    }
}

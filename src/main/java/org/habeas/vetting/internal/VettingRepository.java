package org.habeas.vetting.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.habeas.access.Role;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.MovementOverride;
import org.habeas.vetting.OverrideStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class VettingRepository {

    private static final String INSERT_DECISION = """
            INSERT INTO vetting_decision (id, person_id, action, movement_key, facility, allowed, outcomes, overrides,
                                          decided_at, decided_by)
            VALUES (:id, :person, :action, :movementKey, :facility, :allowed, CAST(:outcomes AS jsonb), :overrides,
                    :decidedAt, :decidedBy)
            """;

    private static final String OVERRIDE_COLUMNS = """
            id, person_id, action, movement_key, facility, rule, denial, reason, legal_basis, expires_at, status,
            approver_role, requested_by, requested_at, decided_by, decided_at, decision_reason, used_by_decision,
            denial_key, denial_args
            """;

    private static final String INSERT_OVERRIDE = """
            INSERT INTO vetting_override (id, person_id, action, movement_key, facility, rule, denial, reason, legal_basis,
                                          expires_at, status, approver_role, requested_by, requested_at, denial_key,
                                          denial_args)
            VALUES (:id, :person, :action, :movementKey, :facility, :rule, :denial, :reason, :legalBasis, :expiresAt,
                    'PENDING', :approverRole, :requestedBy, :requestedAt, :denialKey, CAST(:denialArgs AS text[]))
            """;

    private static final String FIND_OVERRIDE = "SELECT " + OVERRIDE_COLUMNS + " FROM vetting_override WHERE id = :id";

    private static final String LOCK_OVERRIDES = "SELECT " + OVERRIDE_COLUMNS
            + " FROM vetting_override WHERE id IN (:ids) ORDER BY id FOR UPDATE";

    private static final String LIST_OVERRIDES = "SELECT " + OVERRIDE_COLUMNS + """
             FROM vetting_override
            WHERE (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:facilities AS text[]) IS NULL OR facility = ANY (CAST(:facilities AS text[])))
            ORDER BY requested_at DESC
            LIMIT :limit
            """;

    // The overrides still in play for one movement: waiting for a second person, or approved and not yet used.
    private static final String OPEN_OVERRIDES_FOR = "SELECT " + OVERRIDE_COLUMNS + """
             FROM vetting_override
            WHERE person_id = :person AND movement_key = :movementKey AND status IN ('PENDING', 'APPROVED')
              AND expires_at > :now
            ORDER BY requested_at DESC
            """;

    private static final String DECIDE_OVERRIDE = """
            UPDATE vetting_override
               SET status = :status, decided_by = :decidedBy, decided_at = :decidedAt, decision_reason = :reason
             WHERE id = :id AND status = 'PENDING'
            """;

    private static final String USE_OVERRIDE = """
            UPDATE vetting_override SET status = 'USED', used_by_decision = :decision, used_at = :usedAt
             WHERE id = :id AND status = 'APPROVED'
            """;

    private final JdbcClient jdbc;

    VettingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertDecision(UUID id, UUID person, MovementAction action, String movementKey, String facility,
                               boolean allowed, String outcomesJson, Collection<UUID> overrides, Instant decidedAt,
                               String decidedBy) {
        requireOne(jdbc.sql(INSERT_DECISION).param("id", id).param("person", person).param("action", action.name())
                .param("movementKey", movementKey).param("facility", facility).param("allowed", allowed)
                .param("outcomes", outcomesJson).param("overrides", overrides.toArray(UUID[]::new))
                .param("decidedAt", utc(decidedAt)).param("decidedBy", decidedBy).update());
    }

    public void insertOverride(MovementOverride o) {
        requireOne(jdbc.sql(INSERT_OVERRIDE).param("id", o.id()).param("person", o.person())
                .param("action", o.action().name()).param("movementKey", o.movementKey())
                .param("facility", o.facility()).param("rule", o.rule()).param("denial", o.denial())
                .param("reason", o.reason())
                .param("legalBasis", o.legalBasis()).param("expiresAt", utc(o.expiresAt()))
                .param("approverRole", o.approverRole().name()).param("requestedBy", o.requestedBy())
                .param("requestedAt", utc(o.requestedAt())).param("denialKey", o.denialKey())
                .param("denialArgs", o.denialKey() == null ? null : o.denialArgs().toArray(String[]::new)).update());
    }

    public Optional<MovementOverride> findOverride(UUID id) {
        return jdbc.sql(FIND_OVERRIDE).param("id", id).query(VettingRepository::override).optional();
    }

    /** Locks the overrides a movement names, in id order so two movements never deadlock on them. */
    public List<MovementOverride> lockOverrides(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql(LOCK_OVERRIDES).param("ids", List.copyOf(ids)).query(VettingRepository::override).list();
    }

    public List<MovementOverride> overrides(OverrideStatus status, Collection<String> facilities, int limit) {
        return jdbc.sql(LIST_OVERRIDES).param("status", status == null ? null : status.name())
                .param("facilities", facilities == null ? null : facilities.toArray(String[]::new))
                .param("limit", limit).query(VettingRepository::override).list();
    }

    public List<MovementOverride> openOverridesFor(UUID person, String movementKey, Instant now) {
        return jdbc.sql(OPEN_OVERRIDES_FOR).param("person", person).param("movementKey", movementKey)
                .param("now", utc(now)).query(VettingRepository::override).list();
    }

    /** Records the approver's decision; false when someone decided first. */
    public boolean decideOverride(UUID id, OverrideStatus status, String decidedBy, Instant decidedAt, String reason) {
        return jdbc.sql(DECIDE_OVERRIDE).param("id", id).param("status", status.name()).param("decidedBy", decidedBy)
                .param("decidedAt", utc(decidedAt)).param("reason", reason).update() == 1;
    }

    public void useOverride(UUID id, UUID decision, Instant usedAt) {
        requireOne(jdbc.sql(USE_OVERRIDE).param("id", id).param("decision", decision).param("usedAt", utc(usedAt))
                .update());
    }

    private static MovementOverride override(ResultSet rs, int n) throws SQLException {
        return new MovementOverride(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                MovementAction.valueOf(rs.getString("action")), rs.getString("movement_key"),
                rs.getString("facility"), rs.getString("rule"), rs.getString("denial"), rs.getString("reason"), rs.getString("legal_basis"),
                instant(rs, "expires_at"), OverrideStatus.valueOf(rs.getString("status")),
                Role.valueOf(rs.getString("approver_role")), rs.getString("requested_by"),
                instant(rs, "requested_at"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("decision_reason"), rs.getObject("used_by_decision", UUID.class),
                rs.getString("denial_key"), texts(rs, "denial_args"));
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array value = rs.getArray(column);
        return value == null ? List.of() : List.of((String[]) value.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void requireOne(int rows) {
        if (rows != 1) {
            throw new IllegalStateException("expected to write one row, wrote " + rows);
        }
    }
}

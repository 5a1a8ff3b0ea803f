package org.habeas.access.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.habeas.access.ApiToken;
import org.habeas.access.HabeasUser;
import org.habeas.access.Permission;
import org.habeas.access.Role;
import org.habeas.access.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccessRepository {

    private static final String USER_COLUMNS = """
            id, username, display_name, password_hash, roles, facilities, enabled, locked_until,
            created_at, updated_at
            """;

    private static final String INSERT_USER = """
            INSERT INTO app_user (id, username, display_name, password_hash, roles, facilities, created_at, updated_at)
            VALUES (:id, :username, :displayName, :passwordHash, :roles, :facilities, :now, :now)
            ON CONFLICT (username) DO NOTHING
            """;

    private static final String PERMISSIONS = """
            , ARRAY(SELECT p.permission FROM user_permission p WHERE p.user_id = app_user.id ORDER BY 1) AS permissions
            """;

    private static final String FIND_USER_BY_NAME = "SELECT " + USER_COLUMNS + PERMISSIONS
            + " FROM app_user WHERE username = :username";

    private static final String LOCK_USER_BY_ID =
            "SELECT " + USER_COLUMNS + PERMISSIONS + " FROM app_user WHERE id = :id FOR UPDATE";

    private static final String FIND_USER_BY_ID = "SELECT " + USER_COLUMNS + PERMISSIONS
            + " FROM app_user WHERE id = :id";

    private static final String LIST_USERS = "SELECT " + USER_COLUMNS + PERMISSIONS
            + " FROM app_user ORDER BY username";

    private static final String DELETE_PERMISSIONS = """
            DELETE FROM user_permission WHERE user_id = :id AND NOT (permission = ANY (:keep))
            """;

    private static final String GRANT_PERMISSIONS = """
            INSERT INTO user_permission (user_id, permission, granted_at, granted_by)
            SELECT :id, p, :now, :by FROM unnest(CAST(:permissions AS text[])) p
            ON CONFLICT (user_id, permission) DO NOTHING
            """;

    private static final String COUNT_USERS = "SELECT count(*) FROM app_user";

    private static final String UPDATE_USER = """
            UPDATE app_user
               SET display_name = :displayName, roles = :roles, facilities = :facilities, enabled = :enabled,
                   updated_at = :now
             WHERE id = :id
            """;

    private static final String UPDATE_PASSWORD = """
            UPDATE app_user SET password_hash = :passwordHash, updated_at = :now WHERE id = :id
            """;

    // One statement, so concurrent failures cannot both read 4 and write 5 without locking:
    // the row lock taken by UPDATE serialises them.
    private static final String COUNT_FAILED_LOGON = """
            UPDATE app_user
               SET failed_logons = CASE WHEN failed_logons + 1 >= :limit THEN 0 ELSE failed_logons + 1 END,
                   locked_until  = CASE WHEN failed_logons + 1 >= :limit THEN :lockedUntil ELSE locked_until END
             WHERE username = :username
            RETURNING locked_until = :lockedUntil AS locked_now
            """;

    private static final String CLEAR_FAILED_LOGONS = """
            UPDATE app_user SET failed_logons = 0
             WHERE username = :username AND failed_logons > 0
            """;

    private static final String UNLOCK = """
            UPDATE app_user SET failed_logons = 0, locked_until = NULL, updated_at = :now WHERE id = :id
            """;

    private static final String TOKEN_COLUMNS = """
            t.id, u.username, t.name, t.prefix, t.created_at, t.expires_at, t.revoked_at
            """;

    private static final String INSERT_TOKEN = """
            INSERT INTO api_token (id, user_id, name, token_hash, prefix, created_at, expires_at)
            VALUES (:id, :userId, :name, :hash, :prefix, :now, :expiresAt)
            """;

    private static final String FIND_TOKEN = "SELECT " + TOKEN_COLUMNS
            + " FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.id = :id";

    private static final String LIST_TOKENS = "SELECT " + TOKEN_COLUMNS
            + " FROM api_token t JOIN app_user u ON u.id = t.user_id"
            + " WHERE (CAST(:userId AS uuid) IS NULL OR t.user_id = :userId) ORDER BY t.created_at DESC";

    private static final String REVOKE_TOKEN = """
            UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL
            """;

    private static final String USER_FOR_ACTIVE_TOKEN = "SELECT " + USER_COLUMNS.replaceAll("(\\w+)", "u.$1")
            + PERMISSIONS.replace("app_user.id", "u.id")
            + " FROM api_token t JOIN app_user u ON u.id = t.user_id"
            + " WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now";

    private final JdbcClient jdbc;

    AccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the user; false when the username is taken. */
    public boolean insertUser(UUID id, String username, String displayName, String passwordHash, Set<Role> roles,
                              Set<String> facilities, Instant now) {
        return jdbc.sql(INSERT_USER).param("id", id).param("username", username).param("displayName", displayName)
                .param("passwordHash", passwordHash).param("roles", roleArray(roles))
                .param("facilities", facilities.stream().sorted().toArray(String[]::new))
                .param("now", utc(now)).update() == 1;
    }

    public Optional<StoredUser> findUser(String username) {
        return jdbc.sql(FIND_USER_BY_NAME).param("username", username).query(AccessRepository::user).optional();
    }

    public Optional<StoredUser> findUser(UUID id) {
        return jdbc.sql(FIND_USER_BY_ID).param("id", id).query(AccessRepository::user).optional();
    }

    public Optional<StoredUser> lockUser(UUID id) {
        return jdbc.sql(LOCK_USER_BY_ID).param("id", id).query(AccessRepository::user).optional();
    }

    public List<StoredUser> listUsers() {
        return jdbc.sql(LIST_USERS).query(AccessRepository::user).list();
    }

    public long countUsers() {
        return jdbc.sql(COUNT_USERS).query(Long.class).single();
    }

    public void updateUser(UUID id, String displayName, Set<Role> roles, Set<String> facilities, boolean enabled,
                           Instant now) {
        requireOne(jdbc.sql(UPDATE_USER).param("id", id).param("displayName", displayName)
                .param("roles", roleArray(roles)).param("facilities", facilities.stream().sorted().toArray(String[]::new))
                .param("enabled", enabled).param("now", utc(now)).update());
    }

    /** Makes the user's permissions exactly {@code permissions}; those already held keep their grant record. */
    public void setPermissions(UUID id, Set<Permission> permissions, String grantedBy, Instant now) {
        String[] names = permissions.stream().map(Permission::name).sorted().toArray(String[]::new);
        jdbc.sql(DELETE_PERMISSIONS).param("id", id).param("keep", names).update();
        jdbc.sql(GRANT_PERMISSIONS).param("id", id).param("permissions", names).param("now", utc(now))
                .param("by", grantedBy).update();
    }

    public void updatePassword(UUID id, String passwordHash, Instant now) {
        requireOne(jdbc.sql(UPDATE_PASSWORD).param("id", id).param("passwordHash", passwordHash)
                .param("now", utc(now)).update());
    }

    /** Counts a failed log-on; answers whether this failure locked the account. Empty for an unknown user. */
    public Optional<Boolean> countFailedLogon(String username, int limit, Instant lockedUntil) {
        return jdbc.sql(COUNT_FAILED_LOGON).param("username", username).param("limit", limit)
                .param("lockedUntil", utc(lockedUntil)).query((rs, n) -> rs.getBoolean("locked_now")).optional();
    }

    public void clearFailedLogons(String username) {
        jdbc.sql(CLEAR_FAILED_LOGONS).param("username", username).update();
    }

    public void unlock(UUID id, Instant now) {
        requireOne(jdbc.sql(UNLOCK).param("id", id).param("now", utc(now)).update());
    }

    public void insertToken(UUID id, UUID userId, String name, byte[] hash, String prefix, Instant now,
                            Instant expiresAt) {
        requireOne(jdbc.sql(INSERT_TOKEN).param("id", id).param("userId", userId).param("name", name)
                .param("hash", hash).param("prefix", prefix).param("now", utc(now))
                .param("expiresAt", utc(expiresAt)).update());
    }

    public Optional<ApiToken> findToken(UUID id) {
        return jdbc.sql(FIND_TOKEN).param("id", id).query(AccessRepository::token).optional();
    }

    public List<ApiToken> listTokens(UUID userId) {
        return jdbc.sql(LIST_TOKENS).param("userId", userId).query(AccessRepository::token).list();
    }

    public boolean revokeToken(UUID id, Instant now) {
        return jdbc.sql(REVOKE_TOKEN).param("id", id).param("now", utc(now)).update() == 1;
    }

    public Optional<StoredUser> userForActiveToken(byte[] hash, Instant now) {
        return jdbc.sql(USER_FOR_ACTIVE_TOKEN).param("hash", hash).param("now", utc(now))
                .query(AccessRepository::user).optional();
    }

    /** A user row as stored, with the lock-out end still to be compared with the clock. */
    public record StoredUser(UUID id, String username, String displayName, String passwordHash, Set<Role> roles,
                             Set<String> facilities, Set<Permission> permissions, boolean enabled,
                             Instant lockedUntil, Instant createdAt, Instant updatedAt) {

        public HabeasUser toUser(Instant now) {
            boolean locked = lockedUntil != null && lockedUntil.isAfter(now);
            return new HabeasUser(id, username, displayName, roles, facilities, permissions, enabled, locked,
                    passwordHash);
        }

        public UserAccount toAccount(Instant now) {
            return new UserAccount(id, username, displayName, roles, facilities, permissions, enabled,
                    lockedUntil != null && lockedUntil.isAfter(now) ? lockedUntil : null, createdAt, updatedAt);
        }
    }

    private static StoredUser user(ResultSet rs, int n) throws SQLException {
        return new StoredUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"),
                strings(rs.getArray("roles")).stream().map(Role::valueOf).collect(Collectors.toUnmodifiableSet()),
                Set.copyOf(strings(rs.getArray("facilities"))),
                strings(rs.getArray("permissions")).stream().map(Permission::valueOf)
                        .collect(Collectors.toUnmodifiableSet()), rs.getBoolean("enabled"),
                instant(rs, "locked_until"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static ApiToken token(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("name"),
                rs.getString("prefix"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String[] roleArray(Collection<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
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

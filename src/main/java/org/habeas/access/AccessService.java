package org.habeas.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.habeas.access.internal.AccessRepository;
import org.habeas.access.internal.AccessRepository.StoredUser;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, their roles and facility scope, log-on lock-out and API tokens (REQ-52). Every change is journaled in
 * its own transaction. Refusals: {@code USER_NOT_FOUND}, {@code USERNAME_TAKEN}, {@code PASSWORD_TOO_WEAK},
 * {@code TOKEN_NOT_FOUND}.
 */
@Service
@Transactional(readOnly = true)
public class AccessService {

    /** CJIS 5.5.3: at most five failed log-ons, then at least ten minutes locked (REQ-52). */
    public static final int FAILED_LOGON_LIMIT = 5;
    public static final Duration LOCK_OUT = Duration.ofMinutes(10);
    public static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_BYTES = 72;
    public static final String TOKEN_PREFIX = "hab_";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessRepository repository;
    private final PasswordEncoder passwords;
    private final Journal journal;
    private final Clock clock;
    private final FacilityScope scope;

    AccessService(AccessRepository repository, PasswordEncoder passwords, Journal journal, Clock clock,
                  FacilityScope scope) {
        this.repository = repository;
        this.passwords = passwords;
        this.journal = journal;
        this.clock = clock;
        this.scope = scope;
    }

    @Transactional
    public UserAccount createUser(NewUser user) {
        if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "A username is 3 to 64 lower-case letters, digits, dots, dashes or underscores", "username");
        }
        if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 200) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A name of 1 to 200 characters is required",
                    "displayName");
        }
        requireRoles(user.roles());
        checkPassword(user.username(), user.password());
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        if (!repository.insertUser(id, user.username(), user.displayName(), passwords.encode(user.password()),
                user.roles(), user.facilities(), now)) {
            throw AccessRefused.usernameTaken(user.username());
        }
        journal.append(JournalEntry.of("USER_CREATED", "user", id.toString())
                .withDetails(Map.of("username", user.username(), "roles", sorted(user.roles()),
                        "facilities", user.facilities().stream().sorted().toList())));
        return account(id);
    }

    /** Changes roles, scope or the enabled flag; the journal keeps the old and new values (REQ-52, REQ-51). */
    @Transactional
    public UserAccount changeUser(UUID id, UserChange change) {
        StoredUser before = repository.lockUser(id).orElseThrow(() -> AccessRefused.userNotFound(id.toString()));
        var displayName = change.displayName() == null ? before.displayName() : change.displayName();
        var roles = change.roles() == null ? before.roles() : change.roles();
        requireRoles(roles);
        var facilities = change.facilities() == null ? before.facilities() : change.facilities();
        boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
        repository.updateUser(id, displayName, roles, facilities, enabled, clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", before.username());
        if (!roles.equals(before.roles())) {
            details.put("roles", Map.of("from", sorted(before.roles()), "to", sorted(roles)));
        }
        if (!facilities.equals(before.facilities())) {
            details.put("facilities", Map.of("from", before.facilities().stream().sorted().toList(),
                    "to", facilities.stream().sorted().toList()));
        }
        if (enabled != before.enabled()) {
            details.put("enabled", Map.of("from", before.enabled(), "to", enabled));
        }
        if (!displayName.equals(before.displayName())) {
            details.put("displayName", Map.of("from", before.displayName(), "to", displayName));
        }
        journal.append(JournalEntry.of("USER_CHANGED", "user", id.toString()).withReason(change.reason())
                .withDetails(details));
        return account(id);
    }

    /**
     * Grants exactly {@code permissions} (REQ-14: medical, confidential complaints, children's data) to the user,
     * withdrawing any other; a reason is required and the journal keeps the old and new sets.
     */
    @Transactional
    public UserAccount setPermissions(UUID id, Set<Permission> permissions, String reason) {
        if (permissions == null) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The permissions are required (may be empty)",
                    "permissions");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A reason is required", "reason");
        }
        StoredUser before = repository.lockUser(id).orElseThrow(() -> AccessRefused.userNotFound(id.toString()));
        repository.setPermissions(id, permissions, scope.actorName(), clock.instant());
        journal.append(JournalEntry.of("USER_PERMISSIONS_CHANGED", "user", id.toString()).withReason(reason)
                .withDetails(Map.of("username", before.username(),
                        "permissions", Map.of("from", before.permissions().stream().map(Permission::name).sorted()
                                .toList(), "to", permissions.stream().map(Permission::name).sorted().toList()))));
        return account(id);
    }

    @Transactional
    public void changePassword(UUID id, String newPassword, String reason) {
        StoredUser user = repository.lockUser(id).orElseThrow(() -> AccessRefused.userNotFound(id.toString()));
        checkPassword(user.username(), newPassword);
        repository.updatePassword(id, passwords.encode(newPassword), clock.instant());
        journal.append(JournalEntry.of("PASSWORD_CHANGED", "user", id.toString()).withReason(reason)
                .withDetails(Map.of("username", user.username())));
    }

    @Transactional
    public UserAccount unlock(UUID id, String reason) {
        StoredUser user = repository.lockUser(id).orElseThrow(() -> AccessRefused.userNotFound(id.toString()));
        repository.unlock(id, clock.instant());
        journal.append(JournalEntry.of("USER_UNLOCKED", "user", id.toString()).withReason(reason)
                .withDetails(Map.of("username", user.username())));
        return account(id);
    }

    public UserAccount account(UUID id) {
        return repository.findUser(id).orElseThrow(() -> AccessRefused.userNotFound(id.toString()))
                .toAccount(clock.instant());
    }

    /** The account of {@code username}, without its password; empty when there is none. */
    public Optional<UserAccount> accountNamed(String username) {
        Instant now = clock.instant();
        return repository.findUser(username).map(u -> u.toAccount(now));
    }

    public List<UserAccount> accounts() {
        Instant now = clock.instant();
        return repository.listUsers().stream().map(u -> u.toAccount(now)).toList();
    }

    public boolean hasUsers() {
        return repository.countUsers() > 0;
    }

    /** The user for a log-on check, with the password hash; empty when there is no such user. */
    public Optional<HabeasUser> userForLogon(String username) {
        Instant now = clock.instant();
        return repository.findUser(username).map(u -> u.toUser(now));
    }

    /**
     * Counts a failed log-on (REQ-52). The fifth in a row locks the account for ten minutes; both are journaled.
     * The attempted name is journaled as given, cut to 64 characters, since it is what an investigator needs.
     */
    @Transactional
    public void recordFailedLogon(String attemptedUsername, String why, String channel) {
        String who = attemptedUsername == null ? "" : attemptedUsername.substring(0,
                Math.min(64, attemptedUsername.length()));
        boolean lockedNow = "bad-credentials".equals(why) && repository
                .countFailedLogon(who, FAILED_LOGON_LIMIT, clock.instant().plus(LOCK_OUT)).orElse(false);
        journal.append(JournalEntry.of("LOGON_FAILED", "user", who).by(who, "")
                .withDetails(Map.of("why", why, "channel", channel)));
        if (lockedNow) {
            journal.append(JournalEntry.of("ACCOUNT_LOCKED", "user", who).by(who, "")
                    .withReason(FAILED_LOGON_LIMIT + " failed log-ons")
                    .withDetails(Map.of("minutes", LOCK_OUT.toMinutes())));
        }
    }

    /** A successful log-on ends the run of failures; interactive ones are journaled (API calls would flood it). */
    @Transactional
    public void recordSuccessfulLogon(String username, boolean interactive) {
        repository.clearFailedLogons(username);
        if (interactive) {
            journal.append(JournalEntry.of("LOGON_SUCCEEDED", "user", username).by(username, "")
                    .withDetails(Map.of("channel", "form")));
        }
    }

    /**
     * Issues a bearer token for {@code owner}; the secret is returned once and only its hash is kept. Only ADMIN
     * issues tokens for someone else (a sending agency's client); others get {@code FORBIDDEN}.
     */
    @Transactional
    public IssuedToken issueToken(HabeasUser actor, UUID owner, String name, Duration validFor) {
        if (!owner.equals(actor.id()) && !actor.has(Role.ADMIN)) {
            throw AccessRefused.forbidden("Only an administrator issues tokens for another user");
        }
        StoredUser user = repository.findUser(owner).orElseThrow(() -> AccessRefused.userNotFound(owner.toString()));
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        String prefix = secret.substring(0, TOKEN_PREFIX.length() + 6);
        repository.insertToken(id, owner, name, hash(secret), prefix, now, now.plus(validFor));
        journal.append(JournalEntry.of("TOKEN_ISSUED", "api-token", id.toString())
                .withDetails(Map.of("owner", user.username(), "name", name, "expiresAt", now.plus(validFor).toString())));
        return new IssuedToken(repository.findToken(id).orElseThrow(), secret);
    }

    /** A token its owner or an ADMIN may see; anyone else gets {@code TOKEN_NOT_FOUND}, so ids do not leak. */
    public ApiToken token(HabeasUser actor, UUID id) {
        return repository.findToken(id)
                .filter(t -> t.username().equals(actor.username()) || actor.has(Role.ADMIN))
                .orElseThrow(AccessRefused::tokenNotFound);
    }

    /** The actor's own tokens, or with {@code everyone} (ADMIN only) all tokens. */
    public List<ApiToken> tokens(HabeasUser actor, boolean everyone) {
        if (everyone && !actor.has(Role.ADMIN)) {
            throw AccessRefused.forbidden("Only an administrator lists everyone's tokens");
        }
        return repository.listTokens(everyone ? null : actor.id());
    }

    @Transactional
    public ApiToken revokeToken(HabeasUser actor, UUID id, String reason) {
        ApiToken token = token(actor, id);
        if (repository.revokeToken(id, clock.instant())) {
            journal.append(JournalEntry.of("TOKEN_REVOKED", "api-token", id.toString()).withReason(reason)
                    .withDetails(Map.of("owner", token.username(), "name", token.name())));
        }
        return repository.findToken(id).orElseThrow();
    }

    /** The enabled, unlocked user behind an active bearer token. */
    public Optional<HabeasUser> userForToken(String secret) {
        Instant now = clock.instant();
        return repository.userForActiveToken(hash(secret), now).map(u -> u.toUser(now).withoutPassword())
                .filter(u -> u.isEnabled() && u.isAccountNonLocked());
    }

    // Least privilege still means some privilege: a user without a role could only look at the home page.
    private static void requireRoles(java.util.Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A user needs at least one role", "roles");
        }
    }

    private static void checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw AccessRefused.weakPassword("A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            throw AccessRefused.weakPassword("A password must not contain the username");
        }
        // bcrypt reads only the first 72 bytes; a longer password would fail to hash, or be cut silently.
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw AccessRefused.weakPassword("A password can be at most " + MAX_PASSWORD_BYTES
                    + " bytes long (fewer characters when they are not plain ASCII)");
        }
    }

    private static List<String> sorted(java.util.Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.habeas.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user as administrators see it: no password hash. {@code lockedUntil} is set while a lock-out runs;
 * {@code permissions} are the confidential fields the user may read (REQ-14).
 */
public record UserAccount(UUID id, String username, String displayName, Set<Role> roles, Set<String> facilities,
                          Set<Permission> permissions, boolean enabled, Instant lockedUntil, Instant createdAt,
                          Instant updatedAt) {
}

package org.habeas.access;

import java.util.Set;

/** What an administrator changes about a user; a null part stays as it is. A reason is journaled. */
public record UserChange(String displayName, Set<Role> roles, Set<String> facilities, Boolean enabled,
                         String reason) {
}

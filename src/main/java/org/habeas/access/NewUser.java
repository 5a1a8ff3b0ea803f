package org.habeas.access;

import java.util.Set;

/** The command to create a user. */
public record NewUser(String username, String displayName, String password, Set<Role> roles,
                      Set<String> facilities) {
}

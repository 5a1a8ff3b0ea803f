package org.habeas.access;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as the rest of Habeas sees it. {@code facilities} empty means every facility;
 * {@code permissions} are the confidential fields the user may read (REQ-14), granted apart from roles;
 * the password hash is present only while Spring Security checks a log-on.
 */
public record HabeasUser(UUID id, String username, String displayName, Set<Role> roles, Set<String> facilities,
                         Set<Permission> permissions, boolean enabled, boolean locked, String passwordHash)
        implements UserDetails, Serializable {

    public HabeasUser {
        roles = Set.copyOf(roles);
        facilities = Set.copyOf(facilities);
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    /** A user without any confidential-field permission. */
    public HabeasUser(UUID id, String username, String displayName, Set<Role> roles, Set<String> facilities,
                      boolean enabled, boolean locked, String passwordHash) {
        this(id, username, displayName, roles, facilities, Set.of(), enabled, locked, passwordHash);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean seesFacility(String code) {
        return facilities.isEmpty() || facilities.contains(code);
    }

    public HabeasUser withoutPassword() {
        return new HabeasUser(id, username, displayName, roles, facilities, permissions, enabled, locked, null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "HabeasUser[" + username + "]";   // never the hash
    }
}

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
 * the password hash is present only while Spring Security checks a log-on.
 */
public record HabeasUser(UUID id, String username, String displayName, Set<Role> roles, Set<String> facilities,
                         boolean enabled, boolean locked, String passwordHash) implements UserDetails, Serializable {

    public HabeasUser {
        roles = Set.copyOf(roles);
        facilities = Set.copyOf(facilities);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean seesFacility(String code) {
        return facilities.isEmpty() || facilities.contains(code);
    }

    public HabeasUser withoutPassword() {
        return new HabeasUser(id, username, displayName, roles, facilities, enabled, locked, null);
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

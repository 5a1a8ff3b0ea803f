package org.habeas.access.internal;

import org.habeas.access.AccessService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads users for form log-on and HTTP Basic. */
@Component
class HabeasUserDetails implements UserDetailsService {

    private final AccessService access;

    HabeasUserDetails(AccessService access) {
        this.access = access;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return access.userForLogon(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}

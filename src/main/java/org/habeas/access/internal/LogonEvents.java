package org.habeas.access.internal;

import org.habeas.access.AccessService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Turns Spring Security's log-on events into lock-out counting and journal entries (REQ-51, REQ-52). */
@Component
class LogonEvents {

    private final AccessService access;

    LogonEvents(AccessService access) {
        this.access = access;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String why = event instanceof AuthenticationFailureBadCredentialsEvent ? "bad-credentials"
                : event instanceof AuthenticationFailureLockedEvent ? "locked"
                : event instanceof AuthenticationFailureDisabledEvent ? "disabled"
                : "other";
        access.recordFailedLogon(event.getAuthentication().getName(), why, channel(event.getAuthentication().getDetails()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        access.recordSuccessfulLogon(event.getAuthentication().getName(), false);
    }

    @EventListener
    void loggedOn(InteractiveAuthenticationSuccessEvent event) {
        access.recordSuccessfulLogon(event.getAuthentication().getName(), true);
    }

    // Form log-ons carry web details from the form filter; Basic ones do too, so the path tells them apart.
    private static String channel(Object details) {
        return details instanceof WebAuthenticationDetails ? "web" : "api";
    }
}

package org.habeas.access;

import java.util.Optional;
import java.util.Set;

import org.habeas.access.internal.RefusedRequests;
import org.habeas.audit.Journal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Facility scope, the one mechanism every module uses: a user limited to some facilities does not see the
 * others at all. Out of scope answers 404 {@code FACILITY_NOT_FOUND}, exactly as for a facility that does not
 * exist, so scope does not leak which facilities there are.
 *
 * <p>Every facility this refuses to a signed-in user is noted on the HTTP request being served; a request that
 * then answers 404 is journaled as a refusal ({@code REFUSED}, kind {@code FACILITY_SCOPE}), whichever module
 * turned the refusal into its 404 (REQ-49). A 404 with no such refusal, for something that does not exist, is not.
 */
@Component
public class FacilityScope {

    /** The facility codes the current user is limited to; empty when the user sees every facility. */
    public Optional<Set<String>> limitedTo() {
        return currentUser().filter(u -> !u.facilities().isEmpty()).map(HabeasUser::facilities);
    }

    /** Whether the signed-in user may see {@code facilityCode}; nobody signed in sees none. */
    public boolean allows(String facilityCode) {
        var user = currentUser();
        boolean allowed = user.map(u -> u.seesFacility(facilityCode)).orElse(false);
        if (!allowed && user.isPresent()) {
            RefusedRequests.outOfScope(facilityCode);
        }
        return allowed;
    }

    /** Refuses with 404 ({@link OutOfScope}, answered as a facility that does not exist) unless allowed. */
    public void require(String facilityCode) {
        if (!allows(facilityCode)) {
            throw new OutOfScope(facilityCode);
        }
    }

    /** Who is acting, for records and the journal: the signed-in user, or the journal's system actor. */
    public String actorName() {
        return currentUser().map(HabeasUser::username).orElse(Journal.SYSTEM);
    }

    /** Whether the signed-in user holds {@code permission} (REQ-14); nobody signed in holds none. */
    public boolean holds(Permission permission) {
        return currentUser().map(u -> u.has(permission)).orElse(false);
    }

    public Optional<HabeasUser> currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof HabeasUser user
                ? Optional.of(user) : Optional.empty();
    }
}

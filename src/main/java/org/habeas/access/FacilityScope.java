package org.habeas.access;

import java.util.Optional;
import java.util.Set;

import org.habeas.audit.Journal;
import org.habeas.common.ErrorCode;
import org.habeas.common.NotFound;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Facility scope, the one mechanism every module uses: a user limited to some facilities does not see the
 * others at all. Out of scope answers 404 {@code FACILITY_NOT_FOUND}, exactly as for a facility that does not
 * exist, so scope does not leak which facilities there are.
 */
@Component
public class FacilityScope {

    /** The facility codes the current user is limited to; empty when the user sees every facility. */
    public Optional<Set<String>> limitedTo() {
        return currentUser().filter(u -> !u.facilities().isEmpty()).map(HabeasUser::facilities);
    }

    public boolean allows(String facilityCode) {
        return currentUser().map(u -> u.seesFacility(facilityCode)).orElse(false);
    }

    /** Refuses with 404 unless the current user may see {@code facilityCode}. */
    public void require(String facilityCode) {
        if (!allows(facilityCode)) {
            throw new NotFound(ErrorCode.FACILITY_NOT_FOUND, "No facility " + facilityCode);
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

package org.habeas.custody.roll.internal;

import java.time.Instant;
import java.util.List;

import org.habeas.custody.ConsistencyReport;
import org.habeas.custody.CustodyPageParts;
import org.habeas.custody.placement.SeparationBreaches;
import org.habeas.custody.roll.FacilityRoll;
import org.habeas.custody.roll.RollCall;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The roll of a facility now or at any past instant, its separation breaches, and the consistency check. */
@RestController
class RollController {

    private final RollCall rollCall;
    private final SeparationBreaches breaches;

    RollController(RollCall rollCall, SeparationBreaches breaches) {
        this.rollCall = rollCall;
        this.breaches = breaches;
    }

    @GetMapping("/api/facilities/{code}/roll")
    @PreAuthorize(CustodyPageParts.READERS)
    FacilityRoll roll(@PathVariable String code, @RequestParam(required = false) Instant at) {
        return at == null ? rollCall.now(code) : rollCall.at(code, at);
    }

    /** Cells holding people who should not be there by separation, now (REQ-20): counts per category, no names. */
    @GetMapping("/api/facilities/{code}/roll/separation-breaches")
    @PreAuthorize(CustodyPageParts.READERS)
    List<SeparationBreaches.Breach> separationBreaches(@PathVariable String code) {
        return breaches.in(code);
    }

    // The check spans every facility and names people and cells: only for users not limited to some facilities.
    @GetMapping("/api/custody/consistency")
    @PreAuthorize("hasAnyRole('ADMIN','INSPECTOR','DIRECTOR') and principal.facilities().isEmpty()")
    ConsistencyReport consistency() {
        return rollCall.check();
    }
}

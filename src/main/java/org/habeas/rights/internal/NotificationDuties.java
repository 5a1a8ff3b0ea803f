package org.habeas.rights.internal;

import org.habeas.custody.CustodyEvent;
import org.habeas.rights.RightsService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens the notification duties of every custody event, after the movement's commit, in a transaction of its own.
 * The event publication registry keeps the event until this completes: if it fails (or the process dies first), the
 * publication stays incomplete and is resubmitted; {@link RightsService#openDuties} acts once per event however
 * often it runs.
 */
@Component
class NotificationDuties {

    private final RightsService rights;

    NotificationDuties(RightsService rights) {
        this.rights = rights;
    }

    @ApplicationModuleListener
    void on(CustodyEvent event) {
        rights.openDuties(event);
    }
}

package org.habeas.rights;

import java.time.Instant;
import java.util.UUID;

import org.habeas.people.PersonId;

/**
 * A restriction of what the locator tells about a person, on a legal ground recorded with the authority that ordered
 * it (REQ-16, ICPPED Art. 20); lifted, never deleted.
 */
public record LocatorRestriction(UUID id, PersonId person, String ground, String orderedBy, String reference,
                                 Instant recordedAt, String recordedBy, Instant liftedAt, String liftedBy) {

    public boolean inForce() {
        return liftedAt == null;
    }
}

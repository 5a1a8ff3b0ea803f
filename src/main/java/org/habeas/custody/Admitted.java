package org.habeas.custody;

import java.util.UUID;

/** A new custody episode and where the person is now: in the facility's reception. */
public record Admitted(Episode episode, Whereabouts whereabouts, UUID referral) {
}

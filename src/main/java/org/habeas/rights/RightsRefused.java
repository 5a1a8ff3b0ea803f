package org.habeas.rights;

import java.util.UUID;

import org.habeas.common.Conflict;
import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.habeas.common.NotFound;

/** The rights module's refusals, each with its own published code. */
public final class RightsRefused {

    private RightsRefused() {
    }

    static HabeasException contactNotFound(UUID id) {
        return new NotFound(ErrorCode.CONTACT_NOT_FOUND, "No contact " + id);
    }

    static HabeasException taskNotFound(UUID id) {
        return new NotFound(ErrorCode.NOTIFICATION_TASK_NOT_FOUND, "No notification task " + id);
    }

    static HabeasException taskClosed(UUID id, TaskStatus status) {
        return new Conflict(ErrorCode.NOTIFICATION_TASK_CLOSED, "Notification task " + id + " is " + status
                + "; nothing more is recorded on it");
    }

    static HabeasException publicationNotFound(UUID id) {
        return new NotFound(ErrorCode.EVENT_PUBLICATION_NOT_FOUND, "No incomplete event publication " + id);
    }

    static HabeasException consularNotificationNotFound(UUID id) {
        return new NotFound(ErrorCode.CONSULAR_NOTIFICATION_NOT_FOUND, "No consular notification " + id);
    }

    static HabeasException consularNotificationNotHeld(UUID id) {
        return new Conflict(ErrorCode.CONSULAR_NOTIFICATION_NOT_HELD, "Consular notification " + id
                + " is not held for review");
    }
}

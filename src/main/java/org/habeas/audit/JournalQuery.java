package org.habeas.audit;

import static org.habeas.common.Text.blankToNull;

import java.time.Instant;

import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;

/**
 * Which entries to list; every part is optional and the parts combine with AND. Times are a half-open range:
 * {@code from} inclusive, {@code to} exclusive. {@code to} before {@code from} is refused with
 * {@code VALIDATION_FAILED} naming {@code to}.
 */
public record JournalQuery(String subjectType, String subjectId, String actor, String action, Instant from,
                           Instant to) {

    public JournalQuery {
        subjectType = blankToNull(subjectType);
        subjectId = blankToNull(subjectId);
        actor = blankToNull(actor);
        action = blankToNull(action);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "to must not be before from", "to");
        }
    }

    public static JournalQuery everything() {
        return new JournalQuery(null, null, null, null, null, null);
    }

    public static JournalQuery subject(String subjectType, String subjectId) {
        return new JournalQuery(subjectType, subjectId, null, null, null, null);
    }
}

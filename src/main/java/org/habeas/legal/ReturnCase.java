package org.habeas.legal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.habeas.common.CountryCode;

/**
 * A return-facilitation case (REQ-45): a removal that later proved unlawful, or a court's order to facilitate a
 * return, tracked with its steps, contacts with the receiving state and status reports to the court until the
 * person is back or a court closes it. {@code facility} is the facility the person was removed from, which decides
 * who may see the case (facility scope). Never deleted; opening and closing are kept in {@code history}.
 */
public record ReturnCase(UUID id, UUID person, UUID order, CountryCode country, String grounds, Status status,
                         Instant openedAt, String openedBy, Instant closedAt, String closedBy, String closureReference,
                         String closureSummary, String facility, List<Step> steps, List<StatusChange> history) {

    public enum Status {
        /** Steps, contacts and reports may be added; on the dashboard until it closes. */
        OPEN,
        /** The person is back: closed for good, nothing more is added. */
        RETURNED,
        /** A court's decision (cited by its reference) ended the duty to facilitate: closed for good. */
        CLOSED_BY_COURT;

        /** The one transition there is: an open case closes, once, on the person's return or a court's decision. */
        public boolean canBecome(Status next) {
            return switch (this) {
                case OPEN -> next == RETURNED || next == CLOSED_BY_COURT;
                case RETURNED, CLOSED_BY_COURT -> false;
            };
        }
    }

    /** One entry of the case's record, in the order it was recorded ({@code line} 1, 2 ...). */
    public record Step(int line, Kind kind, Instant happenedAt, String summary, Instant recordedAt, String recordedBy) {

        public enum Kind { STEP, CONTACT_WITH_RECEIVING_STATE, STATUS_REPORT_TO_COURT }
    }

    public ReturnCase {
        steps = steps == null ? List.of() : List.copyOf(steps);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}

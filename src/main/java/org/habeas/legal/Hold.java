package org.habeas.legal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A provisional legal hold (REQ-57): entered at once from counsel's notice or an order received by fax, e-mail or
 * telephone, it blocks every removal of the person from the moment it is recorded. Someone other than who entered
 * it verifies it against the source later, or withdraws it; a verified hold blocks until withdrawn.
 */
public record Hold(UUID id, UUID person, Source source, String issuedBy, String caseNumber, Instant receivedAt,
                   String summary, String documentReference, Status status, Instant recordedAt, String recordedBy,
                   Instant decidedAt, String decidedBy, List<StatusChange> history) {

    public enum Source { COUNSEL_NOTICE, FAXED_ORDER, EMAILED_ORDER, TELEPHONED_ORDER, COURT_FILING }

    public enum Status {
        PROVISIONAL, VERIFIED, WITHDRAWN;

        public boolean blocks() {
            return this != WITHDRAWN;
        }
    }

    public Hold {
        history = history == null ? List.of() : List.copyOf(history);
    }
}

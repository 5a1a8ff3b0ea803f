package org.habeas.rights;

import java.time.Instant;
import java.util.UUID;

/** A consular visit, call or letter, or the person's objection to a visit (REQ-33, VCCR Art. 36(1)(c)). */
public record ConsularCommunication(UUID id, UUID person, Kind kind, String country, String post, Instant at,
                                    String note, Instant recordedAt, String recordedBy) {

    public enum Kind { VISIT, CALL, LETTER, OBJECTION }
}

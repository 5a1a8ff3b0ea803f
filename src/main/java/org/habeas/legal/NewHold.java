package org.habeas.legal;

import java.time.Instant;
import java.util.Objects;

import org.habeas.people.PersonId;

/** The command to enter a provisional hold; {@code receivedAt} defaults to now. */
public record NewHold(PersonId person, Hold.Source source, String issuedBy, String caseNumber, Instant receivedAt,
                      String summary, String documentReference) {

    public NewHold {
        Objects.requireNonNull(person, "person");
    }
}

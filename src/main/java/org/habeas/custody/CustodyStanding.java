package org.habeas.custody;

import java.time.Instant;

/**
 * Where a person stands, as much as the public locator may tell (REQ-16, ICPPED Art. 18): the facility responsible
 * for them and since when, never the cell, the court or the hospital; the facility a transfer goes to; the country and
 * authority a handover or removal went to; when custody ended and from which facility. {@code since} is when custody began
 * while held, when the state began otherwise; {@code orderingAuthority} is the authority that ordered the detention.
 */
public record CustodyStanding(State state, String facility, Instant since, String destination,
                              String receivingAuthority, String orderingAuthority) {

    public enum State {
        /** Held by the facility: in a cell, in reception, or out for a while (court, hospital) and still its charge. */
        HELD,
        /** On the way to another facility ({@code destination}). */
        IN_TRANSIT,
        /** Handed to {@code receivingAuthority} of the country {@code destination}. */
        HANDED_OVER,
        RELEASED,
        /** Removed to the country {@code destination}, to {@code receivingAuthority}. */
        REMOVED,
        DECEASED,
        ESCAPED
    }
}

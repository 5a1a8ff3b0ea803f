package org.habeas.rights;

import java.time.Instant;

/**
 * One facility's notification duties past their deadline and still open (REQ-30): how many, the oldest deadline, and
 * how many of them are to family, to counsel and to the person. An overdue duty is a safeguard failing.
 */
public record OverdueDuties(String facility, String facilityName, long overdue, Instant oldestDueAt, long toFamily,
                            long toCounsel, long toPerson) {
}

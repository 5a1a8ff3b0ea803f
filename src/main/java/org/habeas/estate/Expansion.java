package org.habeas.estate;

import java.time.Instant;
import java.time.LocalDate;

/** An expansion project: a named layout added to a facility, effective on a planned date. */
public record Expansion(ExpansionId id, String facilityCode, String name, LocalDate plannedOn,
                        ExpansionStatus status, LocalDate openedOn, Instant createdAt) {
}

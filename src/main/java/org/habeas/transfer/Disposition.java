package org.habeas.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded long-term disposition of a person held under an agreement; the latest one for the person counts. */
public record Disposition(UUID id, UUID agreement, UUID person, DispositionKind kind, LocalDate decidedOn,
                          String decidedBy, String note, Instant recordedAt, String recordedBy) {
}

package org.habeas.transfer;

import java.time.Instant;
import java.util.UUID;

/** A person held now under an agreement: where, since when, and the latest disposition recorded (null if none). */
public record HeldPerson(UUID person, String facility, Instant since, DispositionKind disposition) {
}

package org.habeas.transfer;

import java.time.LocalDate;
import java.util.UUID;

/** An agreement whose term ends within its alert window, with the people it holds who still have no disposition. */
public record ExpiringAgreement(UUID agreement, String reference, LocalDate termEnd, long daysLeft, long heldNow,
                                long withoutDisposition) {
}

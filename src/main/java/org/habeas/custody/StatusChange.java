package org.habeas.custody;

import java.time.Instant;

/** One change of an allegation's or a non-association's status: who, when, from what to what, why. */
public record StatusChange(Instant at, String by, String from, String to, String reason) {
}

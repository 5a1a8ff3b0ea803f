package org.habeas.legal;

import java.time.Instant;

/** One change of a legal record's status: who, when, from what, to what, and why. */
public record StatusChange(Instant at, String by, String from, String to, String reason) {
}

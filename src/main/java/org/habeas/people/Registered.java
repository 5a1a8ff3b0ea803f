package org.habeas.people;

/** What a registration did: {@code created} a new record, or linked the arrival to an existing one. */
public record Registered(Person person, boolean created) {
}

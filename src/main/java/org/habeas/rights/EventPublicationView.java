package org.habeas.rights;

import java.time.Instant;
import java.util.UUID;

/**
 * An incomplete publication of the outbox as administrators see it: which event, for which listener, since when,
 * how often tried. Never the event's content, which may name a person.
 */
public record EventPublicationView(UUID id, String listener, String eventType, Instant publishedAt, String status,
                                   int attempts, Instant lastResubmittedAt) {
}

package org.habeas.legal;

import java.util.List;
import java.util.UUID;

/**
 * The documents a person's detentions rest on, newest first, the admission's among them, and the standing of the
 * open episode; {@code standing} is null when the person is not held.
 */
public record PersonAuthorities(UUID person, DetentionStanding standing, List<DetentionAuthority> documents) {

    public PersonAuthorities {
        documents = List.copyOf(documents);
    }
}

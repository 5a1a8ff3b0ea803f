package org.habeas.transfer;

import java.util.UUID;

/**
 * One person as the sender lists them: an existing record ({@code person}) or identity data for a new arrival,
 * never both; {@code ref} is the sender's own reference, by which boarding and arrival name the line.
 *
 * @param category  the category of person the line claims (checked against the agreement's accepted ones)
 * @param basisType the legal basis of an outbound removal ({@code ALIEN_ENEMIES_ACT}, {@code COURT_ORDER} ...)
 */
public record LineDraft(String ref, UUID person, NewArrival identity, String category, String basisType,
                        String basisReference) {
}

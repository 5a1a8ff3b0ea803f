package org.habeas.legal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A person's legal record at a glance: where custody stands, the countries the guard checks against, and every
 * order, hold, injunction covering them, review, notice and fear claim, each with its status and history.
 *
 * @param facility    the facility of the open custody episode; null when not in custody
 * @param legalStatus the open episode's legal status (IMMIGRATION, PRE_TRIAL ...); null when not in custody
 */
public record LegalSummary(UUID person, String facility, String legalStatus, Set<String> nationalities,
                           Set<String> residences, List<CourtOrder> orders, List<Hold> holds,
                           List<Injunction> injunctions, List<LegalReview> reviews, List<Notice> notices,
                           List<FearClaim> fearClaims) {

    public LegalSummary {
        nationalities = Set.copyOf(nationalities);
        residences = Set.copyOf(residences);
        orders = List.copyOf(orders);
        holds = List.copyOf(holds);
        injunctions = List.copyOf(injunctions);
        reviews = List.copyOf(reviews);
        notices = List.copyOf(notices);
        fearClaims = List.copyOf(fearClaims);
    }

    /** The latest review, or null. */
    public LegalReview lastReview() {
        return reviews.isEmpty() ? null : reviews.get(0);
    }
}

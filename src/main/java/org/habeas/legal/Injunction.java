package org.habeas.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A class-wide injunction (REQ-57): it covers everyone who meets all of its criteria, so a person need not be named
 * in it to be protected by it. A criterion left empty does not narrow the class; at least one is given.
 *
 * @param nationalities the class's nationalities (ISO codes): a person with any of them meets the criterion
 * @param removalBasis  the legal basis of the removals it stops (e.g. {@code ALIEN_ENEMIES_ACT})
 * @param facilities    the facilities whose detainees it covers
 * @param arrestedFrom  the first day of arrest it covers, inclusive
 * @param arrestedTo    the last day of arrest it covers, inclusive
 */
public record Injunction(UUID id, String issuedBy, String caseNumber, LocalDate decidedOn, RecordStatus status,
                         LocalDate effectiveFrom, LocalDate expiresOn, String documentReference, String summary,
                         Set<String> nationalities, String removalBasis, Set<String> facilities,
                         LocalDate arrestedFrom, LocalDate arrestedTo, Instant recordedAt, String recordedBy,
                         List<StatusChange> history) {

    public Injunction {
        nationalities = Set.copyOf(nationalities);
        facilities = Set.copyOf(facilities);
        history = history == null ? List.of() : List.copyOf(history);
    }
}

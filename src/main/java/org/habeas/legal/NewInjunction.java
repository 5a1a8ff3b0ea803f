package org.habeas.legal;

import java.time.LocalDate;
import java.util.List;

/** The command to enter a class-wide injunction; countries are ISO 3166-1 alpha-2 codes. */
public record NewInjunction(String issuedBy, String caseNumber, LocalDate decidedOn, RecordStatus status,
                            LocalDate effectiveFrom, LocalDate expiresOn, String documentReference, String summary,
                            List<String> nationalities, String removalBasis, List<String> facilities,
                            LocalDate arrestedFrom, LocalDate arrestedTo) {

    public NewInjunction {
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        facilities = facilities == null ? List.of() : List.copyOf(facilities);
    }
}

package org.habeas.people;

import java.util.List;

/** One line of a search result or report: enough to tell people apart, not the whole record. */
public record PersonSummary(PersonId id, String registerNumber, String fullName, String birth,
                            IdentityStatus identityStatus, List<String> nationalities) {
}

package org.habeas.people;

import java.util.List;

/**
 * An existing record that looks like the same person, with its score and evidence ({@code NAME}, {@code ALIAS},
 * {@code BIRTH_DATE}, {@code DOCUMENT_NUMBER}).
 */
public record DuplicateCandidate(PersonSummary person, double score, List<String> evidence) {
}

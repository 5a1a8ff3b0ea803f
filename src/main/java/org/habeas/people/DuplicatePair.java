package org.habeas.people;

import java.util.List;

/** Two records of the duplicates report, with the name score and the evidence that they are one person. */
public record DuplicatePair(PersonSummary first, PersonSummary second, double score, List<String> evidence) {
}

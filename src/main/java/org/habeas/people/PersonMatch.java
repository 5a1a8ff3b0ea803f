package org.habeas.people;

/** A search hit: the person, the score (0..1, higher is better) and the name that matched (the record's own or an alias). */
public record PersonMatch(PersonSummary person, double score, String matchedName) {
}

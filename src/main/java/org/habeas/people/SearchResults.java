package org.habeas.people;

import java.util.List;

/**
 * One page of ranked matches. {@code total} counts every match unless {@code totalCapped}: a name shared by
 * thousands stops counting at {@link PeopleService#CANDIDATE_CAP}, and the officer should narrow the search.
 */
public record SearchResults(List<PersonMatch> items, int page, int size, long total, boolean totalCapped) {
}

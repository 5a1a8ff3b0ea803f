package org.habeas.people;

import java.util.List;

/**
 * One page of ranked matches. {@code total} counts every match unless {@code totalCapped}: then it is a lower
 * bound, either because a name shared by thousands stops at {@link PeopleService#CANDIDATE_CAP}, or because the
 * search stopped reading once nobody further could reach the page asked for (counting every José García would cost
 * more than the page); the officer can narrow the search.
 */
public record SearchResults(List<PersonMatch> items, int page, int size, long total, boolean totalCapped) {
}

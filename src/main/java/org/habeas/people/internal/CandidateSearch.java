package org.habeas.people.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.habeas.people.PersonId;
import org.habeas.people.PersonMatch;
import org.habeas.people.internal.PeopleRepository.Candidate;
import org.habeas.people.internal.PeopleRepository.Filter;
import org.habeas.people.internal.PeopleRepository.KeySet;
import org.habeas.people.internal.PeopleRepository.Statement;

/**
 * Which candidate reads a name search makes, cheapest first, and when it may stop (target: p95 ≤ 30 ms at a
 * million people). The cost of a search is the person rows it reads, one heap page each, so each step reads only
 * what can still change the wanted page:
 * <ol>
 *     <li>people called exactly what was asked ({@link NameKeys#wholeName}); nobody else can score as high;</li>
 *     <li>people carrying every query token as written (a GIN intersection, so a crowded name never pushes the
 *         exact matches past the cap);</li>
 *     <li>people carrying a near spelling of every query token: they share a key with each of the two rarest
 *         query pairs, and the index intersects the two before any row is read;</li>
 *     <li>only when steps 1-3 do not fill the page with scores that someone missing a token could not reach:
 *         people with all tokens but one (a second surname the record lacks): for each token that may be
 *         missing, the intersection of the two rarest pairs of the others ({@link NameSearch#allButOneKeys()}).
 *     </li>
 * </ol>
 * With a birth year every key is the year-tagged one, so the rows read are those of people born that year. A
 * search that stopped early reports its total as a lower bound ({@code capped}). Pure: the service and the
 * bare-SQL benchmark run the same statements through their own {@code fetch}.
 */
public final class CandidateSearch {

    private CandidateSearch() {
    }

    /** Ranked matches, the candidates by id (for their birth dates), and whether the total is only a lower bound. */
    public record Ranked(List<PersonMatch> matches, Map<PersonId, Candidate> candidates, boolean capped) {
    }

    /**
     * Ranks the people whose names match {@code tokens}, reading candidates through {@code fetch} until the first
     * {@code wanted} places are settled.
     */
    public static Ranked rank(NameSearch plan, Filter filter, int wanted, int cap,
                              Function<Statement, List<Candidate>> fetch) {
        return rank(plan, filter, wanted, 0, cap, fetch);
    }

    /**
     * As {@link #rank(NameSearch, Filter, int, int, Function)}, for a caller that wants only matches scoring at
     * least {@code floor} (a duplicate check): a step none of whose names could reach it is not read.
     */
    public static Ranked rank(NameSearch plan, Filter filter, int wanted, double floor, int cap,
                              Function<Statement, List<Candidate>> fetch) {
        List<String> tokens = plan.queryTokens();
        Integer year = filter.year();
        var reads = new Reads(plan, filter, cap, fetch);
        if (!plan.byPairs()) {
            reads.add(List.of(List.of(KeySet.any("search_tokens", plan.tokenKeys()))));
            return reads.ranked(false);
        }
        int n = tokens.size();
        // 1. Called exactly that. A whole-name match scores 1.0 (0.98 as an alias); anyone else at most
        //    max(1 - 0.08 / n, 0.8 + 0.2 n / (n + 1)): one token only a near spelling, or one extra name part.
        reads.add(List.of(List.of(KeySet.any("search_pairs", tagged(Set.of(NameKeys.wholeName(tokens)), year)))));
        double belowWhole = Math.max(1 - 0.08 / n, 0.8 + 0.2 * n / (n + 1));
        if (reads.hitCap() || reads.countAbove(belowWhole) >= wanted) {
            return reads.ranked(true);
        }
        // 2. Every token as written; with a year, through the year-tagged key of the two rarest tokens.
        List<KeySet> exact = new ArrayList<>();
        exact.add(KeySet.all("search_tokens", tokens));
        if (year != null) {
            exact.add(KeySet.any("search_pairs", tagged(Set.of(plan.rarestExactPair()), year)));
        }
        reads.add(List.of(exact));
        if (reads.hitCap()) {
            return reads.ranked(true);
        }
        // 3. A near spelling of every token.
        reads.add(List.of(pairConditions(plan.fullMatchKeys(), year)));
        if (plan.required() == n) {
            return reads.ranked(reads.hitCap());
        }
        // 4. All tokens but one: the best such name scores 0.8 (n - 1) / n + 0.2.
        double bestWithoutOne = 0.8 * (n - 1) / n + 0.2;
        if (bestWithoutOne < floor) {
            return reads.ranked(reads.hitCap());
        }
        if (reads.countAbove(bestWithoutOne) >= wanted) {
            return reads.ranked(true);
        }
        reads.add(plan.allButOneKeys().stream().map(group -> pairConditions(group, year)).toList());
        return reads.ranked(reads.hitCap());
    }

    private static List<KeySet> pairConditions(List<Set<String>> keySets, Integer year) {
        return keySets.stream().map(k -> KeySet.any("search_pairs", tagged(k, year))).toList();
    }

    private static Set<String> tagged(Set<String> keys, Integer year) {
        if (year == null) {
            return keys;
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        keys.forEach(k -> out.add(NameKeys.withYear(k, year)));
        return out;
    }

    /** The candidates read so far, scored once each. */
    private static final class Reads {
        private final NameSearch plan;
        private final Filter filter;
        private final int cap;
        private final Function<Statement, List<Candidate>> fetch;
        private final Map<PersonId, Candidate> candidates = new LinkedHashMap<>();
        private final Map<PersonId, PersonMatch> matches = new HashMap<>();
        private boolean hitCap;

        Reads(NameSearch plan, Filter filter, int cap, Function<Statement, List<Candidate>> fetch) {
            this.plan = plan;
            this.filter = filter;
            this.cap = cap;
            this.fetch = fetch;
        }

        void add(List<List<KeySet>> alternatives) {
            List<Candidate> read = fetch.apply(PeopleRepository.candidateStatement(alternatives, filter, cap));
            hitCap |= read.size() >= cap;
            for (Candidate c : read) {
                if (candidates.putIfAbsent(c.summary().id(), c) == null) {
                    NameSearch.Scored scored = plan.score(c.searchNames());
                    if (scored != null) {
                        String matchedName = scored.nameIndex() == 0 ? c.summary().fullName()
                                : c.searchNames().split("\\|")[scored.nameIndex()];
                        matches.put(c.summary().id(), new PersonMatch(c.summary(), round(scored.score()),
                                matchedName));
                    }
                }
            }
        }

        boolean hitCap() {
            return hitCap;
        }

        long countAbove(double score) {
            return matches.values().stream().filter(m -> m.score() > score + 1e-9).count();
        }

        Ranked ranked(boolean capped) {
            List<PersonMatch> sorted = new ArrayList<>(matches.values());
            sorted.sort(Comparator.comparingDouble(PersonMatch::score).reversed()
                    .thenComparing(m -> m.person().registerNumber()));
            Map<PersonId, Candidate> matched = new HashMap<>();
            sorted.forEach(m -> matched.put(m.person().id(), candidates.get(m.person().id())));
            return new Ranked(sorted, matched, capped);
        }
    }

    static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}

package org.habeas.people.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.habeas.people.internal.PeopleRepository.Variant;

/**
 * The search plan and the scoring, kept out of SQL so they can be read and unit-tested.
 *
 * <p>Each query token is widened to its variants from the vocabulary with a weight: the same token 1.0, the same
 * Spanish sound key 0.9, one edit away 0.85, two edits in a long name 0.75, a close trigram neighbour 0.4 + 0.4 ×
 * similarity, a longer token it begins 0.7. A person's name matches when at least {@code required} query tokens
 * find a variant in it: all of them for one or two tokens, all but one for three or more (a second surname the
 * record lacks, one word nobody can match). Candidates are looked up by pair keys ({@link #fullMatchKeys()},
 * {@link #allButOneKeys()}; {@link CandidateSearch} decides which and when): a pair of two parts is rare even
 * when each part alone (García, José) is shared by tens of thousands.
 */
public final class NameSearch {

    static final double ALIAS_FACTOR = 0.98;
    private static final int MAX_VARIANTS = 8;
    private static final double MIN_WEIGHT = 0.55;

    private final List<String> queryTokens;
    private final Map<String, Map<String, Double>> variants;
    private final Map<String, Integer> frequency;

    private NameSearch(List<String> queryTokens, Map<String, Map<String, Double>> variants,
                       Map<String, Integer> frequency) {
        this.queryTokens = queryTokens;
        this.variants = variants;
        this.frequency = frequency;
    }

    public static NameSearch plan(List<String> queryTokens, List<Variant> found) {
        Map<String, Map<String, Double>> variants = new LinkedHashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        for (String q : queryTokens) {
            Map<String, Double> weights = new HashMap<>();
            weights.put(q, 1.0);   // the token itself, even when nobody has it yet
            variants.put(q, weights);
        }
        for (Variant v : found) {
            frequency.put(v.token(), v.frequency());
            double w = weight(v.query(), v.token(), v.similarity());
            if (w >= MIN_WEIGHT) {
                variants.get(v.query()).merge(v.token(), w, Math::max);
            }
        }
        Map<String, Map<String, Double>> kept = new LinkedHashMap<>();
        variants.forEach((q, weights) -> {
            Map<String, Double> best = new LinkedHashMap<>();
            weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).limit(MAX_VARIANTS)
                    .forEach(e -> best.put(e.getKey(), e.getValue()));
            kept.put(q, best);
        });
        return new NameSearch(queryTokens, kept, frequency);
    }

    static double weight(String query, String token, double similarity) {
        if (query.equals(token)) {
            return 1.0;
        }
        double w = 0;
        if (NameKeys.phonetic(query).equals(NameKeys.phonetic(token))) {
            w = 0.9;
        }
        int shorter = Math.min(query.length(), token.length());
        int distance = distance(query, token);
        if (distance == 1 && shorter >= 4) {
            w = Math.max(w, 0.85);
        } else if (distance == 2 && shorter >= 7) {
            w = Math.max(w, 0.75);
        }
        if (similarity >= 0.45) {
            w = Math.max(w, 0.4 + 0.4 * similarity);
        }
        if (query.length() >= 3 && token.startsWith(query)) {
            w = Math.max(w, 0.7);
        }
        return w;
    }

    public int required() {
        int n = queryTokens.size();
        return n <= 2 ? n : n - 1;
    }

    public boolean byPairs() {
        return queryTokens.size() >= 2;
    }

    /** The token keys of a one-token query: its variants. */
    public Set<String> tokenKeys() {
        return new LinkedHashSet<>(variants.get(queryTokens.get(0)).keySet());
    }

    /**
     * The pair keys of the two rarest query pairs (the one pair of a two-token query): anyone whose name holds a
     * near spelling of every query token holds a key of each, so the index intersection of these sets finds them all.
     */
    public List<Set<String>> fullMatchKeys() {
        return pairsByCost().stream().limit(queryTokens.size() >= 3 ? 2 : 1).map(PairKeys::keys).toList();
    }

    /**
     * For a name that matches all query tokens but one: for each token that may be the missing one, the keys of
     * the two rarest pairs among the others (the one pair when only two are left). Such a name holds a key of
     * both sets of at least one group, so the groups' index intersections, united, find them all while reading
     * far fewer rows than any single crowded pair would.
     */
    public List<List<Set<String>>> allButOneKeys() {
        List<List<Set<String>>> groups = new ArrayList<>();
        for (String missing : queryTokens) {
            List<String> rest = queryTokens.stream().filter(t -> !t.equals(missing)).toList();
            List<Set<String>> group = pairsByCost(rest).stream().limit(2).map(PairKeys::keys).toList();
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** The pair key of the two query tokens as written that the fewest people carry. */
    public String rarestExactPair() {
        List<String> rarest = queryTokens.stream()
                .sorted(Comparator.comparingInt((String t) -> frequency.getOrDefault(t, 0))).limit(2).toList();
        return NameKeys.pair(rarest.get(0), rarest.get(1));
    }

    private List<PairKeys> pairsByCost() {
        return pairsByCost(queryTokens);
    }

    private List<PairKeys> pairsByCost(List<String> tokens) {
        int n = tokens.size();
        List<PairKeys> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(pairKeys(tokens.get(i), tokens.get(j)));
            }
        }
        pairs.sort(Comparator.comparingDouble(PairKeys::cost));
        return pairs;
    }

    private PairKeys pairKeys(String a, String b) {
        Set<String> keys = new LinkedHashSet<>();
        double cost = 0;
        for (String x : variants.get(a).keySet()) {
            for (String y : variants.get(b).keySet()) {
                if (!x.equals(y)) {
                    keys.add(NameKeys.pair(x, y));
                    // Independence estimate of how many people carry both; only steers the choice of pairs.
                    cost += (double) Math.max(1, frequency.getOrDefault(x, 0))
                            * Math.max(1, frequency.getOrDefault(y, 0));
                }
            }
        }
        return new PairKeys(keys, cost);
    }

    /**
     * Scores a candidate's names ("tok tok|tok tok", the record's own name first): the best name wins; an alias
     * counts slightly less. Answers null when no name matches enough query tokens.
     */
    public Scored score(String searchNames) {
        Scored best = null;
        String[] names = searchNames.split("\\|");
        for (int i = 0; i < names.length; i++) {
            if (names[i].isBlank()) {
                continue;
            }
            String[] tokens = names[i].split(" ");
            double s = scoreName(tokens);
            if (s < 0) {
                continue;
            }
            s = i == 0 ? s : s * ALIAS_FACTOR;
            if (best == null || s > best.score()) {
                best = new Scored(s, i);
            }
        }
        return best;
    }

    private double scoreName(String[] tokens) {
        boolean[] used = new boolean[tokens.length];
        double sum = 0;
        int matched = 0;
        for (String q : queryTokens) {
            Map<String, Double> weights = variants.get(q);
            double bestWeight = 0;
            int bestAt = -1;
            for (int t = 0; t < tokens.length; t++) {
                Double w = used[t] ? null : weights.get(tokens[t]);
                if (w != null && w > bestWeight) {
                    bestWeight = w;
                    bestAt = t;
                }
            }
            if (bestAt >= 0) {
                used[bestAt] = true;
                sum += bestWeight;
                matched++;
            }
        }
        if (matched < required()) {
            return -1;
        }
        // Mostly how well the query matched, a little how much of the name it explains, so "José García" ranks
        // the José García above José Antonio García López.
        return 0.8 * sum / queryTokens.size() + 0.2 * matched / tokens.length;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent swaps: "Hernadnez"). */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    public List<String> queryTokens() {
        return queryTokens;
    }

    /** A name's score and which of the person's names matched (0 = the record's own). */
    public record Scored(double score, int nameIndex) {
    }

    private record PairKeys(Set<String> keys, double cost) {
    }
}

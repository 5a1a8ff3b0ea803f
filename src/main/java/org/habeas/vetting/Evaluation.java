package org.habeas.vetting;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One evaluation of a movement or of a batch: the scope checks and every rule judge the same state, so a row that
 * several of them need (the destination cell, the mover's whereabouts) is read once, by whoever asks first, and
 * handed to the others. The engine opens one per dry run, decision or override request and passes it to each check
 * and rule, which pass it on to the reads they share; a read made without it reads the database, as always. Rules
 * never write, so nothing read can change within an evaluation (docs/decisions/0005).
 */
public final class Evaluation {

    /**
     * A kind of row that checks and rules share, declared by the module that reads it (e.g. estate's locations): rows
     * of different kinds never mix, even under equal keys.
     */
    public record Shared<K, V>(String name) {
    }

    private final Map<Shared<?, ?>, Map<Object, Optional<Object>>> known = new HashMap<>();

    public Evaluation() {
    }

    /**
     * The rows of {@code keys} of this kind, reading with {@code read} only those this evaluation has not read yet;
     * keys without a row are left out, and their absence is remembered too.
     */
    public <K, V> Map<K, V> readAll(Shared<K, V> kind, Collection<K> keys, Function<List<K>, Map<K, V>> read) {
        Map<Object, Optional<Object>> rows = known.computeIfAbsent(kind, k -> new HashMap<>());
        List<K> missing = keys.stream().distinct().filter(k -> !rows.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            Map<K, V> found = read.apply(missing);
            missing.forEach(k -> rows.put(k, Optional.ofNullable(found.get(k))));
        }
        Map<K, V> answer = new LinkedHashMap<>();
        for (K key : keys) {
            rows.get(key).ifPresent(row -> answer.put(key, cast(row)));
        }
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static <V> V cast(Object row) {
        return (V) row;
    }
}

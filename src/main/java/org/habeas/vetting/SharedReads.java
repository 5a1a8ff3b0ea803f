package org.habeas.vetting;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads shared by everything that judges one movement (or one batch): the scope checks and every rule. The
 * destination cell is wanted by the scope check, CAPACITY, AREA_MINIMUM and NON_ASSOCIATION, the mover's
 * whereabouts by the scope check and both custody rules; within one evaluation each row is read once, by whoever
 * asks first, and the others get the same row. Rules never write, so nothing read can change within an evaluation.
 *
 * <p>The engine opens the evaluation ({@link #during}); outside one (a rule called on its own) every call reads.
 * An evaluation belongs to its thread, like the transaction it runs in.
 */
public final class SharedReads {

    private static final ThreadLocal<Map<String, Map<Object, Optional<Object>>>> current = new ThreadLocal<>();

    private SharedReads() {
    }

    /**
     * The rows of {@code keys} of the kind {@code what} (one name per kind of read, e.g. {@code estate.location}),
     * reading only those this evaluation has not read yet, with {@code read}; keys without a row are left out, and
     * their absence is remembered too.
     */
    public static <K, V> Map<K, V> readAll(String what, Collection<K> keys, Function<List<K>, Map<K, V>> read) {
        var evaluation = current.get();
        if (evaluation == null) {
            return read.apply(keys.stream().distinct().toList());
        }
        var known = evaluation.computeIfAbsent(what, w -> new HashMap<>());
        List<K> missing = keys.stream().distinct().filter(k -> !known.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            Map<K, V> found = read.apply(missing);
            missing.forEach(k -> known.put(k, Optional.ofNullable(found.get(k))));
        }
        Map<K, V> rows = new LinkedHashMap<>();
        for (K key : keys) {
            known.get(key).ifPresent(row -> rows.put(key, cast(row)));
        }
        return rows;
    }

    /** {@link #readAll} of one key. */
    public static <K, V> Optional<V> read(String what, K key, Function<List<K>, Map<K, V>> read) {
        return Optional.ofNullable(readAll(what, List.of(key), read).get(key));
    }

    /** Runs {@code evaluation} with reads shared; an evaluation started inside another shares the outer one's. */
    static <T> T during(Supplier<T> evaluation) {
        if (current.get() != null) {
            return evaluation.get();
        }
        current.set(new HashMap<>());
        try {
            return evaluation.get();
        } finally {
            current.remove();
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> V cast(Object row) {
        return (V) row;
    }
}

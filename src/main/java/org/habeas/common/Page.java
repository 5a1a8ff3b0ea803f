package org.habeas.common;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list; {@code total} counts every match, not just this page. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}

package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The reads the scope check and the rules of one evaluation share: each row once, and only within it. */
class SharedReadsTest {

    private final List<List<String>> reads = new ArrayList<>();

    // A table of three cells; "gone" has no row.
    private final Function<List<String>, Map<String, Integer>> table = keys -> {
        reads.add(keys);
        return keys.stream().filter(k -> !k.equals("gone")).collect(Collectors.toMap(k -> k, String::length));
    };

    @Test
    void withinOneEvaluationEachRowIsReadOnceWhoeverAsksAndAbsenceIsRemembered() {
        Map<String, Integer> second = SharedReads.during(() -> {
            assertThat(SharedReads.readAll("cell", List.of("c1", "gone"), table)).containsOnlyKeys("c1");
            assertThat(SharedReads.read("cell", "c1", table)).contains(2);
            assertThat(SharedReads.read("cell", "gone", table)).isEmpty();
            return SharedReads.readAll("cell", List.of("c1", "c22", "gone"), table);
        });

        assertThat(second).containsExactly(Map.entry("c1", 2), Map.entry("c22", 3));
        assertThat(reads).containsExactly(List.of("c1", "gone"), List.of("c22"));
    }

    @Test
    void kindsOfReadAreKeptApart() {
        SharedReads.during(() -> {
            SharedReads.read("cell", "c1", table);
            return SharedReads.read("person", "c1", table);
        });

        assertThat(reads).containsExactly(List.of("c1"), List.of("c1"));
    }

    @Test
    void outsideAnEvaluationAndAfterOneEveryCallReads() {
        SharedReads.during(() -> SharedReads.read("cell", "c1", table));
        SharedReads.read("cell", "c1", table);
        SharedReads.read("cell", "c1", table);

        assertThat(reads).hasSize(3);
    }

    @Test
    void anEvaluationThatFailsLeavesNothingBehind() {
        assertThatThrownBy(() -> SharedReads.during(() -> {
            SharedReads.read("cell", "c1", table);
            throw new IllegalStateException("rule failed");
        })).hasMessage("rule failed");

        SharedReads.during(() -> SharedReads.read("cell", "c1", table));

        assertThat(reads).hasSize(2);
    }
}

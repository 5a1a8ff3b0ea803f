package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The reads the scope checks and the rules of one evaluation share: each row once, and only within it. */
class EvaluationTest {

    private static final Evaluation.Shared<String, Integer> CELLS = new Evaluation.Shared<>("cell");
    private static final Evaluation.Shared<String, Integer> PEOPLE = new Evaluation.Shared<>("person");

    private final List<List<String>> reads = new ArrayList<>();

    // A table of three cells; "gone" has no row.
    private final Function<List<String>, Map<String, Integer>> table = keys -> {
        reads.add(keys);
        return keys.stream().filter(k -> !k.equals("gone")).collect(Collectors.toMap(k -> k, String::length));
    };

    @Test
    void withinOneEvaluationEachRowIsReadOnceWhoeverAsksAndAbsenceIsRemembered() {
        Evaluation evaluation = new Evaluation();

        assertThat(evaluation.readAll(CELLS, List.of("c1", "gone"), table)).containsOnlyKeys("c1");
        assertThat(evaluation.readAll(CELLS, List.of("gone"), table)).isEmpty();
        Map<String, Integer> second = evaluation.readAll(CELLS, List.of("c1", "c22", "gone"), table);

        assertThat(second).containsExactly(Map.entry("c1", 2), Map.entry("c22", 3));
        assertThat(reads).containsExactly(List.of("c1", "gone"), List.of("c22"));
    }

    @Test
    void kindsOfReadAreKeptApart() {
        Evaluation evaluation = new Evaluation();

        evaluation.readAll(CELLS, List.of("c1"), table);
        evaluation.readAll(PEOPLE, List.of("c1"), table);

        assertThat(reads).containsExactly(List.of("c1"), List.of("c1"));
    }

    @Test
    void anotherEvaluationReadsAgain() {
        new Evaluation().readAll(CELLS, List.of("c1"), table);
        new Evaluation().readAll(CELLS, List.of("c1"), table);

        assertThat(reads).hasSize(2);
    }
}

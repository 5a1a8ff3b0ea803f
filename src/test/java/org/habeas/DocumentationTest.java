package org.habeas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps what the project cites inside the project: every REQ-nn that code, tests, benchmarks or documents cite is
 * defined in docs/requirements.md, every numbered invariant cited is one docs/architecture.md defines, nothing points
 * to planning notes outside the repository, no comment names a work item by a tracker number a reader does not
 * have, and every relative link in the documents (the README's included) leads to a file. Each failure lists the
 * offending file:line.
 *
 * <p>It reads the text files under src/ (main code, resources, tests), bench/ and docs/, and README.md; plain JUnit,
 * no Spring context. The migrations in {@link #MIGRATIONS} are left alone: Flyway checksums every line of an applied
 * migration, comments included, so one cannot be edited to follow these rules without failing the start of every
 * database it was applied to.
 */
class DocumentationTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static final Set<String> TEXT = Set.of("java", "sql", "properties", "html", "md", "sh", "json", "yml",
            "yaml", "xml", "js", "css", "txt", "jsonl");

    // REQ-20, REQ-08a, and ranges: "REQ-23 to REQ-29", "REQ-26 a REQ-28", "REQ-23..29", "REQ-41–45", "REQ-41-45".
    private static final Pattern REQ = Pattern.compile(
            "REQ-(\\d+)(?:[a-z]\\b)?(?:\\s*(?:\\.\\.|–|-|\\bto\\b|\\ba\\b)\\s*(?:REQ-)?(\\d+))?");
    // A definition is a row of the table in docs/requirements.md: "| REQ-20 | MUST | ... |".
    private static final Pattern REQ_DEFINED = Pattern.compile("^\\|\\s*REQ-(\\d+)\\s*\\|");
    // "invariant 6", "Invariant 2", "invariants 4 and 5", "invariants 1, 5, 6", "invariants 1 to 6", "1..6", "1-6".
    private static final Pattern INVARIANT = Pattern.compile(
            "(?i)\\binvariants?\\s+(\\d+(?:\\s*(?:,|\\band\\b|\\bor\\b|\\bto\\b|–|-|\\.\\.)\\s*\\d+)*)");
    private static final Pattern INVARIANT_DEFINED = Pattern.compile("^(\\d+)\\.\\s");
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|\\bDESIGN\\.md|\\bSTANDARDS\\.md");
    private static final Pattern TRACKER_NUMBER = Pattern.compile("(?i)\\bissues?\\s+#?\\d+");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path SELF = Path.of("src/test/java/org/habeas/DocumentationTest.java");

    private static List<Path> files;
    private static Set<Integer> requirements;
    private static Set<Integer> invariants;

    @BeforeAll
    static void read() throws IOException {
        assertThat(ROOT.resolve("README.md")).as("run from the project's root").exists();
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("src", "bench", "docs")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
                walk.filter(Files::isRegularFile).filter(DocumentationTest::isText).map(ROOT::relativize)
                        .filter(p -> !p.equals(SELF) && !p.startsWith(MIGRATIONS)).sorted().forEach(all::add);
            }
        }
        all.add(Path.of("README.md"));
        files = all;

        requirements = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (String line : lines(Path.of("docs/requirements.md"))) {
            Matcher m = REQ_DEFINED.matcher(line);
            if (m.find() && !requirements.add(Integer.parseInt(m.group(1)))) {
                twice.add("REQ-" + m.group(1));
            }
        }
        assertThat(twice).as("requirements defined twice in docs/requirements.md").isEmpty();
        invariants = new TreeSet<>();
        boolean inSection = false;
        for (String line : lines(Path.of("docs/architecture.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Invariants");
            } else if (inSection) {
                Matcher m = INVARIANT_DEFINED.matcher(line);
                if (m.find()) {
                    invariants.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        assertThat(requirements).as("requirements defined in docs/requirements.md").isNotEmpty();
        assertThat(invariants).as("invariants defined in docs/architecture.md, numbered from 1 without a gap")
                .isNotEmpty().containsExactlyElementsOf(IntStream.rangeClosed(1, invariants.size()).boxed().toList());
    }

    @Test
    void everyCitedRequirementIsDefined() {
        List<String> offences = scan((line, found) -> {
            Matcher m = REQ.matcher(line);
            while (m.find()) {
                int from = Integer.parseInt(m.group(1));
                int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                for (int n = from; n <= Math.max(from, to); n++) {
                    if (!requirements.contains(n)) {
                        found.add("REQ-%02d is not defined in docs/requirements.md".formatted(n));
                    }
                }
            }
        });
        assertThat(offences).as("REQ citations without a definition").isEmpty();
    }

    @Test
    void everyCitedInvariantIsDefined() {
        List<String> offences = scan((line, found) -> {
            Matcher m = INVARIANT.matcher(line);
            while (m.find()) {
                for (int n : numbers(m.group(1))) {
                    if (!invariants.contains(n)) {
                        found.add("invariant %d is not defined in docs/architecture.md".formatted(n));
                    }
                }
            }
        });
        assertThat(offences).as("invariant citations without a definition (defined: %s)", invariants).isEmpty();
    }

    @Test
    void nothingPointsOutsideTheProject() {
        List<String> offences = scan((line, found) -> {
            Matcher m = OUTSIDE.matcher(line);
            while (m.find()) {
                found.add("refers to " + m.group() + "; cite docs/architecture.md or docs/requirements.md instead");
            }
        });
        assertThat(offences).as("references to documents a reader of the project does not have").isEmpty();
    }

    @Test
    void noCommentNamesATrackerNumber() {
        List<String> offences = scan((line, found) -> {
            Matcher m = TRACKER_NUMBER.matcher(line);
            while (m.find()) {
                found.add("says \"" + m.group() + "\"; say what the thing is instead");
            }
        });
        assertThat(offences).as("tracker numbers a reader of the project does not have").isEmpty();
    }

    @Test
    void everyRelativeLinkInTheDocumentsLeadsToAFile() {
        List<String> offences = new ArrayList<>();
        for (Path file : files) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINK.matcher(lines.get(i));
                while (m.find()) {
                    String target = m.group(1).replaceFirst("#.*$", "");
                    if (target.isEmpty() || target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                        continue;
                    }
                    Path parent = file.getParent() == null ? Path.of("") : file.getParent();
                    if (!Files.exists(ROOT.resolve(parent).resolve(target))) {
                        offences.add("%s:%d: links to %s, which does not exist".formatted(file, i + 1, m.group(1)));
                    }
                }
            }
        }
        assertThat(offences).as("links to files that do not exist").isEmpty();
    }

    /** Runs {@code check} on every line of every file; answers "file:line: what" for each thing it found. */
    private static List<String> scan(BiConsumer<String, List<String>> check) {
        List<String> offences = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                List<String> found = new ArrayList<>();
                check.accept(lines.get(i), found);
                for (String what : found) {
                    offences.add("%s:%d: %s".formatted(file, i + 1, what));
                }
            }
        }
        return offences;
    }

    /** "4 and 5" → 4, 5; "1 to 6" or "1-6" → 1..6; "1, 5, 6" → 1, 5, 6. */
    private static List<Integer> numbers(String list) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("(\\d+)|(\\bto\\b|–|-|\\.\\.)").matcher(list);
        boolean range = false;
        while (m.find()) {
            if (m.group(2) != null) {
                range = true;
            } else {
                int n = Integer.parseInt(m.group(1));
                if (range && !numbers.isEmpty()) {
                    for (int k = numbers.get(numbers.size() - 1) + 1; k < n; k++) {
                        numbers.add(k);
                    }
                }
                numbers.add(n);
                range = false;
            }
        }
        return numbers;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && TEXT.contains(name.substring(dot + 1));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(ROOT.resolve(file), StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            try {
                return Files.readAllLines(ROOT.resolve(file), StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

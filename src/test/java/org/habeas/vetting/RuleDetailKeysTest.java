package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every rule detail or source key written in the code exists in the English and the Spanish bundles, also
 * for branches no scenario reaches; a key the code completes (e.g. {@code ...personal.} plus a scope) must start
 * at least one key of each language. The scenarios of {@code RuleDetailLanguagesTest} check the completed keys.
 */
class RuleDetailKeysTest {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern KEY = Pattern.compile(
            "\"((?:custody|estate|vetting)\\.rule(?:Detail|Source)\\.[\\w.]*)\"");

    @Test
    void everyKeyInTheCodeIsInBothLanguages() throws IOException {
        List<String> written = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(MAIN.resolve("java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher key = KEY.matcher(Files.readString(source));
                while (key.find()) {
                    written.add(key.group(1));
                }
            }
        }
        assertThat(written).as("keys in the rules").hasSizeGreaterThan(10);
        for (String language : List.of("en", "es")) {
            List<String> keys = new ArrayList<>();
            for (String bundle : List.of("custody", "estate", "vetting")) {
                keys.addAll(load("i18n/" + bundle + "_" + language + ".properties").stringPropertyNames());
            }
            for (String key : written) {
                assertThat(key.endsWith(".") ? keys.stream().anyMatch(k -> k.startsWith(key)) : keys.contains(key))
                        .as("%s in %s", key, language).isTrue();
            }
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MAIN.resolve("resources").resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

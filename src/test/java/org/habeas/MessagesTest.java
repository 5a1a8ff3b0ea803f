package org.habeas;

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

/** Every page speaks Spanish and English: no key missing in either language, no literal text in templates. */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern TAG = Pattern.compile("<(\\w+)([^>]*)>([^<>]*\\p{L}[^<>]*)</\\1>");
    private static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile(
            "\\s(placeholder|title|aria-label|alt)=\"([^\"]*\\p{L}[^\"]*)\"");
    // Language names are written in their own language, on purpose.
    private static final java.util.Set<String> LANGUAGE_NAMES = java.util.Set.of("Español", "English");

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        for (String bundle : bundles()) {
            Properties en = load(bundle + "_en.properties");
            Properties es = load(bundle + "_es.properties");
            assertThat(es.keySet()).as(bundle + ": keys in English but not in Spanish").containsAll(en.keySet());
            assertThat(en.keySet()).as(bundle + ": keys in Spanish but not in English").containsAll(es.keySet());
        }
    }

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> literal = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template);
                Matcher tag = TAG.matcher(html);
                while (tag.find()) {
                    String attributes = tag.group(2);
                    String text = tag.group(3).trim();
                    boolean replaced = attributes.contains("th:text") || attributes.contains("th:utext")
                            || attributes.contains("th:replace");
                    if (!replaced && !LANGUAGE_NAMES.contains(text) && !tag.group(1).equals("script")) {
                        literal.add(template.getFileName() + ": " + text);
                    }
                }
                Matcher attribute = VISIBLE_ATTRIBUTE.matcher(html);
                while (attribute.find()) {
                    literal.add(template.getFileName() + ": " + attribute.group(1) + "=" + attribute.group(2));
                }
            }
        }
        assertThat(literal).as("literal text in templates; use #{...} message keys").isEmpty();
    }

    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.map(p -> RESOURCES.relativize(p).toString())
                    .filter(p -> p.endsWith("_en.properties") && !p.startsWith("templates"))
                    .map(p -> p.substring(0, p.length() - "_en.properties".length())).toList();
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

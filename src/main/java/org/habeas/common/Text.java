package org.habeas.common;

/** What the modules do alike with text typed by people. */
public final class Text {

    private Text() {
    }

    /** The text without surrounding white space; null when there is none (null, empty or blank). */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

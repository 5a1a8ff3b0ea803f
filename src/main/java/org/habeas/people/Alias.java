package org.habeas.people;

/** Another name the person is or was known by, with what kind of name it is. */
public record Alias(Kind kind, String name) {

    public enum Kind {
        /** A name the person used or was recorded under. */ ALIAS,
        /** The family name before marriage. */ MAIDEN_NAME,
        /** The same name written another way (another script, a transliteration, a sending agency's spelling). */
        OTHER_SPELLING,
        /** What the person is called day to day. */ KNOWN_AS
    }
}

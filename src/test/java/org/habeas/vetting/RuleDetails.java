package org.habeas.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Checks a rule outcome's detail and source the way the pages render them: the key exists in English and
 * Spanish, the English rendering is the English reason word for word (so key and arguments match what the rule
 * said), and the Spanish one is a translation that keeps each value: a code in its Spanish words, free text as
 * entered.
 */
public final class RuleDetails {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");

    private RuleDetails() {
    }

    /** Asserts the detail (and source, when the outcome names one) of a denying or failing outcome. */
    public static void assertInBothLanguages(MessageSource messages, RuleOutcome outcome) {
        String key = outcome.detailKey();
        assertThat(key).as("detail key of %s", outcome).isNotNull();
        Object[] params = outcome.detailParams();
        // getMessage throws NoSuchMessageException when a language lacks the key.
        assertThat(messages.getMessage(key, params, ENGLISH)).as("English %s", key).isEqualTo(outcome.reason());
        String spanish = messages.getMessage(key, params, SPANISH);
        assertThat(spanish).as("Spanish %s", key).isNotEqualTo(outcome.reason());
        for (String arg : outcome.detailArgs()) {
            String words = messages.getMessage(key + "." + arg, null, null, SPANISH);
            assertThat(spanish).as("Spanish %s with %s", key, arg).contains(words == null ? arg : words);
            if (words != null) {
                assertThat(messages.getMessage(key + "." + arg, null, null, ENGLISH)).as("English words of %s", arg)
                        .isNotNull();
            }
        }
        if (outcome.source() != null) {
            assertThat(outcome.sourceKey()).as("source key of %s", outcome).isNotNull();
            assertThat(messages.getMessage(outcome.sourceKey(), null, ENGLISH)).isEqualTo(outcome.source());
            assertThat(messages.getMessage(outcome.sourceKey(), null, SPANISH)).isNotEqualTo(outcome.source());
        }
    }
}

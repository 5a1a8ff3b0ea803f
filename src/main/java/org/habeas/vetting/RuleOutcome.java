package org.habeas.vetting;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What one rule said about one movement, with where its data came from and how fresh it was, so a reviewer can
 * see why a movement was allowed or denied and on what evidence.
 *
 * <p>The {@code reason} and {@code source} are English, as stored in decisions and shown to API clients. Pages show
 * them in the reader's language from {@code detailKey}/{@code detailArgs} and {@code sourceKey}; an outcome
 * without a key (a rule contributed without one) is shown with its English text. In API answers these are
 * additive fields: {@code detailKey} and {@code sourceKey} are message keys of the application's bundles,
 * {@code detailArgs} the values put into the message, as text, in order.
 *
 * @param code       for a denial, the stable problem code the refusal carries (e.g. {@code CAPACITY_EXCEEDED})
 * @param reason     why, in English (null for a pass)
 * @param source     the record or table the rule consulted, in English
 * @param dataAsOf   when that data was last changed or confirmed; null when the rule read nothing dated
 * @param detailKey  the message key of {@code reason}; null when the rule gave none
 * @param detailArgs the values of {@code reason} that go into the message, in order; empty without a key
 * @param sourceKey  the message key of {@code source}; null when the rule gave none
 */
public record RuleOutcome(String rule, Verdict verdict, String code, String reason, String source, Instant dataAsOf,
                          String detailKey, List<String> detailArgs, String sourceKey) {

    public enum Verdict {
        /** The rule has no objection. */
        PASS,
        /** The rule forbids the movement; an approved override may lift it if the rule allows overrides. */
        DENY,
        /** The rule could not be evaluated; treated as a denial that no override lifts (fail closed). */
        ERROR,
        /** The rule denied, and an approved two-person override for this movement lifted the denial. */
        OVERRIDDEN
    }

    /**
     * A reason in English and as a message: {@code key} with {@code args} renders {@code text} in English. An
     * argument that is a code with its own words (a recorded sex, a location status) is translated by the key
     * {@code <key>.<value>} when the bundle has one, and shown as given otherwise (see {@link #params}).
     */
    public record Detail(String text, String key, List<String> args) {

        public Detail {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(key, "key");
            args = List.copyOf(args);
        }

        public static Detail of(String text, String key, Object... args) {
            return new Detail(text, key, Arrays.stream(args).map(String::valueOf).toList());
        }
    }

    /** Where a rule's data came from, in English and as a message key. */
    public record Source(String text, String key) {

        public Source {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(key, "key");
        }
    }

    public RuleOutcome {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        detailArgs = detailArgs == null ? List.of() : List.copyOf(detailArgs);
    }

    public static RuleOutcome pass(String rule, Source source, Instant dataAsOf) {
        return new RuleOutcome(rule, Verdict.PASS, null, null, source.text(), dataAsOf, null, List.of(), source.key());
    }

    public static RuleOutcome deny(String rule, String code, Detail detail, Source source, Instant dataAsOf) {
        return new RuleOutcome(rule, Verdict.DENY, Objects.requireNonNull(code, "code"), detail.text(), source.text(),
                dataAsOf, detail.key(), detail.args(), source.key());
    }

    public static RuleOutcome error(String rule, Detail detail) {
        return new RuleOutcome(rule, Verdict.ERROR, "VETTING_RULE_FAILED", detail.text(), null, null, detail.key(),
                detail.args(), null);
    }

    /** A pass from a rule that gives its source in English only. */
    public static RuleOutcome pass(String rule, String source, Instant dataAsOf) {
        return new RuleOutcome(rule, Verdict.PASS, null, null, source, dataAsOf, null, List.of(), null);
    }

    /** A denial from a rule that gives its reason and source in English only: pages show them as given. */
    public static RuleOutcome deny(String rule, String code, String reason, String source, Instant dataAsOf) {
        return new RuleOutcome(rule, Verdict.DENY, Objects.requireNonNull(code, "code"), reason, source, dataAsOf,
                null, List.of(), null);
    }

    /** A failure stated in English only: pages show it as given. */
    public static RuleOutcome error(String rule, String reason) {
        return new RuleOutcome(rule, Verdict.ERROR, "VETTING_RULE_FAILED", reason, null, null, null, List.of(), null);
    }

    public RuleOutcome overridden() {
        return new RuleOutcome(rule, Verdict.OVERRIDDEN, code, reason, source, dataAsOf, detailKey, detailArgs,
                sourceKey);
    }

    public boolean blocks() {
        return verdict == Verdict.DENY || verdict == Verdict.ERROR;
    }

    /** The arguments of {@link #detailKey} for a message source: see {@link #params}. */
    public Object[] detailParams() {
        return params(detailKey, detailArgs);
    }

    /**
     * The arguments of a detail message as a message source resolves them: each value is looked up as
     * {@code <key>.<value>} (the words for a code, e.g. a recorded sex) and, when there is no such key, shown as it
     * is. A value entered by an officer is free text and has no such key, so it is shown as entered.
     */
    public static Object[] params(String key, List<String> args) {
        if (key == null || args == null) {
            return new Object[0];
        }
        return args.stream().map(a -> new DefaultMessageSourceResolvable(new String[] {key + "." + a}, a)).toArray();
    }
}

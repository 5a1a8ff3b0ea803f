package org.habeas.vetting;

import java.time.Instant;
import java.util.Objects;

/**
 * What one rule said about one movement, with where its data came from and how fresh it was, so a reviewer can
 * see why a movement was allowed or denied and on what evidence.
 *
 * @param code    for a denial, the stable problem code the refusal carries (e.g. {@code CAPACITY_EXCEEDED})
 * @param source  the record or table the rule consulted
 * @param dataAsOf when that data was last changed or confirmed; null when the rule read nothing dated
 */
public record RuleOutcome(String rule, Verdict verdict, String code, String reason, String source, Instant dataAsOf) {

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

    public RuleOutcome {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
    }

    public static RuleOutcome pass(String rule, String source, Instant dataAsOf) {
        return new RuleOutcome(rule, Verdict.PASS, null, null, source, dataAsOf);
    }

    public static RuleOutcome deny(String rule, String code, String reason, String source, Instant dataAsOf) {
        return new RuleOutcome(rule, Verdict.DENY, Objects.requireNonNull(code, "code"), reason, source, dataAsOf);
    }

    public static RuleOutcome error(String rule, String reason) {
        return new RuleOutcome(rule, Verdict.ERROR, "VETTING_RULE_FAILED", reason, null, null);
    }

    public RuleOutcome overridden() {
        return new RuleOutcome(rule, Verdict.OVERRIDDEN, code, reason, source, dataAsOf);
    }

    public boolean blocks() {
        return verdict == Verdict.DENY || verdict == Verdict.ERROR;
    }
}

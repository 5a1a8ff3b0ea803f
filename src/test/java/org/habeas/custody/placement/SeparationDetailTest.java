package org.habeas.custody.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.habeas.IntegrationTest;
import org.habeas.custody.LegalStatus;
import org.habeas.estate.SeparationPolicy;
import org.habeas.vetting.RuleDetails;
import org.habeas.vetting.RuleOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Every reason SEPARATION can give (REQ-20), produced by the rule's own {@code conflict} for every pair of
 * categories a person can be admitted with, exists in English and Spanish, with each recorded sex in Spanish words.
 */
class SeparationDetailTest extends IntegrationTest {

    static final List<String> SEXES = List.of("MALE", "FEMALE", "INTERSEX", "UNKNOWN");   // V30's CHECK

    @Autowired
    MessageSource messages;

    @Test
    void everyPairOfCategoriesIsExplainedInBothLanguages() {
        List<SeparationCategory> categories = new ArrayList<>();
        for (String sex : SEXES) {
            for (boolean juvenile : new boolean[] {false, true}) {
                for (LegalStatus status : LegalStatus.values()) {
                    categories.add(new SeparationCategory(sex, juvenile, status));
                }
            }
        }
        Set<String> keys = new TreeSet<>();
        int apart = 0;
        for (SeparationCategory mover : categories) {
            for (SeparationCategory other : categories) {
                RuleOutcome.Detail conflict = Separation.conflict(mover, other);
                if (conflict == null) {
                    continue;
                }
                apart++;
                keys.add(conflict.key());
                RuleDetails.assertInBothLanguages(messages, new RuleOutcome("SEPARATION", RuleOutcome.Verdict.DENY,
                        "SEPARATION_REQUIRED", conflict.text(), null, null, conflict.key(), conflict.args(), null));
            }
        }
        assertThat(apart).isPositive();
        // Each branch is reached: other sex, minor with adults both ways, civil/criminal, untried/convicted.
        assertThat(keys).hasSize(5);
    }

    @Test
    void everyDesignationAPersonDoesNotFitIsExplainedInBothLanguages() {   // REQ-20: whom a unit is for
        List<SeparationPolicy> policies = new ArrayList<>();
        for (SeparationPolicy.Sex sex : SeparationPolicy.Sex.values()) {
            policies.add(new SeparationPolicy(sex, null, null));
        }
        for (SeparationPolicy.AgeGroup age : SeparationPolicy.AgeGroup.values()) {
            policies.add(new SeparationPolicy(null, age, null));
        }
        for (SeparationPolicy.Detention detention : SeparationPolicy.Detention.values()) {
            policies.add(new SeparationPolicy(null, null, detention));
        }
        Set<String> keys = new TreeSet<>();
        int fits = 0;
        for (SeparationPolicy policy : policies) {
            var designation = new SeparationPolicy.Designation("CECOT-M16", policy);
            for (String sex : SEXES) {
                for (boolean juvenile : new boolean[] {false, true}) {
                    for (LegalStatus status : LegalStatus.values()) {
                        RuleOutcome.Detail unfit = Separation.unfit(new SeparationCategory(sex, juvenile, status),
                                designation);
                        if (unfit == null) {
                            fits++;
                            continue;
                        }
                        keys.add(unfit.key());
                        assertThat(unfit.text()).startsWith("CECOT-M16 is designated for");
                        RuleDetails.assertInBothLanguages(messages, new RuleOutcome("SEPARATION",
                                RuleOutcome.Verdict.DENY, "SEPARATION_REQUIRED", unfit.text(), null, null,
                                unfit.key(), unfit.args(), null));
                    }
                }
            }
        }
        // A woman fits a women's unit, a minor a unit for minors, an immigration detainee a civil unit, ...
        assertThat(fits).isPositive();
        assertThat(keys).hasSize(4);   // sex, minors, adults, detention
    }
}

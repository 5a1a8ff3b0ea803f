package org.habeas.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** How names become keys: accents, particles, order, Spanish spelling variants, and the pigeonhole plan. */
class NameKeysTest {

    @Test
    void tokensIgnoreCaseAccentsPunctuationAndParticles() {
        assertThat(NameKeys.tokens("Nelson  RAMOS de la Cruz")).containsExactly("nelson", "ramos", "cruz");
        assertThat(NameKeys.tokens("Ábrego-Núñez, José")).containsExactly("abrego", "nunez", "jose");
        assertThat(NameKeys.tokens("J. Pérez")).containsExactly("perez");
    }

    @Test
    void pairsAreUnorderedAndWithinOneName() {
        assertThat(NameKeys.pairs(List.of("jose", "garcia", "abrego")))
                .containsExactlyInAnyOrder("garcia jose", "abrego jose", "abrego garcia");
        assertThat(NameKeys.pairs(List.of("kilo"))).containsExactly("kilo");
    }

    @Test
    void spanishSpellingVariantsShareASoundKey() {
        for (var same : List.of(List.of("yesica", "jessica"), List.of("yohana", "johana"), List.of("jhonny", "yoni"),
                List.of("vasquez", "vazquez"), List.of("vasquez", "basquez"), List.of("ximena", "jimena"),
                List.of("gerardo", "jerardo"), List.of("yuleisy", "juleisi"),
                List.of("cordova", "cordoba"), List.of("geovanny", "geovany"))) {
            assertThat(NameKeys.phonetic(same.get(0))).as(same.toString()).isEqualTo(NameKeys.phonetic(same.get(1)));
        }
        assertThat(NameKeys.phonetic("garcia")).isNotEqualTo(NameKeys.phonetic("gracia"));
        assertThat(NameKeys.phonetic("hernandez")).isNotEqualTo(NameKeys.phonetic("fernandez"));
    }

    @Test
    void editDistanceCountsAdjacentSwapsAsOne() {
        assertThat(NameSearch.distance("hernandez", "hernadnez")).isEqualTo(1);
        assertThat(NameSearch.distance("ramirez", "ramires")).isEqualTo(1);
        assertThat(NameSearch.distance("lopez", "perez")).isGreaterThan(1);
    }

    @Test
    void theSearchLooksUpTheRarestPairsAndIntersectsTwoOfThem() {
        var plan = NameSearch.plan(List.of("jose", "hernandez", "lopez", "wilfredo"), List.of(
                new PeopleRepository.Variant("jose", "jose", 90_000, 1),
                new PeopleRepository.Variant("hernandez", "hernandez", 120_000, 1),
                new PeopleRepository.Variant("lopez", "lopez", 60_000, 1),
                new PeopleRepository.Variant("wilfredo", "wilfredo", 800, 1)));
        assertThat(plan.required()).isEqualTo(3);
        // Every part present: the two rarest pairs, both of which such a name holds.
        assertThat(plan.fullMatchKeys()).containsExactly(Set.of("lopez wilfredo"), Set.of("jose wilfredo"));
        // One part missing: for each part, the two rarest pairs of the other three; the crowded "hernandez jose"
        // is looked up only together with a rarer pair.
        assertThat(plan.allButOneKeys()).hasSize(4)
                .contains(List.of(Set.of("jose lopez"), Set.of("hernandez lopez")))
                .contains(List.of(Set.of("lopez wilfredo"), Set.of("hernandez wilfredo")));
        assertThat(plan.allButOneKeys()).noneMatch(group -> group.size() == 1);
        assertThat(plan.rarestExactPair()).isEqualTo("lopez wilfredo");
        assertThat(plan.score("jose wilfredo hernandez lopez")).isNotNull();
        assertThat(plan.score("jose wilfredo hernandez")).isNotNull();
        assertThat(plan.score("jose hernandez")).as("two of four parts are not enough").isNull();
    }

    @Test
    void theStoredKeysAreThePairsAndWholeNamesAlsoTaggedWithEachBirthYear() {
        var keys = NameKeys.searchPairs(List.of(List.of("jose", "garcia"), List.of("chepe")), List.of(1990, 1991));
        assertThat(keys).containsExactlyInAnyOrder("garcia jose", "=garcia jose", "chepe", "=chepe",
                "garcia jose@1990", "=garcia jose@1990", "chepe@1990", "=chepe@1990",
                "garcia jose@1991", "=garcia jose@1991", "chepe@1991", "=chepe@1991");
        assertThat(NameKeys.searchPairs(List.of(List.of("jose", "garcia")), List.of()))
                .containsExactlyInAnyOrder("garcia jose", "=garcia jose");
    }
}

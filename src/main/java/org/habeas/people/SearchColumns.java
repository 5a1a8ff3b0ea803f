package org.habeas.people;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.habeas.people.internal.NameKeys;

/**
 * What a registration stores to find a person again: the name search's columns of {@code person} (search_tokens,
 * search_pairs, search_names, birth_years), the duplicate check's blocking keys (duplicate_keys), and the sound key
 * of each token for the name_token vocabulary ({@code phonetics}, in the order of {@code tokens}). Derived exactly as
 * {@link PeopleService} derives them when it registers, corrects or merges someone; public for loaders that write
 * person rows in bulk (bench/people/LoadPeople.java).
 */
public record SearchColumns(List<String> tokens, List<String> pairs, String names, List<Integer> birthYears,
                            List<String> duplicateKeys, List<String> phonetics) {

    /** The columns of {@code identity} registered at {@code registeredAt} (which dates an estimated age). */
    public static SearchColumns of(Identity identity, Instant registeredAt) {
        List<List<String>> names = new ArrayList<>();
        names.add(NameKeys.tokens(identity.name().fullName()));
        identity.aliases().forEach(a -> names.add(NameKeys.tokens(a.name())));
        List<String> tokens = List.copyOf(NameKeys.allTokens(names));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : "|").append(String.join(" ", names.get(i)));
        }
        List<Integer> years = new ArrayList<>();
        Birth birth = identity.birth();
        if (birth.date() != null) {
            years.add(birth.date().getYear());
        } else if (birth.estimatedAge() != null) {
            int estimate = registeredAt.atZone(ZoneOffset.UTC).getYear() - birth.estimatedAge();
            for (int y = estimate - 2; y <= estimate + 2; y++) {
                years.add(y);
            }
        }
        Set<String> pairs = NameKeys.searchPairs(names, years);
        String year = birth.date() == null ? "?" : Integer.toString(birth.date().getYear());
        List<String> sounds = names.get(0).stream().map(NameKeys::phonetic).distinct().sorted().toList();
        Set<String> duplicateKeys = new TreeSet<>();
        for (int i = 0; i < sounds.size(); i++) {
            for (int j = i + 1; j < sounds.size(); j++) {
                duplicateKeys.add(sounds.get(i) + " " + sounds.get(j) + " " + year);
            }
        }
        return new SearchColumns(tokens, List.copyOf(pairs), text.toString(), List.copyOf(years),
                List.copyOf(duplicateKeys), tokens.stream().map(NameKeys::phonetic).toList());
    }
}

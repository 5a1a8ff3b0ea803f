package org.habeas.legal.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.habeas.common.CountryCode;
import org.habeas.legal.OrderType;
import org.habeas.legal.QualityFlag;

/**
 * The data-quality guard (REQ-42): checks an order's structured country against the countries its text names and
 * against the person's nationalities and former residences. A finding sends the order to legal review; it never
 * makes the order bind less.
 */
public final class OrderQuality {

    /** What the guard found: the flags, and every country the text names. */
    public record Finding(List<QualityFlag> flags, Set<String> countriesInText) {

        public Finding {
            flags = List.copyOf(flags);
            countriesInText = Set.copyOf(countriesInText);
        }
    }

    private OrderQuality() {
    }

    /** {@code ties}: the person's nationalities and former residences, as ISO codes. */
    public static Finding check(OrderType type, CountryCode country, String text, Set<String> ties) {
        Set<String> named = CountriesInText.in(text);
        List<QualityFlag> flags = new ArrayList<>();
        if (country != null && named.stream().anyMatch(c -> !c.equals(country.value()))) {
            flags.add(QualityFlag.COUNTRY_IN_TEXT_DIFFERS);
        }
        if (type.needsCountry() && country != null && !ties.contains(country.value())) {
            flags.add(QualityFlag.COUNTRY_NOT_TIED_TO_PERSON);
        }
        return new Finding(flags, named);
    }
}

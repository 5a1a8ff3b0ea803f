package org.habeas.people;

/**
 * A name as Hispanic and other conventions write it: given names, first and second family names, and the full
 * name exactly as written (any script). Every part may be missing; {@code fullName} is built from the parts when
 * not given.
 */
public record PersonName(String givenNames, String firstFamilyName, String secondFamilyName, String fullName) {

    public PersonName {
        givenNames = blankToNull(givenNames);
        firstFamilyName = blankToNull(firstFamilyName);
        secondFamilyName = blankToNull(secondFamilyName);
        fullName = blankToNull(fullName);
        if (fullName == null) {
            String joined = String.join(" ", java.util.stream.Stream.of(givenNames, firstFamilyName, secondFamilyName)
                    .filter(java.util.Objects::nonNull).toList());
            fullName = joined.isEmpty() ? null : joined;
        }
    }

    public boolean isEmpty() {
        return fullName == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().replaceAll("\\s+", " ");
    }
}

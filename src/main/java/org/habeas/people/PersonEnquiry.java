package org.habeas.people;

import java.time.LocalDate;

/**
 * An exact enquiry for a person, as the public locator takes it (REQ-16): a register number, an identity document's
 * number (its issuer optional), or the full name with the full birth date. Nothing fuzzy: an enquiry names one person
 * or nobody.
 */
public sealed interface PersonEnquiry {

    /** The kind of enquiry, as the locator records it. */
    String kind();

    record ByRegisterNumber(String number) implements PersonEnquiry {
        @Override
        public String kind() {
            return "REGISTER_NUMBER";
        }
    }

    record ByDocument(String number, String issuer) implements PersonEnquiry {
        @Override
        public String kind() {
            return "DOCUMENT";
        }
    }

    record ByNameAndBirth(String fullName, LocalDate birthDate) implements PersonEnquiry {
        @Override
        public String kind() {
            return "NAME_AND_BIRTH";
        }
    }
}

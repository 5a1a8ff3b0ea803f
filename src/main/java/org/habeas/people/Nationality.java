package org.habeas.people;

import org.habeas.common.CountryCode;

/** A nationality and how it was determined (REQ-33: "determined from" a source such as a passport). */
public record Nationality(CountryCode country, Source determinedFrom) {

    public enum Source { PASSPORT, NATIONAL_ID, CONSULAR_CONFIRMATION, BIRTH_CERTIFICATE, SENDING_AGENCY, SELF_DECLARED, OTHER }
}

package org.habeas.legal;

/** What the data-quality guard found when an order was entered (REQ-42); each sends the order to legal review. */
public enum QualityFlag {
    /** The order's text names a country other than the structured one (the Guatemala / El Salvador error). */
    COUNTRY_IN_TEXT_DIFFERS,
    /** The protected country is neither a nationality nor a former residence of the person. */
    COUNTRY_NOT_TIED_TO_PERSON
}

package org.habeas.rights;

/** To whom a notification duty is owed. */
public enum Recipient {
    /** Family or a contact the person designated (REQ-30, REQ-31, REQ-38). */
    FAMILY,
    /** Counsel of record (REQ-36). */
    COUNSEL,
    /** The person, handed the official copy of their record on release (REQ-15). */
    PERSON
}

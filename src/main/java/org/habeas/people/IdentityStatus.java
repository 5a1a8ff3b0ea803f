package org.habeas.people;

/** How far the identity is established. Unknown or disputed identity is allowed and flagged (REQ-07). */
public enum IdentityStatus {
    /** Checked against a document or a consular confirmation. */ CONFIRMED,
    /** As declared or as the sending agency gave it; not yet checked. */ UNVERIFIED,
    /** Someone contests it (the person, counsel, a consulate, another record); the note says who and why. */
    DISPUTED,
    /** Nobody knows who this is; the record may carry no name at all. */ UNKNOWN
}

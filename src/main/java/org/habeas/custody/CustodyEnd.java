package org.habeas.custody;

/** How a custody episode ended; each is recorded with time, authority and verification. */
public enum CustodyEnd {
    /** Set free; the identity check and to whom or where are recorded (REQ-39). */
    RELEASED,
    /** Removed to another country and handed to a named authority (REQ-40). */
    REMOVED,
    /** Died in custody; circumstances, cause and destination of the remains (REQ-12f, REQ-13). */
    DECEASED,
    /** Escaped; time and last known place. */
    ESCAPED
}

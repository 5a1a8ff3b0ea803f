package org.habeas.estate;

/** Whether a facility receives people. */
public enum FacilityStatus {
    /** Registered before it opens; nobody may be held there yet. */
    PLANNED,
    /** In use. */
    OPEN,
    /** No longer used; kept for the record. */
    CLOSED
}

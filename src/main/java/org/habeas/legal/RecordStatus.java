package org.habeas.legal;

/** Where an order or injunction stands; one that is active or under appeal still binds. */
public enum RecordStatus {
    ACTIVE, APPEALED, TERMINATED, VACATED;

    /** Whether the record binds: a protection decision under appeal protects until the appeal decides otherwise. */
    public boolean inForce() {
        return this == ACTIVE || this == APPEALED;
    }
}

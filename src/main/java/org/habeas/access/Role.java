package org.habeas.access;

/** What a user does in Habeas (docs/architecture.md, "Who uses it"). A user may hold several roles. */
public enum Role {
    /** Administers users, tokens and configuration; reads metrics and the journal. */
    ADMIN,
    /** Registers arrivals and records admission data. */
    INTAKE,
    /** Places people in cells, moves them, sees the roll. */
    HOUSING,
    /** Records court orders, protection decisions and stays; clears or blocks movements. */
    LEGAL,
    /** The second approver for anything irreversible or overriding. */
    SUPERVISOR,
    /** Capacity, expansion plans, agreements, statistics. */
    DIRECTOR,
    /** Read-only oversight: register, journal, reports. */
    INSPECTOR,
    /** A sending agency's machine client: submits manifests, sees only its own people. */
    AGENCY,
    /**
     * Counsel or a relative with a verified account (REQ-16): sees the custody history and the notification duties
     * of the people a legal officer verified them for, and nothing else.
     */
    REPRESENTATIVE;

    public String authority() {
        return "ROLE_" + name();
    }
}

package org.habeas.access;

/**
 * Field-level access to the confidential parts of the Rule 7 / Rule 8 records (REQ-14), granted to a user apart
 * from their roles: only staff whose professional responsibilities require it see these fields.
 */
public enum Permission {
    /** Medical observations: the visible injuries recorded at admission. */
    MEDICAL,
    /** Confidential complaints: complaints of prior ill-treatment. */
    COMPLAINTS,
    /** Children's identity data (REQ-09): used only in the child's best interests. */
    CHILDREN
}

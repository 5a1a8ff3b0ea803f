package org.habeas.custody;

/** The kinds of legal authority a custody episode may rest on (REQ-02). */
public enum AuthorityType {
    ARREST_WARRANT, DETENTION_ORDER, COURT_REMAND, SENTENCE, IMMIGRATION_DETENTION_ORDER, TRANSFER_AGREEMENT
}

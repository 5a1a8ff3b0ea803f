package org.habeas.transfer;

/** What is to become of a person held under an agreement once its term ends (REQ-46). */
public enum DispositionKind {
    RETURN_TO_SENDING_STATE, RELEASE_IN_RECEIVING_STATE, PROSECUTION_IN_RECEIVING_STATE,
    RESETTLEMENT_IN_THIRD_COUNTRY, CONTINUED_UNDER_NEW_AGREEMENT, OTHER
}

package org.habeas.custody;

/** Why the person is held, for separation (REQ-20) and statistics (REQ-19). */
public enum LegalStatus {
    /** Untried: held pending trial, including under a state of exception. */
    PRE_TRIAL,
    /** Convicted and sentenced. */
    SENTENCED,
    /** Immigration detention: a civil detainee, kept apart from criminal detention (REQ-20). */
    IMMIGRATION,
    /** Other civil or administrative detention. */
    CIVIL
}

package org.habeas.estate;

/** Why a location is out of use. */
public enum InactiveReason {
    MAINTENANCE, DAMAGED, SEALED, DECOMMISSIONED, OTHER
}

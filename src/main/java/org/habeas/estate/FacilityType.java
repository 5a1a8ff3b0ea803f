package org.habeas.estate;

/** What kind of place a facility is; the database carries the same list as a CHECK. */
public enum FacilityType {
    PRISON, PRE_TRIAL_CENTRE, IMMIGRATION_DETENTION, POLICE_CELLS, JUVENILE_CENTRE, OTHER
}

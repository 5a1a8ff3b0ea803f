package org.habeas.estate;

import java.time.Instant;

/**
 * What the public locator tells an enquirer about a facility (REQ-16): where it is, how to reach it and when to visit.
 * Nothing in it is about a person.
 */
public record FacilityContact(String facilityCode, String address, String telephone, String email,
                              String visitingHours, Instant updatedAt, String updatedBy) {
}

package org.habeas.rights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.habeas.people.Nationality;

/**
 * The person's consular record (REQ-32, REQ-33): nationalities and how each was determined, when they were told of
 * the right to consular notification, whether they asked for it, which nationalities' consulates must be told
 * regardless today, every notification, and the visits, calls, letters and objections.
 *
 * @param notificationRequested null when the person has not been asked yet
 */
public record ConsularRecord(UUID person, List<Nationality> nationalities, Instant rightsToldAt, String rightsToldBy,
                             String rightsToldLanguage, Boolean notificationRequested, List<String> mandatoryCountries,
                             List<ConsularNotification> notifications, List<ConsularCommunication> communications) {

    public ConsularRecord {
        nationalities = List.copyOf(nationalities);
        mandatoryCountries = List.copyOf(mandatoryCountries);
        notifications = List.copyOf(notifications);
        communications = List.copyOf(communications);
    }
}

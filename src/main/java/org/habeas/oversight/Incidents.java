package org.habeas.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.access.Permission;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.Conflict;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;
import org.habeas.custody.CustodyService;
import org.habeas.custody.Whereabouts;
import org.habeas.estate.EstateService;
import org.habeas.estate.Facility;
import org.habeas.oversight.internal.IncidentRepository;
import org.habeas.people.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deaths, escapes and serious injuries in custody and their reports to an independent authority (REQ-13, Mandela
 * Rule 71). Deaths and escapes come from the movement ledger as they are recorded; a serious injury is recorded here.
 * Every one stays on the safeguards list until its report, with the investigation's reference, is recorded. Facility
 * scope applies: an incident in a facility the reader may not see answers INCIDENT_NOT_FOUND.
 */
@Service
@Transactional(readOnly = true)
public class Incidents {

    /** Most incidents one list shows, the latest first. */
    public static final int LIST_LIMIT = 500;

    private final IncidentRepository repository;
    private final CustodyService custody;
    private final EstateService estate;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;

    Incidents(IncidentRepository repository, CustodyService custody, EstateService estate, FacilityScope scope,
              Journal journal, Clock clock) {
        this.repository = repository;
        this.custody = custody;
        this.estate = estate;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Records a serious injury of a person held now, at the facility holding them. Refused with NOT_IN_CUSTODY for
     * a person not held (or not in the reader's scope), VALIDATION_FAILED for a time in the future. The description
     * is medical (REQ-14): it is kept, and neither journaled nor shown without the MEDICAL permission.
     */
    @Transactional
    public Incident recordSeriousInjury(PersonId person, Instant occurredAt, String description) {
        Instant now = clock.instant();
        if (occurredAt.isAfter(now)) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "occurredAt is in the future", "occurredAt");
        }
        Whereabouts held = custody.whereabouts(person).filter(w -> scope.allows(w.facility()))
                .orElseThrow(() -> new Conflict(ErrorCode.NOT_IN_CUSTODY, "Person " + person + " is not held"));
        UUID id = UUID.randomUUID();
        repository.insertInjury(id, person.value(), held.facility(), occurredAt, description, now,
                scope.actorName());
        journal.append(JournalEntry.of("SERIOUS_INJURY_RECORDED", "person", person.toString())
                .withFacility(held.facility())
                .withDetails(Map.of("incident", id.toString(), "occurredAt", occurredAt.toString())));
        return incident(id);
    }

    /**
     * Records the report of an incident to an independent authority with the investigation's reference. Refused
     * with INCIDENT_NOT_FOUND, INCIDENT_ALREADY_REPORTED (a report is never replaced), VALIDATION_FAILED for a report
     * dated before the incident or after today.
     */
    @Transactional
    public Incident report(UUID id, String authority, String reference, LocalDate reportedOn) {
        Incident incident = incident(id);
        Facility where = estate.facilityOnly(incident.facility());
        LocalDate today = where.today(clock.instant());
        LocalDate happened = where.localTime(incident.occurredAt()).toLocalDate();
        if (reportedOn.isAfter(today) || reportedOn.isBefore(happened)) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "reportedOn must be between the day of the incident (" + happened + ") and today", "reportedOn");
        }
        Incident.Report report = new Incident.Report(authority, reference, reportedOn, clock.instant(),
                scope.actorName());
        if (!repository.insertReport(incident, report)) {
            throw new Conflict(ErrorCode.INCIDENT_ALREADY_REPORTED, "The " + incident.kind() + " " + id
                    + " was reported already");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", incident.kind().name());
        details.put("person", incident.person().toString());
        details.put("authority", authority);
        details.put("reference", reference);
        details.put("reportedOn", reportedOn.toString());
        journal.append(JournalEntry.of("INCIDENT_REPORTED", "incident", id.toString())
                .withFacility(incident.facility()).withDetails(details));
        return incident(id);
    }

    /** One incident in the reader's scope; INCIDENT_NOT_FOUND otherwise. */
    public Incident incident(UUID id) {
        return repository.incident(id).filter(i -> scope.allows(i.facility()))
                .orElseThrow(() -> new NotFound(ErrorCode.INCIDENT_NOT_FOUND, "No incident " + id));
    }

    /**
     * A serious injury's description, for a reader holding the MEDICAL permission (REQ-14); empty for anyone else and
     * for deaths and escapes. A read that shows it is journaled.
     */
    @Transactional
    public Optional<String> description(Incident incident) {
        if (incident.kind() != Incident.Kind.SERIOUS_INJURY || !scope.holds(Permission.MEDICAL)) {
            return Optional.empty();
        }
        journal.recordRead("serious-injury", incident.id().toString(), incident.facility());
        return repository.injuryDescription(incident.id());
    }

    /** The incidents of the facilities the reader may see (or of {@code facility}), the latest first. */
    public List<Incident> incidents(String facility, boolean unreportedOnly) {
        Optional<Set<String>> codes = facility != null ? Optional.of(Set.of(estate.facilityOnly(facility).code()))
                : scope.limitedTo();
        return repository.incidents(codes, unreportedOnly, LIST_LIMIT);
    }
}

package org.habeas.custody.placement;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.access.Role;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;
import org.habeas.custody.HeldTogether;
import org.habeas.custody.StatusChange;
import org.habeas.custody.placement.internal.AssociationRepository;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allegations and non-associations: the records the SEPARATION and NON_ASSOCIATION rules read (REQ-20, REQ-22).
 * Nothing is deleted; each status change is kept with who, when and why, and journaled.
 */
@Service
@Transactional(readOnly = true)
public class Associations {

    private final AssociationRepository repository;
    private final PeopleService people;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;

    Associations(AssociationRepository repository, PeopleService people, FacilityScope scope, Journal journal,
                 Clock clock) {
        this.repository = repository;
        this.people = people;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    /** Records an alleged affiliation with its source; it is an allegation, whatever its status. */
    @Transactional
    public Allegation allege(PersonId person, Allegation.Kind kind, String group, String source, String evidence,
                             Allegation.Status status) {
        // Recording an affiliation is not deciding it: the same roles that change a status decide one at once.
        if (status != null && status != Allegation.Status.ALLEGED && scope.currentUser()
                .filter(u -> u.has(Role.LEGAL) || u.has(Role.SUPERVISOR)).isEmpty()) {
            throw PlacementRefused.onlyLegalOfficersDecideAllegations();
        }
        people.requireVisible(person);
        var allegation = new Allegation(UUID.randomUUID(), person.value(), kind, group.strip(), source, evidence,
                status == null ? Allegation.Status.ALLEGED : status, clock.instant(), actor());
        repository.insertAllegation(allegation);
        repository.insertHistory(allegation.id(), "ALLEGATION", allegation.recordedAt(), allegation.recordedBy(),
                null, allegation.status().name(), source);
        journal.append(JournalEntry.of("ALLEGATION_RECORDED", "person", person.toString())
                .withDetails(Map.of("allegation", allegation.id().toString(), "group", allegation.group(),
                        "status", allegation.status().name())));
        return allegation;
    }

    /** Changes an allegation's status (admitted, adjudicated, disputed, withdrawn ...) with a reason. */
    @Transactional
    public Allegation changeAllegation(UUID id, Allegation.Status status, String reason) {
        Allegation before = repository.lockAllegation(id)
                .orElseThrow(() -> new NotFound(ErrorCode.ALLEGATION_NOT_FOUND, "No allegation " + id));
        people.requireVisible(new PersonId(before.person()));
        Instant now = clock.instant();
        repository.setAllegationStatus(id, status);
        repository.insertHistory(id, "ALLEGATION", now, actor(), before.status().name(), status.name(), reason);
        journal.append(JournalEntry.of("ALLEGATION_CHANGED", "person", before.person().toString()).withReason(reason)
                .withDetails(Map.of("allegation", id.toString(), "from", before.status().name(), "to", status.name())));
        return repository.lockAllegation(id).orElseThrow();
    }

    @Transactional
    public List<Allegation> allegations(PersonId person) {
        people.requireVisible(person);
        return repository.allegations(person.value());
    }

    /**
     * Records that two people, or two groups, must be kept apart within {@code scope}. Refused with
     * VALIDATION_FAILED for a person with themselves, a group with itself, or a mix of a person and a group.
     */
    @Transactional
    public NonAssociation keepApart(PersonId personA, PersonId personB, String groupA, String groupB,
                                    NonAssociation.Scope scope, String reason, String source) {
        boolean people2 = personA != null && personB != null && groupA == null && groupB == null;
        boolean groups2 = personA == null && personB == null && groupA != null && groupB != null;
        if (!people2 && !groups2) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "A non-association is between two people or between two groups", "personA", "groupA");
        }
        if (people2 && personA.equals(personB) || groups2 && groupA.strip().equalsIgnoreCase(groupB.strip())) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A non-association needs two different parties",
                    people2 ? "personB" : "groupB");
        }
        if (people2) {
            people.requireVisible(personA);
            people.requireVisible(personB);
        }
        var record = new NonAssociation(UUID.randomUUID(), people2 ? personA.value() : null,
                people2 ? personB.value() : null, groups2 ? groupA.strip() : null, groups2 ? groupB.strip() : null,
                scope, reason, source, NonAssociation.Status.OPEN, clock.instant(), actor());
        repository.insertNonAssociation(record);
        repository.insertHistory(record.id(), "NON_ASSOCIATION", record.recordedAt(), record.recordedBy(), null,
                "OPEN", reason);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nonAssociation", record.id().toString());
        details.put("scope", scope.name());
        details.put("between", people2 ? List.of(personA.toString(), personB.toString())
                : List.of(record.groupA(), record.groupB()));
        journal.append(JournalEntry.of("NON_ASSOCIATION_RECORDED", people2 ? "person" : "group",
                people2 ? personA.toString() : record.groupA()).withReason(reason).withDetails(details));
        return record;
    }

    /** Closes or reopens a non-association, with a reason; it is never deleted. */
    @Transactional
    public NonAssociation changeNonAssociation(UUID id, NonAssociation.Status status, String reason) {
        NonAssociation before = repository.lockNonAssociation(id)
                .orElseThrow(() -> new NotFound(ErrorCode.NON_ASSOCIATION_NOT_FOUND, "No non-association " + id));
        Instant now = clock.instant();
        repository.setNonAssociationStatus(id, status);
        repository.insertHistory(id, "NON_ASSOCIATION", now, actor(), before.status().name(), status.name(), reason);
        journal.append(JournalEntry.of(status == NonAssociation.Status.OPEN ? "NON_ASSOCIATION_REOPENED"
                        : "NON_ASSOCIATION_CLOSED", "non-association", id.toString()).withReason(reason)
                .withDetails(Map.of("from", before.status().name(), "to", status.name())));
        return repository.lockNonAssociation(id).orElseThrow();
    }

    /**
     * Refuses with NON_ASSOCIATION_NOT_FOUND a record between two people of whom the officer may see neither
     * (facility scope); a record between groups belongs to no facility. Outside a transaction, so that looking up the
     * first party, out of scope, does not spoil the transaction of the change that follows.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void requireVisible(UUID id) {
        NonAssociation record = repository.lockNonAssociation(id)
                .orElseThrow(() -> new NotFound(ErrorCode.NON_ASSOCIATION_NOT_FOUND, "No non-association " + id));
        if (record.betweenGroups()) {
            return;
        }
        for (UUID party : List.of(record.personA(), record.personB())) {
            try {
                people.requireVisible(new PersonId(party));
                return;
            } catch (org.habeas.common.HabeasException outOfScope) {
                // the other party may be in scope
            }
        }
        throw new NotFound(ErrorCode.NON_ASSOCIATION_NOT_FOUND, "No non-association " + id);
    }

    /** The person's non-associations, personal and through their groups' allegations, open or closed. */
    @Transactional
    public List<NonAssociation> nonAssociations(PersonId person) {
        people.requireVisible(person);
        return repository.nonAssociations(person.value());
    }

    /**
     * Every open non-association breached in {@code facility} now (REQ-22), for the safeguards list: pairs of people
     * held within the record's scope of each other, and units holding members of both groups of a record between
     * groups. Refused as out of scope for a facility the reader may not see.
     */
    public List<HeldTogether> heldTogetherIn(String facility) {
        scope.require(facility);
        return repository.heldTogetherIn(facility);
    }

    /**
     * The person's open non-associations with someone held within the record's scope of them now (the same cell,
     * module or facility): one of the two must be moved (REQ-22). Groups are left to the placement rule.
     */
    @Transactional
    public Set<UUID> heldTogether(PersonId person) {
        people.requireVisible(person);
        return repository.heldTogether(person.value());
    }

    public List<StatusChange> history(UUID record) {
        return repository.history(record);
    }

    /**
     * The history of an allegation or a non-association the officer may see: an allegation of a person in their
     * facility scope, a non-association as {@link #requireVisible}. Otherwise not found, as if it did not exist.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<StatusChange> visibleHistory(UUID record) {
        var allegation = repository.lockAllegation(record);
        if (allegation.isPresent()) {
            try {
                people.requireVisible(new PersonId(allegation.get().person()));
            } catch (org.habeas.common.HabeasException outOfScope) {
                throw new NotFound(ErrorCode.ALLEGATION_NOT_FOUND, "No allegation " + record);
            }
        } else {
            requireVisible(record);
        }
        return repository.history(record);
    }

    private String actor() {
        return scope.actorName();
    }
}

package org.habeas.rights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.HabeasException;
import org.habeas.custody.CustodyService;
import org.habeas.custody.Episode;
import org.habeas.custody.Movement;
import org.habeas.custody.MovementKind;
import org.habeas.estate.EstateService;
import org.habeas.estate.LocationId;
import org.habeas.legal.LegalService;
import org.habeas.people.Person;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's own record (REQ-15): what the register holds about them, as they may have it. Every part is read
 * through its own module, so each read is journaled and the producing officer's permissions apply (a field they may
 * not see is withheld, and listed with its ground); the redactions below are made for everyone, each listed with its
 * ground in the record itself. The export is journaled with its format and its redactions.
 */
@Service
public class PersonRecordService {

    static final String STAFF = "The names of the officers who recorded each entry";
    static final String STAFF_GROUND = "Staff safety; the register keeps them for courts and inspection bodies";
    static final String ESCORT = "The escort and route of each transfer";
    static final String ESCORT_GROUND = "Security of transfers; the same detail is never given to counsel (REQ-36)";
    static final String PLACEMENT = "Placement security records: allegations of group membership and separations"
            + " from other people";
    static final String PLACEMENT_GROUND = "Security of the facility and of other people held; disclosed to the"
            + " person's counsel or a court on order";
    private static final Map<String, String[]> WITHHELD = Map.of(
            Episode.VISIBLE_INJURIES, new String[] {"Visible injuries recorded at admission",
                    "Medical data (REQ-14): given by the health service, not by an officer without the medical"
                            + " permission"},
            Episode.ILL_TREATMENT_COMPLAINT, new String[] {"The complaint of ill-treatment made at admission",
                    "A confidential complaint (REQ-14): given by the body it was referred to"},
            Episode.CHILDREN, new String[] {"Children recorded among the contacts",
                    "Children's data: given by an officer with the children permission"});

    private final PeopleService people;
    private final CustodyService custody;
    private final LegalService legal;
    private final RightsService rights;
    private final EstateService estate;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;

    PersonRecordService(PeopleService people, CustodyService custody, LegalService legal, RightsService rights,
                        EstateService estate, FacilityScope scope, Journal journal, Clock clock) {
        this.people = people;
        this.custody = custody;
        this.legal = legal;
        this.rights = rights;
        this.estate = estate;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    /** The record of the person; PERSON_NOT_FOUND out of the officer's scope. {@code format} is journaled. */
    @Transactional
    public PersonRecord export(PersonId id, String format) {
        Person person = people.person(id);
        List<Episode> episodes = custody.episodes(id);
        List<Movement> ledger = custody.ledger(id);
        List<PersonRecord.Redaction> redactions = new ArrayList<>();
        redactions.add(new PersonRecord.Redaction("STAFF", STAFF, STAFF_GROUND));
        redactions.add(new PersonRecord.Redaction("ESCORT", ESCORT, ESCORT_GROUND));
        redactions.add(new PersonRecord.Redaction("PLACEMENT", PLACEMENT, PLACEMENT_GROUND));
        episodes.stream().flatMap(e -> e.withheld().stream()).distinct().sorted().forEach(field -> {
            String[] why = WITHHELD.getOrDefault(field, new String[] {field, "Withheld from this officer"});
            redactions.add(new PersonRecord.Redaction(field, why[0], why[1]));
        });
        PersonRecord record = new PersonRecord(clock.instant(), scope.actorName(), identity(person),
                episodes.stream().map(PersonRecordService::episode).toList(), movements(ledger),
                legal.orders(id).stream().map(o -> new PersonRecord.Order(o.type().name(), o.issuedBy(),
                        o.caseNumber(), o.decidedOn(), o.status().name(), o.country() == null ? null
                        : o.country().toString(), o.effectiveFrom(), o.expiresOn(), o.documentReference())).toList(),
                legal.holds(id).stream().map(h -> new PersonRecord.Hold(h.source().name(), h.issuedBy(),
                        h.caseNumber(), h.receivedAt(), h.summary(), h.status().name())).toList(),
                rights.tasksOf(id).stream().map(t -> new PersonRecord.Notification(t.occasion().name(),
                        t.recipient().name(), t.contactName(), t.occurredAt(), t.dueAt(), t.status().name(),
                        t.doneAt(), t.attempts().stream().map(a -> new PersonRecord.Attempt(a.at(),
                                a.method().name(), a.delivered())).toList())).toList(),
                List.copyOf(redactions));
        journal.append(JournalEntry.of("PERSON_RECORD_EXPORTED", "person", id.toString())
                .withFacility(episodes.isEmpty() ? null : episodes.get(0).facility())
                .withDetails(Map.of("format", format, "redactions",
                        redactions.stream().map(PersonRecord.Redaction::what).toList())));
        return record;
    }

    private static PersonRecord.Identity identity(Person p) {
        var i = p.identity();
        return new PersonRecord.Identity(p.registerNumber(), i.name().fullName(),
                i.aliases().stream().map(a -> a.name()).toList(), i.birth().text(), i.birthPlace(),
                i.recordedSex().name(),
                i.nationalities().stream().map(n -> n.country() + " (" + n.determinedFrom() + ")").toList(),
                i.documents().stream().map(d -> d.type() + " " + d.issuer() + " " + d.number()).toList(),
                i.languages());
    }

    private static PersonRecord.Episode episode(Episode e) {
        var a = e.authority();
        return new PersonRecord.Episode(e.facility(), e.legalStatus().name(), a.type().name(), a.issuingAuthority(),
                a.issuedOn(), a.documentReference(), a.grounds(), e.admittedAt(), e.endedAt(),
                e.ended() == null ? null : e.ended().name());
    }

    // The entries that stand, oldest first, with the cell's path; the escort of a transfer blanked (ESCORT).
    private List<PersonRecord.Movement> movements(List<Movement> ledger) {
        Map<LocationId, String> paths = new HashMap<>();
        List<PersonRecord.Movement> out = new ArrayList<>();
        for (Movement m : ledger) {
            MovementKind kind = m.standsFor();
            if (m.superseded() || kind == null) {
                continue;
            }
            String cell = m.toLocation() == null ? null : paths.computeIfAbsent(new LocationId(m.toLocation()),
                    l -> cellPath(m.facility(), l));
            String detail = kind == MovementKind.TRANSFERRED_OUT ? null : m.detail();
            out.add(new PersonRecord.Movement(m.occurredAt(), kind.name(), m.facility(), cell, m.destination(),
                    detail, m.authority(), m.reason()));
        }
        return out;
    }

    private String cellPath(String facility, LocationId location) {
        try {
            return estate.location(facility, location).pathKey();
        } catch (HabeasException outOfScope) {
            return null;
        }
    }
}

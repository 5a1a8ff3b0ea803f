package org.habeas.rights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.springframework.context.MessageSource;
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

    // Left out of every copy, whoever produces it; each code's text and ground are the messages
    // record.redaction.<code> and record.redaction.<code>.ground, in English in the JSON.
    private static final List<String> ALWAYS_REDACTED = List.of("STAFF", "ESCORT", "PLACEMENT");

    private final PeopleService people;
    private final CustodyService custody;
    private final LegalService legal;
    private final RightsService rights;
    private final EstateService estate;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;
    private final MessageSource messages;

    PersonRecordService(PeopleService people, CustodyService custody, LegalService legal, RightsService rights,
                        EstateService estate, FacilityScope scope, Journal journal, Clock clock,
                        MessageSource messages) {
        this.people = people;
        this.custody = custody;
        this.legal = legal;
        this.rights = rights;
        this.estate = estate;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
        this.messages = messages;
    }

    /** The record of the person; PERSON_NOT_FOUND out of the officer's scope. {@code format} is journaled. */
    @Transactional
    public PersonRecord export(PersonId id, String format) {
        Person person = people.person(id);
        List<Episode> episodes = custody.episodes(id);
        List<Movement> ledger = custody.ledger(id);
        List<PersonRecord.Redaction> redactions = new ArrayList<>();
        ALWAYS_REDACTED.forEach(code -> redactions.add(redaction(code)));
        // The confidential fields this officer may not see (Episode.VISIBLE_INJURIES ...; REQ-14).
        episodes.stream().flatMap(e -> e.withheld().stream()).distinct().sorted()
                .forEach(field -> redactions.add(redaction(field)));
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

    private PersonRecord.Redaction redaction(String code) {
        return new PersonRecord.Redaction(code, messages.getMessage("record.redaction." + code, null, Locale.ENGLISH),
                messages.getMessage("record.redaction." + code + ".ground", null, Locale.ENGLISH));
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

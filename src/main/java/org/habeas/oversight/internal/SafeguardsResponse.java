package org.habeas.oversight.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.habeas.custody.HeldTogether;
import org.habeas.oversight.Safeguards;

/**
 * The safeguards list as the API answers it: one section per facility and the estate's own lists, every line with
 * the link to the record it is about. People are named by their record's id only (REQ-19: counts and references).
 */
record SafeguardsResponse(Instant at, long total, List<FacilitySection> facilities, List<AgreementLine> agreements,
                          List<ReturnCaseLine> returnCasesWithoutFacility, AuthoritiesDueLine authoritiesDue) {

    /** Detentions due in the reader's facilities in all, and how many the lists show (capped, most urgent first). */
    record AuthoritiesDueLine(int inScope, int listed, boolean truncated, String link) {
    }

    record AuthorityLine(UUID person, String standing, LocalDate reviewDue, LocalDate validUntil, String link) {
    }

    record CellLine(UUID cell, String path, int population, int operational, int limitInForce, Integer icrcPlaces,
                    boolean aboveOperational, boolean aboveIcrc, String link) {
    }

    record SeparationLine(UUID cell, String path, int people, String reason, String link) {
    }

    record HeldTogetherLine(UUID record, String scope, String unit, UUID personA, UUID personB, String groupA,
                            String groupB, long peopleA, long peopleB, String link) {

        static HeldTogetherLine of(HeldTogether h) {
            return new HeldTogetherLine(h.record(), h.scope(), h.unit(), h.personA(), h.personB(), h.groupA(),
                    h.groupB(), h.peopleA(), h.peopleB(),
                    h.personA() != null ? "/custody/people/" + h.personA() + "/associations" : null);
        }
    }

    record NotificationsLine(long overdue, Instant oldestDueAt, long toFamily, long toCounsel, long toPerson,
                             String link) {
    }

    record AgreementPersonLine(UUID agreement, String reference, LocalDate termEnd, UUID person, Instant since,
                               String link) {
    }

    record ReturnCaseLine(UUID id, UUID person, Instant openedAt, String link) {

        static ReturnCaseLine of(Safeguards.ReturnCaseOpen c) {
            return new ReturnCaseLine(c.id(), c.person(), c.openedAt(), "/legal/return-cases/" + c.id());
        }
    }

    record IncidentLine(UUID id, String kind, UUID person, Instant occurredAt, String link) {
    }

    record AgreementLine(UUID agreement, String reference, LocalDate termEnd, long daysLeft, long heldNow,
                         long withoutDisposition, String link) {
    }

    record FacilitySection(String facility, String name, long total, List<AuthorityLine> authorities,
                           List<CellLine> cellsAboveCapacity, List<SeparationLine> separationBreaches,
                           List<HeldTogetherLine> heldTogether, NotificationsLine notificationsOverdue,
                           List<AgreementPersonLine> withoutDisposition, List<ReturnCaseLine> returnCases,
                           List<IncidentLine> unreportedIncidents) {
    }

    static SafeguardsResponse of(Safeguards s) {
        List<FacilitySection> sections = s.facilities().stream().map(f -> new FacilitySection(f.facility(), f.name(),
                f.total(),
                f.authorities().stream().map(a -> new AuthorityLine(a.person(), a.standing().name(),
                        a.current().reviewDue(), a.current().validUntil(), "/people/" + a.person() + "/authorities"))
                        .toList(),
                f.cellsAboveCapacity().stream().map(c -> new CellLine(c.cell().value(), c.pathKey(), c.population(),
                        c.operational(), c.limitInForce(), c.icrcPlaces(), c.aboveOperational(), c.aboveIcrc(),
                        "/estate/" + c.facility() + "/locations/" + c.cell().value())).toList(),
                f.separationBreaches().stream().map(b -> new SeparationLine(b.cell(), b.cellPath(), b.people(),
                        b.reasonKey(), "/estate/" + f.facility() + "/locations/" + b.cell())).toList(),
                f.heldTogether().stream().map(HeldTogetherLine::of).toList(),
                f.notifications() == null ? null : new NotificationsLine(f.notifications().overdue(),
                        f.notifications().oldestDueAt(), f.notifications().toFamily(), f.notifications().toCounsel(),
                        f.notifications().toPerson(), "/notifications/overdue"),
                f.withoutDisposition().stream().map(h -> new AgreementPersonLine(h.agreement(), h.reference(),
                        h.termEnd(), h.person(), h.since(), "/people/" + h.person())).toList(),
                f.returnCases().stream().map(ReturnCaseLine::of).toList(),
                f.unreported().stream().map(i -> new IncidentLine(i.id(), i.kind().name(), i.person(), i.occurredAt(),
                        "/people/" + i.person())).toList()))
                .toList();
        List<AgreementLine> agreements = s.agreements().stream().map(a -> a.agreement()).map(a -> new AgreementLine(
                a.agreement(), a.reference(), a.termEnd(), a.daysLeft(), a.heldNow(), a.withoutDisposition(),
                "/agreements/" + a.agreement())).toList();
        return new SafeguardsResponse(s.at(), s.total(), sections, agreements,
                s.returnCasesWithoutFacility().stream().map(ReturnCaseLine::of).toList(),
                new AuthoritiesDueLine(s.authoritiesDue().inScope(), s.authoritiesDue().listed(),
                        s.authoritiesDue().truncated(), "/legal/authorities-due"));
    }
}

package org.habeas.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.habeas.custody.HeldTogether;
import org.habeas.custody.PlacementBreaches;
import org.habeas.estate.CellAboveCapacity;
import org.habeas.legal.DetentionStanding;
import org.habeas.rights.OverdueDuties;
import org.habeas.transfer.ExpiringAgreement;

/**
 * What is overdue, per facility and for the estate: each a safeguard failing now. Lines name people by their record
 * (an id the reader opens under their own permissions), never by name; cells by their path.
 */
public record Safeguards(Instant at, List<FacilitySafeguards> facilities, List<AgreementEnding> agreements,
                         List<ReturnCaseOpen> returnCasesWithoutFacility, AuthoritiesDue authoritiesDue) {

    /**
     * How many detentions are due in the reader's facilities in all, and how many the lists show: the list is capped
     * (DetentionAuthorities.LIST_LIMIT, the most urgent first), and the legal module's own list has the rest.
     */
    public record AuthoritiesDue(int inScope, int listed) {

        public boolean truncated() {
            return listed < inScope;
        }
    }

    /** How many items are overdue in all, across facilities and the estate-level lists, those not listed too. */
    public long total() {
        return facilities.stream().mapToLong(FacilitySafeguards::total).sum() + agreements.size()
                + returnCasesWithoutFacility.size() + authoritiesDue.inScope() - authoritiesDue.listed();
    }

    /** One facility's overdue safeguards. {@code notifications} is null when none is overdue. */
    public record FacilitySafeguards(String facility, String name, List<DetentionStanding> authorities,
                                     List<CellAboveCapacity> cellsAboveCapacity,
                                     List<PlacementBreaches.CellBreach> separationBreaches,
                                     List<HeldTogether> heldTogether, OverdueDuties notifications,
                                     List<HeldUnderAgreement> withoutDisposition, List<ReturnCaseOpen> returnCases,
                                     List<Incident> unreported) {

        public long total() {
            return authorities.size() + cellsAboveCapacity.size() + separationBreaches.size() + heldTogether.size()
                    + (notifications == null ? 0 : notifications.overdue()) + withoutDisposition.size()
                    + returnCases.size() + unreported.size();
        }
    }

    /** An agreement whose term ends within its alert window with people held under it who have no disposition. */
    public record AgreementEnding(ExpiringAgreement agreement) {
    }

    /** A person held here under an ending agreement without a long-term disposition (REQ-46). */
    public record HeldUnderAgreement(UUID agreement, String reference, LocalDate termEnd, UUID person,
                                     String facility, Instant since) {
    }

    /** A return case still open (REQ-45): the person removed unlawfully is not back yet. */
    public record ReturnCaseOpen(UUID id, UUID person, String facility, Instant openedAt) {
    }
}

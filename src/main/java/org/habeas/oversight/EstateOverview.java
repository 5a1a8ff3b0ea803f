package org.habeas.oversight;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.habeas.custody.PlacementBreaches;
import org.habeas.estate.CellAboveCapacity;
import org.habeas.estate.EstateService;
import org.habeas.estate.Expansion;
import org.habeas.estate.FacilityFigures;
import org.habeas.estate.FacilityStatus;
import org.habeas.estate.Figures;
import org.habeas.estate.PlannedCapacity;
import org.habeas.legal.DetentionAuthorities;
import org.habeas.legal.DetentionStanding;
import org.habeas.legal.ReturnCase;
import org.habeas.legal.ReturnCases;
import org.habeas.oversight.Safeguards.AgreementEnding;
import org.habeas.oversight.Safeguards.FacilitySafeguards;
import org.habeas.oversight.Safeguards.HeldUnderAgreement;
import org.habeas.oversight.Safeguards.ReturnCaseOpen;
import org.habeas.rights.OverdueDuties;
import org.habeas.rights.RightsService;
import org.habeas.transfer.AgreementService;
import org.habeas.transfer.ExpiringAgreement;
import org.springframework.stereotype.Service;

/**
 * The estate view and the safeguards overdue, for directors, inspectors and oversight bodies. Both read the modules
 * that own the facts through their services, so a figure here is the figure on that module's own page; facility scope
 * applies throughout (a reader limited to some facilities sees those, and the estate they make up).
 */
@Service
public class EstateOverview {

    private final EstateService estate;
    private final DetentionAuthorities authorities;
    private final PlacementBreaches placement;
    private final RightsService rights;
    private final AgreementService agreements;
    private final ReturnCases returnCases;
    private final Incidents incidents;
    private final Clock clock;

    EstateOverview(EstateService estate, DetentionAuthorities authorities, PlacementBreaches placement,
                   RightsService rights, AgreementService agreements,
                   ReturnCases returnCases, Incidents incidents, Clock clock) {
        this.estate = estate;
        this.authorities = authorities;
        this.placement = placement;
        this.rights = rights;
        this.agreements = agreements;
        this.returnCases = returnCases;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Every facility the reader may see, in code order, with the total of the open ones. */
    public EstateView view() {
        List<FacilityFigures> facilities = estate.facilities();
        Map<String, PlannedCapacity> planned = estate.plannedCapacities();
        Map<String, List<Expansion>> expansions = estate.expansionsByFacility();
        List<EstateView.FacilityView> views = facilities.stream()
                .map(f -> new EstateView.FacilityView(f.facility(), f.figures(), planned.get(f.facility().code()),
                        expansions.getOrDefault(f.facility().code(), List.of())))
                .toList();
        Figures open = Figures.total(facilities.stream().filter(f -> f.facility().status() == FacilityStatus.OPEN)
                .map(FacilityFigures::figures).toList());
        return new EstateView(clock.instant(), open, views);
    }

    /**
     * The safeguards overdue in every facility the reader may see, or in {@code facility} alone (FACILITY_NOT_FOUND
     * outside the reader's scope). Agreements are the estate's: an agreement ending is listed once, and the people
     * held under it without a disposition in the facility where they are.
     */
    public Safeguards safeguards(String facility) {
        List<FacilityFigures> facilities = facility == null ? estate.facilities()
                : List.of(estate.facility(facility));
        List<DetentionStanding> dueListed = authorities.due();
        Map<String, List<DetentionStanding>> due = dueListed.stream()
                .collect(Collectors.groupingBy(DetentionStanding::facility));
        // The count only when the list may have been cut: it is a second read of the same standings.
        int dueInScope = dueListed.size() < DetentionAuthorities.LIST_LIMIT ? dueListed.size() : authorities.dueCount();
        Map<String, List<CellAboveCapacity>> cells = estate.cellsAboveCapacity().stream()
                .collect(Collectors.groupingBy(CellAboveCapacity::facility));
        Map<String, OverdueDuties> overdue = rights.overdue().stream()
                .collect(Collectors.toMap(OverdueDuties::facility, Function.identity()));
        List<ReturnCaseOpen> open = returnCases.cases(ReturnCase.Status.OPEN).stream()
                .map(c -> new ReturnCaseOpen(c.id(), c.person(), c.facility(), c.openedAt())).toList();
        Map<String, List<ReturnCaseOpen>> openByFacility = open.stream().filter(c -> c.facility() != null)
                .collect(Collectors.groupingBy(ReturnCaseOpen::facility));
        Map<String, List<Incident>> unreported = incidents.incidents(facility, true).stream()
                .collect(Collectors.groupingBy(Incident::facility));
        List<AgreementEnding> ending = new ArrayList<>();
        List<HeldUnderAgreement> held = new ArrayList<>();
        for (ExpiringAgreement a : agreements.expiring(null)) {
            if (a.withoutDisposition() == 0) {
                continue;
            }
            ending.add(new AgreementEnding(a));
            agreements.withoutDisposition(a.agreement()).forEach(h -> held.add(new HeldUnderAgreement(a.agreement(),
                    a.reference(), a.termEnd(), h.person(), h.facility(), h.since())));
        }
        Map<String, List<HeldUnderAgreement>> heldByFacility = held.stream()
                .collect(Collectors.groupingBy(HeldUnderAgreement::facility));

        List<FacilitySafeguards> lists = new ArrayList<>();
        for (FacilityFigures f : facilities) {
            String code = f.facility().code();
            lists.add(new FacilitySafeguards(code, f.facility().name(), due.getOrDefault(code, List.of()),
                    cells.getOrDefault(code, List.of()), placement.separation(code), placement.nonAssociations(code),
                    overdue.get(code), heldByFacility.getOrDefault(code, List.of()),
                    openByFacility.getOrDefault(code, List.of()), unreported.getOrDefault(code, List.of())));
        }
        List<ReturnCaseOpen> withoutFacility = facility != null ? List.of()
                : open.stream().filter(c -> c.facility() == null).toList();
        List<AgreementEnding> endingHere = facility == null ? ending : ending.stream()
                .filter(e -> heldByFacility.getOrDefault(facility, List.of()).stream()
                        .anyMatch(h -> h.agreement().equals(e.agreement().agreement())))
                .toList();
        return new Safeguards(clock.instant(), lists, endingHere, withoutFacility,
                new Safeguards.AuthoritiesDue(dueInScope, dueListed.size()));
    }
}

package org.habeas.transfer;

import static org.habeas.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.habeas.common.HabeasException;
import org.habeas.custody.CustodyService;
import org.habeas.estate.EstateService;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.habeas.people.PersonQuery;
import org.habeas.vetting.Decision;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How {@link ManifestService} vets a version's lines (see its class comment for what each line meets). Reads only;
 * the caller stores the results. Package-private: the manifest service is the module's way in.
 */
@Component
class ManifestVetting {

    private static final String SECOND_APPROVER = "SECOND_APPROVER";

    private final AgreementService agreements;
    private final VettingService vetting;
    private final PeopleService people;
    private final CustodyService custody;
    private final EstateService estate;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    ManifestVetting(AgreementService agreements, VettingService vetting, PeopleService people, CustodyService custody,
                    EstateService estate, Clock clock, PlatformTransactionManager transactions) {
        this.agreements = agreements;
        this.vetting = vetting;
        this.people = people;
        this.custody = custody;
        this.estate = estate;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The lines' vetting, in order; the first {@code travelling} lines travel, the rest are alternates. */
    List<LineVetting> vet(Manifest m, List<LineDraft> drafts, int travelling) {
        List<List<LineVetting.Reason>> denials = new ArrayList<>();
        List<List<String>> passed = new ArrayList<>();
        drafts.forEach(d -> {
            denials.add(new ArrayList<>());
            passed.add(new ArrayList<>());
        });
        Agreement agreement = agreements.agreement(m.agreement());
        LocalDate day = LocalDate.ofInstant(m.scheduledAt(), ZoneOffset.UTC);
        Set<String> accepted = new HashSet<>(agreement.terms().acceptedCategories());
        String agreementSource = "agreement " + agreement.terms().reference() + " version " + agreement.version();

        Map<PersonId, ?> known = people.admissionFacts(drafts.stream().map(LineDraft::person)
                .filter(java.util.Objects::nonNull).map(PersonId::new).distinct().toList());
        List<List<String>> resembling = resembling(drafts);
        for (int i = 0; i < drafts.size(); i++) {
            LineDraft d = drafts.get(i);
            if (!agreement.inForceOn(day)) {
                denials.get(i).add(new LineVetting.Reason("AGREEMENT_TERM", "AGREEMENT_EXPIRED",
                        "Agreement %s is in force from %s to %s, not on %s".formatted(agreement.terms().reference(),
                                agreement.terms().termStart(), agreement.terms().termEnd(), day), agreementSource));
            } else {
                passed.get(i).add("AGREEMENT_TERM");
            }
            String category = d.category() == null ? null : d.category().strip().toUpperCase(Locale.ROOT);
            if (!accepted.isEmpty() && (category == null || !accepted.contains(category))) {
                denials.get(i).add(new LineVetting.Reason("AGREEMENT_SCOPE", "OUTSIDE_AGREEMENT_SCOPE",
                        "Category %s is not among those the agreement accepts: %s".formatted(
                                category == null ? "(none given)" : category, String.join(", ", accepted)),
                        agreementSource));
            } else {
                passed.get(i).add("AGREEMENT_SCOPE");
            }
            if (d.person() != null) {
                if (!known.containsKey(new PersonId(d.person()))) {
                    denials.get(i).add(new LineVetting.Reason("IDENTITY", "PERSON_NOT_FOUND",
                            "No person " + d.person() + " on the register", "the register of people"));
                } else {
                    passed.get(i).add("IDENTITY");
                }
            } else {
                if (!resembling.get(i).isEmpty()) {
                    denials.get(i).add(new LineVetting.Reason("IDENTITY", "POSSIBLE_DUPLICATE",
                            "The identity resembles records on the register: %s; name the record, or confirm a new "
                                    .formatted(String.join(", ", resembling.get(i))) + "person in a new version",
                            "the register of people"));
                } else {
                    passed.get(i).add("IDENTITY");
                }
            }
        }
        if (m.direction() == ManifestDirection.OUTBOUND) {
            vetRemovals(m, drafts, denials, passed);
        } else {
            vetArrivals(m, drafts, travelling, denials, passed);
        }
        List<LineVetting> vetted = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            vetted.add(LineVetting.of(denials.get(i), passed.get(i)));
        }
        return vetted;
    }

    // Every rule of the engine for a removal to the destination country, as one batch for the version.
    private void vetRemovals(Manifest m, List<LineDraft> drafts, List<List<LineVetting.Reason>> denials,
                             List<List<String>> passed) {
        Instant at = m.scheduledAt().isBefore(clock.instant()) ? clock.instant() : m.scheduledAt();
        List<Integer> judged = new ArrayList<>();
        List<VettingRequest> requests = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            LineDraft d = drafts.get(i);
            if (d.person() == null) {
                denials.get(i).add(new LineVetting.Reason("CUSTODY", "NOT_IN_CUSTODY",
                        "An outbound line must name a person held on the register", "custody episodes"));
                continue;
            }
            Optional<String> facility = custody.facilityHolding(new PersonId(d.person()));
            if (facility.isEmpty()) {
                denials.get(i).add(new LineVetting.Reason("CUSTODY", "NOT_IN_CUSTODY",
                        "Person " + d.person() + " is not in custody", "custody episodes"));
                continue;
            }
            VettingRequest.Basis basis = d.basisType() == null && d.basisReference() == null ? null
                    : new VettingRequest.Basis(blankToNull(d.basisType()), blankToNull(d.basisReference()));
            requests.add(new VettingRequest(d.person(), MovementAction.REMOVAL, facility.get(), null, null, null,
                    m.destinationCountry(), m.destinationAuthority(), m.agreement(), at, basis));
            judged.add(i);
        }
        if (requests.isEmpty()) {
            return;
        }
        List<Decision> decisions;
        try {
            // Under a savepoint: a refusal thrown through the engine's transaction would otherwise doom this one.
            decisions = savepoint.execute(status -> vetting.dryRun(requests));
        } catch (HabeasException refused) {
            for (int i : judged) {
                denials.get(i).add(new LineVetting.Reason("VETTING", refused.code().name(), refused.getMessage(),
                        "the vetting engine"));
            }
            return;
        }
        for (int k = 0; k < judged.size(); k++) {
            int i = judged.get(k);
            for (RuleOutcome o : decisions.get(k).outcomes()) {
                // This manifest's own two-person approval is the second approver its lines need; the handover is
                // vetted again, and SECOND_APPROVER then finds the approved, boarded line.
                if (o.blocks() && !SECOND_APPROVER.equals(o.rule())) {
                    denials.get(i).add(new LineVetting.Reason(o.rule(), o.code(), o.reason(), o.source()));
                } else {
                    passed.get(i).add(o.rule());
                }
            }
        }
    }

    // Room at the destination for the travelling lines, in order, and nobody already held.
    private void vetArrivals(Manifest m, List<LineDraft> drafts, int travelling,
                             List<List<LineVetting.Reason>> denials, List<List<String>> passed) {
        Agreement agreement = agreements.agreement(m.agreement());
        Integer cap = agreement.terms().capacityCap();
        long heldUnder = cap == null ? 0 : agreements.heldCount(m.agreement());
        var figures = estate.facility(m.destinationFacility()).figures();
        long room = Math.max(0, figures.operational() - figures.population());
        long taken = 0;
        String source = "capacity figures of " + m.destinationFacility();
        for (int i = 0; i < drafts.size(); i++) {
            LineDraft d = drafts.get(i);
            if (d.person() != null && custody.facilityHolding(new PersonId(d.person())).isPresent()) {
                denials.get(i).add(new LineVetting.Reason("CUSTODY", "ALREADY_IN_CUSTODY",
                        "Person " + d.person() + " is already held on the register", "custody episodes"));
            }
            if (i >= travelling) {
                continue;   // an alternate takes room only once promoted; its version is vetted again then
            }
            taken++;
            if (cap != null && heldUnder + taken > cap) {
                denials.get(i).add(new LineVetting.Reason("AGREEMENT_CAP", "CAPACITY_EXCEEDED",
                        "Agreement %s caps the people held under it at %d; %d are held and this is arrival %d"
                                .formatted(agreement.terms().reference(), cap, heldUnder, taken),
                        "agreement " + agreement.terms().reference()));
            } else {
                passed.get(i).add("AGREEMENT_CAP");
            }
            if (taken > room) {
                denials.get(i).add(new LineVetting.Reason("CAPACITY", "CAPACITY_EXCEEDED",
                        "%s has room for %d more people within its operational capacity; this is arrival %d"
                                .formatted(m.destinationFacility(), room, taken), source));
            } else {
                passed.get(i).add("CAPACITY");
            }
        }
    }

    /** The travelling lines' denials if they were vetted now, one text per denial naming the line. */
    List<String> deniedNow(Manifest m, List<ManifestLine> lines) {
        List<LineDraft> drafts = lines.stream().map(ManifestLine::draft).toList();
        List<LineVetting> vetted = vet(m, drafts, drafts.size());
        List<String> denied = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            for (LineVetting.Reason r : vetted.get(i).reasons()) {
                denied.add("%s: %s %s: %s".formatted(drafts.get(i).ref(), r.rule(), r.code(), r.reason()));
            }
        }
        return denied;
    }

    // The records each new arrival's identity resembles, every line's in one batch; empty for a named person.
    private List<List<String>> resembling(List<LineDraft> drafts) {
        List<Integer> asked = new ArrayList<>();
        List<PersonQuery> queries = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            NewArrival identity = drafts.get(i).identity();
            if (identity != null && !identity.fullName().isBlank()) {
                asked.add(i);
                queries.add(new PersonQuery(identity.fullName(), null, identity.birthDate(), null, null, null));
            }
        }
        List<List<String>> answers = new ArrayList<>(java.util.Collections.nCopies(drafts.size(), List.of()));
        if (queries.isEmpty()) {
            return answers;
        }
        try {
            List<List<PersonId>> found = savepoint.execute(status -> people.resembling(queries));
            for (int k = 0; k < asked.size(); k++) {
                answers.set(asked.get(k), found.get(k).stream().map(p -> p.value().toString()).toList());
            }
        } catch (HabeasException refused) {
            List<String> unsearched = List.of("(the register could not be searched: " + refused.code() + ")");
            asked.forEach(i -> answers.set(i, unsearched));
        }
        return answers;
    }
}

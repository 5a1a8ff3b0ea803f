package org.habeas.custody.internal;

import static org.habeas.custody.CustodyPageParts.MOVERS;
import static org.habeas.custody.CustodyPageParts.blank;
import static org.habeas.custody.CustodyPageParts.instant;
import static org.habeas.custody.CustodyPageParts.trim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.common.ErrorCode;
import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;
import org.habeas.custody.AuthorityType;
import org.habeas.custody.Contact;
import org.habeas.custody.CustodyPageParts;
import org.habeas.custody.CustodyPageParts.Refusal;
import org.habeas.custody.CustodyService;
import org.habeas.custody.Episode;
import org.habeas.custody.LegalStatus;
import org.habeas.custody.MoveCommand;
import org.habeas.custody.Movement;
import org.habeas.custody.MovementKind;
import org.habeas.custody.Whereabouts;
import org.habeas.custody.WhereaboutsKind;
import org.habeas.custody.internal.CustodyRequests.AdmitRequest;
import org.habeas.custody.internal.CustodyRequests.ArrestRequest;
import org.habeas.custody.internal.CustodyRequests.AuthorityRequest;
import org.habeas.custody.internal.CustodyRequests.ContactRequest;
import org.habeas.custody.internal.CustodyRequests.CorrectionRequest;
import org.habeas.custody.internal.CustodyRequests.MoveRequest;
import org.habeas.custody.internal.CustodyRequests.PropertyRequest;
import org.habeas.estate.EstateService;
import org.habeas.estate.Location;
import org.habeas.estate.LocationId;
import org.habeas.estate.LocationStatus;
import org.habeas.people.PeopleService;
import org.habeas.people.Person;
import org.habeas.people.PersonId;
import org.habeas.vetting.Decision;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.MovementOverride;
import org.habeas.vetting.NewOverride;
import org.habeas.vetting.OverrideStatus;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's custody pages: the intake form with the Rule 7 sections (REQ-08), and the custody timeline (where the
 * person is now, every episode with its admission record, the movement ledger) with the forms that record a cell
 * placement or move, a release (REQ-39), a death (REQ-12f, REQ-13) and the other movements. Same service, same
 * roles and the same request validation as {@link CustodyController}; refusals are shown on the page, in the
 * officer's language, never as JSON or a 500.
 */
@Controller
@RequestMapping("/people/{personId}/custody")
@PreAuthorize(CustodyPageParts.READERS)
class CustodyPages {

    /** Empty property and contact rows on the intake form; more go through the API. */
    static final int ROWS = 3;
    private static final int MAX_PARTICULAR = 2000;

    private final CustodyService custody;
    private final EstateService estate;
    private final PeopleService people;
    private final FormValidation forms;
    private final VettingService vetting;
    private final Clock clock;

    CustodyPages(CustodyService custody, EstateService estate, PeopleService people, FormValidation forms,
                 VettingService vetting, Clock clock) {
        this.custody = custody;
        this.estate = estate;
        this.people = people;
        this.forms = forms;
        this.vetting = vetting;
        this.clock = clock;
    }

    /** An episode with its times in the facility's zone. */
    record EpisodeView(Episode episode, ZonedDateTime admittedAt, ZonedDateTime arrestedAt, ZonedDateTime endedAt) {
    }

    /**
     * A ledger entry with its time in the facility's zone and its cells by name; {@code correctable} for the one
     * entry the officer may correct now.
     */
    record LedgerLine(Movement movement, ZonedDateTime at, String from, String to, boolean correctable) {
    }

    /**
     * One rule's outcome on the dry run, with what the officer can do about a denial: name an approved override
     * ({@code approved}), wait for one ({@code pending}), or request one when the rule may be overridden.
     */
    record RuleLine(RuleOutcome outcome, boolean overridable, List<MovementOverride> approved,
                    List<MovementOverride> pending) {

        public boolean canRequest() {
            return outcome.verdict() == RuleOutcome.Verdict.DENY && overridable && approved.isEmpty()
                    && pending.isEmpty();
        }
    }

    /** A cell to choose for a placement, with how full it is. */
    record CellChoice(UUID id, String path, int population, int operational, boolean full) {
    }

    // ---- the timeline

    @GetMapping
    String timeline(@PathVariable UUID personId, @AuthenticationPrincipal HabeasUser user, Model model) {
        PersonId id = new PersonId(personId);
        Person person = people.person(id);
        Zones zones = new Zones(estate);
        Optional<Whereabouts> where = custody.whereabouts(id);
        List<Episode> episodes = custody.episodes(id);
        List<Movement> ledger = custody.ledger(id);
        Map<UUID, String> cellNames = new HashMap<>();
        ledger.stream().map(Movement::facility).distinct().forEach(code -> zones.locations(code)
                .forEach(l -> cellNames.put(l.id().value(), l.relativePath())));

        model.addAttribute("person", person);
        model.addAttribute("where", where.map(Whereabouts::json).orElse(null));
        where.ifPresent(w -> model.addAttribute("whereSince", zones.local(w.since(), w.facility())));
        model.addAttribute("episodes", episodes.stream().map(e -> new EpisodeView(e,
                zones.local(e.admittedAt(), e.facility()),
                e.arrest() == null ? null : zones.local(e.arrest().at(), e.facility()),
                zones.local(e.endedAt(), e.facility()))).toList());
        Movement correctable = where.flatMap(w -> correctable(ledger, w, user)).orElse(null);
        List<LedgerLine> lines = correctionsBeside(ledger).stream().map(m -> new LedgerLine(m,
                zones.local(m.occurredAt(), m.facility()), name(cellNames, m.fromLocation()),
                name(cellNames, m.toLocation()), m == correctable)).toList();
        model.addAttribute("ledger", lines);
        if (correctable != null) {
            model.addAttribute("correction", lines.stream().filter(LedgerLine::correctable).findFirst().orElseThrow());
            MovementKind kind = correctable.standsFor();
            if (kind == MovementKind.PLACED || kind == MovementKind.MOVED) {
                model.addAttribute("correctionCells", cellChoices(zones, where.orElseThrow()));
            }
        }
        model.addAttribute("correctionByRecorder", correctable == null && user.has(Role.SUPERVISOR)
                && where.flatMap(w -> correctable(ledger, w, null)).isPresent());
        boolean mover = user.has(Role.INTAKE) || user.has(Role.HOUSING) || user.has(Role.SUPERVISOR);
        model.addAttribute("canAdmit", user.has(Role.INTAKE) && where.isEmpty());
        if (mover && where.isPresent()) {
            Whereabouts w = where.get();
            List<MovementKind> allowed = java.util.Arrays.stream(MovementKind.values())
                    .filter(k -> k != MovementKind.ADMITTED && k.allowedFrom(w.kind())).toList();
            model.addAttribute("cellKind", allowed.contains(MovementKind.PLACED) ? MovementKind.PLACED
                    : allowed.contains(MovementKind.MOVED) ? MovementKind.MOVED : null);
            model.addAttribute("canRelease", allowed.contains(MovementKind.RELEASED));
            model.addAttribute("releaseBases", CustodyRules.RELEASE_BASES.stream().sorted().toList());
            model.addAttribute("removalBases", REMOVAL_BASES);
            model.addAttribute("canRecordDeath", allowed.contains(MovementKind.DIED));
            model.addAttribute("otherKinds", allowed.stream().filter(k -> k != MovementKind.PLACED
                    && k != MovementKind.MOVED && k != MovementKind.RELEASED && k != MovementKind.DIED).toList());
            if (w.kind() == WhereaboutsKind.RECEPTION || w.kind() == WhereaboutsKind.IN_CELL) {
                model.addAttribute("cells", cellChoices(zones, w));
            }
        }
        model.addAttribute("mover", mover);
        return "custody/timeline";
    }

    @PostMapping("/movements")
    @PreAuthorize(MOVERS)
    String move(@PathVariable UUID personId, @ModelAttribute MovementForm form, RedirectAttributes redirect) {
        PersonId id = new PersonId(personId);
        try {
            String facility = custody.facilityHolding(id).orElseThrow(() -> new InvalidRequest(
                    ErrorCode.NOT_IN_CUSTODY, "The person is not in custody"));
            MoveRequest request = form.toRequest(new Zones(estate).zone(facility));
            forms.require(request);
            custody.move(request.toCommand(id));
            redirect.addFlashAttribute("done", "custody.moved." + request.type());
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", Refusal.of(refused));
            redirect.addFlashAttribute("tried", form.type());
            redirect.addFlashAttribute("triedCell", form.cell());
        }
        return "redirect:/people/" + personId + "/custody";
    }

    // The cells of the person's facility that hold people and are in use, but the one they are in.
    private static List<CellChoice> cellChoices(Zones zones, Whereabouts w) {
        return zones.locations(w.facility()).stream()
                .filter(l -> l.capacity() != null && l.status() == LocationStatus.ACTIVE)
                .filter(l -> !l.id().equals(w.cell()))
                .map(l -> new CellChoice(l.id().value(), l.relativePath(), l.population(),
                        l.capacity().operational(), l.population() >= l.capacity().operational()))
                .toList();
    }

    /**
     * Records a correction of the person's latest ledger entry (invariant 5) from the timeline's correction form: the
     * right time (read in the facility's zone), the right cell, or that it never happened, and why. Supervisors
     * only; the service refuses the entry's recorder. Refusals are shown on the timeline, as for a movement.
     */
    @PostMapping("/movements/{movementId}/corrections")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String correct(@PathVariable UUID personId, @PathVariable UUID movementId, @ModelAttribute CorrectionForm form,
                   RedirectAttributes redirect) {
        PersonId id = new PersonId(personId);
        try {
            String facility = custody.facilityHolding(id).orElseThrow(() -> new InvalidRequest(
                    ErrorCode.NOT_IN_CUSTODY, "The person is not in custody"));
            CorrectionRequest request = form.toRequest(new Zones(estate).zone(facility));
            forms.require(request);
            custody.correct(request.toCommand(id, movementId));
            redirect.addFlashAttribute("done", "custody.corrected");
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", Refusal.of(refused));
            redirect.addFlashAttribute("triedCorrection", true);
        }
        return "redirect:/people/" + personId + "/custody";
    }

    /**
     * The entry {@code user} may correct now, if any: the latest entry that stands (the one the whereabouts rest on),
     * of a kind that can be corrected, recorded (with whatever it corrects) by someone else. {@code user} null: the
     * entry whoever did not record it could correct.
     */
    private static Optional<Movement> correctable(List<Movement> ledger, Whereabouts where, HabeasUser user) {
        if (user != null && !user.has(Role.SUPERVISOR)) {
            return Optional.empty();
        }
        Map<UUID, Movement> byId = new HashMap<>();
        ledger.forEach(m -> byId.put(m.id(), m));
        Movement latest = byId.get(where.lastMovement());
        if (latest == null || latest.superseded() || latest.standsFor() == null
                || latest.standsFor() == MovementKind.ADMITTED || latest.standsFor().ends() != null) {
            return Optional.empty();
        }
        for (Movement m = latest; m != null; m = m.corrects() == null ? null : byId.get(m.corrects())) {
            if (user != null && m.actor().equals(user.username())) {
                return Optional.empty();
            }
        }
        return Optional.of(latest);
    }

    /** The ledger in its order, each correction right after the entry it corrects (and its own correction after it). */
    private static List<Movement> correctionsBeside(List<Movement> ledger) {
        Map<UUID, Movement> correctionOf = new HashMap<>();
        ledger.stream().filter(m -> m.corrects() != null).forEach(m -> correctionOf.put(m.corrects(), m));
        List<Movement> ordered = new ArrayList<>(ledger.size());
        for (Movement m : ledger) {
            if (m.corrects() == null) {
                for (Movement c = m; c != null; c = correctionOf.get(c.id())) {
                    ordered.add(c);
                }
            }
        }
        ledger.stream().filter(m -> !ordered.contains(m)).forEach(ordered::add);   // none: each corrects one there
        return ordered;
    }

    /**
     * The live dry run of the cell form (htmx, as the officer picks a cell): every rule's outcome for exactly the
     * movement the form would submit, from the same engine call the move makes (CustodyService builds the request,
     * VettingService evaluates it), with the overrides for it that are approved or still pending. Writes nothing.
     */
    @GetMapping("/dry-run")
    @PreAuthorize(MOVERS)
    String dryRun(@PathVariable UUID personId, @ModelAttribute MovementForm form, Model model) {
        people.requireVisible(new PersonId(personId));   // out of scope or not there: 404 from the handler below
        model.addAttribute("pid", personId);
        try {
            VettingRequest request = cellRequest(personId, form);
            Decision decision = vetting.dryRun(request);
            List<MovementOverride> open = vetting.openOverridesFor(request);
            model.addAttribute("decision", decision);
            model.addAttribute("lines", decision.outcomes().stream().map(o -> new RuleLine(o,
                    vetting.overridable(o.rule()),
                    open.stream().filter(v -> v.rule().equals(o.rule()) && v.status() == OverrideStatus.APPROVED)
                            .toList(),
                    open.stream().filter(v -> v.rule().equals(o.rule()) && v.status() == OverrideStatus.PENDING)
                            .toList())).toList());
            model.addAttribute("type", request.action() == MovementAction.PLACEMENT
                    ? MovementKind.PLACED : MovementKind.MOVED);
            model.addAttribute("cell", request.toLocation());
        } catch (HabeasException refused) {
            model.addAttribute("dryRunRefused", Refusal.of(refused));
        }
        return "custody/parts :: dryRun";
    }

    /**
     * Requests a two-person override (REQ-53) of one rule for the movement the cell form names; it lifts nothing
     * until a second person with the rule's approver role approves it on the override queue.
     */
    @PostMapping("/overrides")
    @PreAuthorize(MOVERS)
    String requestOverride(@PathVariable UUID personId, @ModelAttribute MovementForm form,
                           @RequestParam(required = false) String rule,
                           @RequestParam(required = false) String overrideReason,
                           @RequestParam(required = false) String legalBasis,
                           @RequestParam(required = false) String hours,
                           @AuthenticationPrincipal HabeasUser user, RedirectAttributes redirect) {
        try {
            VettingRequest request = cellRequest(personId, form);
            if (blank(rule)) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Which rule to lift is required", "rule");
            }
            String reason = limited(overrideReason, "overrideReason");
            String basis = limited(legalBasis, "legalBasis");
            Integer valid = number(hours, "hours");
            if (valid == null || valid < 1 || valid > VettingService.LONGEST_OVERRIDE.toHours()) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Valid for 1 to "
                        + VettingService.LONGEST_OVERRIDE.toHours() + " hours", "hours");
            }
            vetting.requestOverride(new NewOverride(request, rule.strip(), reason, basis,
                    clock.instant().plus(Duration.ofHours(valid))), user);
            redirect.addFlashAttribute("done", "custody.override.requested");
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", Refusal.of(refused));
        }
        redirect.addFlashAttribute("triedCell", form.cell());
        return "redirect:/people/" + personId + "/custody";
    }

    // The cell form's movement as the engine will see it: the same request CustodyService.move builds, for a cell
    // of the person's own facility, at the form's time (read in the facility's zone) or now.
    private VettingRequest cellRequest(UUID personId, MovementForm form) {
        MovementKind kind = choice(MovementKind.class, form.type(), "type");
        if (kind != MovementKind.PLACED && kind != MovementKind.MOVED) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Choose a cell placement or move", "type");
        }
        UUID cell = cellOf(form.cell());
        var command = new MoveCommand(new PersonId(personId), kind, null, new LocationId(cell), null, null, null,
                null, null, null, List.of(), Map.of());
        VettingRequest request = custody.vettingRequestFor(command).orElseThrow();
        Zones zones = new Zones(estate);
        if (zones.locations(request.facility()).stream().noneMatch(l -> l.id().value().equals(cell))) {
            throw new NotFound(ErrorCode.LOCATION_NOT_FOUND, "No such cell in this facility");
        }
        Instant at = instant(form.occurredAt(), zones.zone(request.facility()), "occurredAt");
        return at == null ? request : new VettingRequest(request.person(), request.action(), request.facility(),
                request.fromLocation(), request.toLocation(), request.toFacility(), request.toCountry(),
                request.toAuthority(), request.agreement(), at);
    }

    private static UUID cellOf(String text) {
        if (blank(text)) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A cell is required", "toLocation");
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a cell", "toLocation");
        }
    }

    private static String limited(String text, String field) {
        if (blank(text) || text.strip().length() > 1000) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Required, at most 1000 characters", field);
        }
        return text.strip();
    }

    // ---- intake

    @GetMapping("/admit")
    @PreAuthorize("hasRole('INTAKE')")
    String admissionForm(@PathVariable UUID personId, Model model) {
        Person person = people.person(new PersonId(personId));
        model.addAttribute("form", AdmissionForm.empty(person.facilities().isEmpty() ? null
                : person.facilities().get(0)));
        return admissionPage(person, model);
    }

    @PostMapping("/admit")
    @PreAuthorize("hasRole('INTAKE')")
    String admit(@PathVariable UUID personId, @ModelAttribute("form") AdmissionForm form, Model model,
                 RedirectAttributes redirect) {
        PersonId id = new PersonId(personId);
        people.requireVisible(id);   // the record is read, and journaled, only if the form is shown again
        try {
            if (blank(form.facility())) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The facility is required", "facility");
            }
            AdmitRequest request = form.toRequest(new Zones(estate).zone(form.facility().strip()));
            forms.require(request);
            var admitted = custody.admit(request.toAdmission(id));
            redirect.addFlashAttribute("done", admitted.referral() == null ? "custody.admitted"
                    : "custody.admitted.referral");
            return "redirect:/people/" + personId + "/custody";
        } catch (HabeasException refused) {
            model.addAttribute("refused", Refusal.of(refused));
            return admissionPage(people.person(id), model);
        }
    }

    private String admissionPage(Person person, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("facilities", estate.facilities());
        model.addAttribute("legalStatuses", LegalStatus.values());
        model.addAttribute("authorityTypes", AuthorityType.values());
        model.addAttribute("relations", Contact.Relation.values());
        model.addAttribute("rows", java.util.stream.IntStream.range(0, ROWS).boxed().toList());
        return "custody/admit";
    }

    // A person out of scope or not there: the error page with the refusal's status, never a 500.
    @ExceptionHandler
    String refused(HabeasException refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("status", refused.status().value());
        return "web/error";
    }


    private static String name(Map<UUID, String> names, UUID location) {
        return location == null ? null : names.getOrDefault(location, location.toString());
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a choice: " + text, field);
        }
    }

    private static Integer number(String text, String field) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a number: " + text, field);
        }
    }

    /** Facility time zones and locations for one page, each looked up once; UTC for a facility out of scope. */
    static final class Zones {

        private final EstateService estate;
        private final Map<String, ZoneId> zones = new HashMap<>();
        private final Map<String, List<Location>> locations = new HashMap<>();

        Zones(EstateService estate) {
            this.estate = estate;
        }

        ZoneId zone(String facility) {
            return zones.computeIfAbsent(facility, code -> estate.facility(code).facility().timeZone());
        }

        ZonedDateTime local(Instant instant, String facility) {
            if (instant == null) {
                return null;
            }
            ZoneId zone;
            try {
                zone = zone(facility);
            } catch (HabeasException outOfScope) {
                zone = ZoneOffset.UTC;   // a transfer's other end the officer may not see
            }
            return instant.atZone(zone);
        }

        List<Location> locations(String facility) {
            return locations.computeIfAbsent(facility, code -> {
                try {
                    return estate.locations(code);
                } catch (HabeasException outOfScope) {
                    return List.of();
                }
            });
        }
    }

    /** The movement forms: the kind, and whichever of its fields the chosen form shows. */
    /** The legal bases a removal or handover may name on the form; the legal rules judge them (REQ-44). */
    static final List<String> REMOVAL_BASES = List.of("INA_REMOVAL_ORDER", "ALIEN_ENEMIES_ACT",
            "THIRD_COUNTRY_AGREEMENT");

    record MovementForm(String type, String cell, String occurredAt, String destination, String detail,
                        String authority, String agreement, String reason, Long expectedVersion,
                        Boolean identityChecked, String identityCheckedBy, String circumstances, String cause,
                        String remainsDestination, String authorityNotified, List<String> overrides,
                        String basis) {

        MoveRequest toRequest(ZoneId zone) {
            MovementKind kind = choice(MovementKind.class, type, "type");
            if (kind == null || kind == MovementKind.ADMITTED || kind == MovementKind.CORRECTED) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Choose a movement", "type");
            }
            UUID toLocation = null;
            if (!blank(cell)) {
                try {
                    toLocation = UUID.fromString(cell.strip());
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a cell", "toLocation");
                }
            }
            Map<String, Object> particulars = new LinkedHashMap<>();
            if (kind == MovementKind.RELEASED) {   // REQ-39: the identity check, and who did it
                if (Boolean.TRUE.equals(identityChecked)) {
                    particulars.put("identityChecked", true);
                }
                particular(particulars, "identityCheckedBy", identityCheckedBy);
            }
            // The kind of legal basis the movement rests on, which the release and removal rules judge.
            particular(particulars, CustodyService.BASIS, basis);
            if (kind == MovementKind.DIED) {       // REQ-12f, REQ-13
                particular(particulars, "circumstances", circumstances);
                particular(particulars, "cause", cause);
                particular(particulars, "remainsDestination", remainsDestination);
                particular(particulars, "authorityNotified", authorityNotified);
            }
            return new MoveRequest(kind, instant(occurredAt, zone, "occurredAt"), toLocation, trim(destination),
                    trim(detail), trim(authority), trim(agreement), trim(reason), expectedVersion, overrideIds(),
                    particulars);
        }

        // The approved overrides the officer ticked on the dry run (REQ-53); the engine checks each fits.
        private List<UUID> overrideIds() {
            List<UUID> ids = new ArrayList<>();
            for (String id : overrides == null ? List.<String>of() : overrides) {
                if (!blank(id)) {
                    try {
                        ids.add(UUID.fromString(id.strip()));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not an override", "overrides");
                    }
                }
            }
            return ids;
        }

        private static void particular(Map<String, Object> particulars, String name, String value) {
            if (!blank(value)) {
                if (value.length() > MAX_PARTICULAR) {
                    throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Too long", "particulars." + name);
                }
                particulars.put(name, value.strip());
            }
        }
    }

    /** The correction form: the right time (facility time), the right cell, or that it never happened; and why. */
    record CorrectionForm(String occurredAt, String cell, Boolean enteredInError, String reason,
                          Long expectedVersion) {

        CorrectionRequest toRequest(ZoneId zone) {
            UUID toLocation = null;
            if (!blank(cell)) {
                try {
                    toLocation = UUID.fromString(cell.strip());
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a cell", "toLocation");
                }
            }
            return new CorrectionRequest(instant(occurredAt, zone, "occurredAt"), toLocation,
                    Boolean.TRUE.equals(enteredInError), trim(reason), expectedVersion, List.of());
        }
    }

    /**
     * The intake form (REQ-02, REQ-08): the facility, the legal status and authority, the arrest, injuries and
     * complaints, and {@link #ROWS} rows each of property and of family, children and next of kin.
     */
    record AdmissionForm(String facility, String legalStatus, String authorityType, String issuingAuthority,
                         String issuedOn, String documentReference, String grounds, String admittedAt, String reason,
                         String arrestedAt, String arrestPlace, String arrestingAuthority, String visibleInjuries,
                         String illTreatmentComplaint, List<String> propertyDescription,
                         List<String> propertyQuantity, List<String> contactRelation, List<String> contactName,
                         List<String> contactAge, List<String> contactWhereabouts, List<String> contactGuardianship,
                         List<String> contactPhone) {

        AdmissionForm {
            propertyDescription = rows(propertyDescription);
            propertyQuantity = rows(propertyQuantity);
            contactRelation = rows(contactRelation);
            contactName = rows(contactName);
            contactAge = rows(contactAge);
            contactWhereabouts = rows(contactWhereabouts);
            contactGuardianship = rows(contactGuardianship);
            contactPhone = rows(contactPhone);
        }

        static AdmissionForm empty(String facility) {
            return new AdmissionForm(facility, LegalStatus.PRE_TRIAL.name(), null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        AdmitRequest toRequest(ZoneId zone) {
            var authority = new AuthorityRequest(choice(AuthorityType.class, authorityType, "authority.type"),
                    trim(issuingAuthority), date(issuedOn), trim(documentReference), trim(grounds));
            ArrestRequest arrest = blank(arrestedAt) && blank(arrestPlace) && blank(arrestingAuthority) ? null
                    : new ArrestRequest(instant(arrestedAt, zone, "arrest.at"), trim(arrestPlace),
                    trim(arrestingAuthority));
            List<PropertyRequest> property = new ArrayList<>();
            for (int i = 0; i < propertyDescription.size(); i++) {
                if (!blank(propertyDescription.get(i))) {
                    Integer quantity = number(at(propertyQuantity, i), "property[" + i + "].quantity");
                    property.add(new PropertyRequest(propertyDescription.get(i).strip(),
                            quantity == null ? 1 : quantity));
                }
            }
            List<ContactRequest> contacts = new ArrayList<>();
            for (int i = 0; i < contactName.size(); i++) {
                if (!blank(contactName.get(i))) {
                    contacts.add(new ContactRequest(choice(Contact.Relation.class, at(contactRelation, i),
                            "contacts[" + i + "].relation"), contactName.get(i).strip(),
                            number(at(contactAge, i), "contacts[" + i + "].age"), trim(at(contactWhereabouts, i)),
                            trim(at(contactGuardianship, i)), trim(at(contactPhone, i))));
                }
            }
            return new AdmitRequest(trim(facility), choice(LegalStatus.class, legalStatus, "legalStatus"),
                    authority, arrest, instant(admittedAt, zone, "admittedAt"), trim(visibleInjuries),
                    trim(illTreatmentComplaint), property, contacts, trim(reason));
        }

        private static LocalDate date(String text) {
            if (blank(text)) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a date: " + text, "authority.issuedOn");
            }
        }

        private static String at(List<String> values, int i) {
            return i < values.size() ? values.get(i) : null;
        }

        private static List<String> rows(List<String> values) {
            List<String> padded = new ArrayList<>(values == null ? List.of() : values);
            while (padded.size() < ROWS) {
                padded.add("");
            }
            return padded;
        }
    }
}

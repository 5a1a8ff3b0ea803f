package org.habeas.legal.internal;

import static org.habeas.custody.CustodyPageParts.blank;
import static org.habeas.custody.CustodyPageParts.trim;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.common.CountryCode;
import org.habeas.common.ErrorCode;
import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.custody.CustodyPageParts;
import org.habeas.custody.CustodyPageParts.Refusal;
import org.habeas.custody.CustodyService;
import org.habeas.custody.MoveCommand;
import org.habeas.custody.MovementKind;
import org.habeas.legal.CourtOrder;
import org.habeas.legal.Hold;
import org.habeas.legal.LegalService;
import org.habeas.legal.LegalSummary;
import org.habeas.legal.NewHold;
import org.habeas.legal.NewInjunction;
import org.habeas.legal.NewOrder;
import org.habeas.legal.OrderEntered;
import org.habeas.legal.OrderType;
import org.habeas.legal.Policy;
import org.habeas.legal.RecordStatus;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.habeas.vetting.Decision;
import org.habeas.vetting.OverridePlaces;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The legal pages: a person's legal tab (orders with their history, holds, injunctions covering them, reviews,
 * notices, fear claims) with the forms that change an order's status, enter, verify or withdraw a hold and record a
 * review; order entry with the data-quality check shown before saving (REQ-42); the removal vetting view (every
 * rule's answer for a removal to a chosen country); and the lists of provisional holds, orders awaiting review,
 * injunctions and legal policy. Same service, same roles as {@link LegalController}; refusals are shown on the page
 * in the reader's language, never as JSON or a 500.
 */
@Controller
@PreAuthorize(LegalController.READERS)
class LegalPages {

    /** Who may ask for a dry run: as {@code POST /api/vetting/decisions}. */
    static final String DRY_RUNNERS = "hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR','DIRECTOR')";
    static final String DECIDES_HOLDS = "hasAnyRole('LEGAL','SUPERVISOR')";
    static final String POLICY_READERS = "hasAnyRole('ADMIN','LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')";

    /** The legal bases a removal may name (the custody movement form offers the same; the legal rules judge them). */
    static final List<String> REMOVAL_BASES = List.of("INA_REMOVAL_ORDER", LegalRules.ALIEN_ENEMIES_ACT,
            "THIRD_COUNTRY_AGREEMENT");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final LegalService legal;
    private final PeopleService people;
    private final CustodyService custody;
    private final VettingService vetting;
    private final FormValidation forms;
    private final ObjectProvider<OverridePlaces> places;

    LegalPages(LegalService legal, PeopleService people, CustodyService custody, VettingService vetting,
               FormValidation forms, ObjectProvider<OverridePlaces> places) {
        this.legal = legal;
        this.people = people;
        this.custody = custody;
        this.vetting = vetting;
        this.forms = forms;
        this.places = places;
    }

    /** A country to choose: its ISO code and its name in the reader's language. */
    record Country(String code, String name) {
    }

    /** One rule's line on the removal view; {@code outcome} null when the rule does not judge removals. */
    record RuleLine(String rule, RuleOutcome outcome) {
    }

    // ---- the person's legal tab

    @GetMapping("/people/{personId}/legal")
    String tab(@PathVariable UUID personId, @AuthenticationPrincipal HabeasUser user, Model model) {
        PersonId id = new PersonId(personId);
        var person = people.person(id);
        LegalSummary summary = legal.summary(id);
        model.addAttribute("person", person);
        model.addAttribute("summary", summary);
        model.addAttribute("times", new Times(zoneOf(summary.facility())));
        model.addAttribute("enters", user.has(Role.LEGAL));
        model.addAttribute("decidesHolds", user.has(Role.LEGAL) || user.has(Role.SUPERVISOR));
        model.addAttribute("statuses", RecordStatus.values());
        model.addAttribute("sources", Hold.Source.values());
        List<Country> countries = countries();
        model.addAttribute("countries", countries);
        Map<String, String> names = new HashMap<>();
        countries.forEach(c -> names.put(c.code(), c.name()));
        model.addAttribute("names", names);
        return "legal/person";
    }

    @PostMapping("/people/{personId}/legal/holds")
    @PreAuthorize(LegalController.ENTERS)
    String enterHold(@PathVariable UUID personId, @ModelAttribute HoldForm form, RedirectAttributes redirect) {
        PersonId id = new PersonId(personId);
        people.requireVisible(id);
        return shown(redirect, tabOf(personId), "legal.hold.entered", "hold", () -> {
            var request = new LegalController.HoldRequest(choice(Hold.Source.class, form.source(), "source"),
                    trim(form.issuedBy()), trim(form.caseNumber()), null, trim(form.summary()),
                    trim(form.documentReference()));
            forms.require(request);
            legal.enterHold(new NewHold(id, request.source(), request.issuedBy(), request.caseNumber(), null,
                    request.summary(), request.documentReference()));
        });
    }

    @PostMapping("/legal/holds/{holdId}/verify")
    @PreAuthorize(DECIDES_HOLDS)
    String verifyHold(@PathVariable UUID holdId, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String back, RedirectAttributes redirect) {
        UUID person = legal.hold(holdId).person();
        return shown(redirect, back(back, person), "legal.hold.verified", "hold-" + holdId, () -> {
            forms.require(new LegalController.ReasonRequest(trim(reason)));
            legal.verifyHold(holdId, reason.strip());
        });
    }

    @PostMapping("/legal/holds/{holdId}/withdraw")
    @PreAuthorize(DECIDES_HOLDS)
    String withdrawHold(@PathVariable UUID holdId, @RequestParam(required = false) String reason,
                        @RequestParam(required = false) String back, RedirectAttributes redirect) {
        UUID person = legal.hold(holdId).person();
        return shown(redirect, back(back, person), "legal.hold.withdrawn", "hold-" + holdId, () -> {
            forms.require(new LegalController.ReasonRequest(trim(reason)));
            legal.withdrawHold(holdId, reason.strip());
        });
    }

    @PostMapping("/legal/orders/{orderId}/status")
    @PreAuthorize(LegalController.ENTERS)
    String changeOrderStatus(@PathVariable UUID orderId, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        UUID person = legal.order(orderId).person();
        return shown(redirect, tabOf(person), "legal.order.statusChanged", "order-" + orderId, () -> {
            var request = new LegalController.StatusRequest(choice(RecordStatus.class, status, "status"),
                    trim(reason));
            forms.require(request);
            legal.changeOrderStatus(orderId, request.status(), request.reason());
        });
    }

    @PostMapping("/legal/orders/{orderId}/quality-review")
    @PreAuthorize(LegalController.ENTERS)
    String reviewOrderQuality(@PathVariable UUID orderId, @RequestParam(required = false) String reason,
                              @RequestParam(required = false) String back, RedirectAttributes redirect) {
        UUID person = legal.order(orderId).person();
        return shown(redirect, back(back, person), "legal.order.qualityReviewed", "order-" + orderId, () -> {
            forms.require(new LegalController.ReasonRequest(trim(reason)));
            legal.reviewOrderQuality(orderId, reason.strip());
        });
    }

    @PostMapping("/people/{personId}/legal/reviews")
    @PreAuthorize(LegalController.ENTERS)
    String recordReview(@PathVariable UUID personId, @RequestParam(required = false) String country,
                        @RequestParam(required = false) String sourcesChecked,
                        @RequestParam(required = false) String conclusion, RedirectAttributes redirect) {
        PersonId id = new PersonId(personId);
        people.requireVisible(id);
        return shown(redirect, tabOf(personId), "legal.review.recorded", "review", () -> {
            forms.require(new LegalController.ReviewRequest(trim(country), trim(sourcesChecked), trim(conclusion)));
            legal.recordReview(id, country, sourcesChecked, conclusion);
        });
    }

    // ---- order entry: check, then save

    @GetMapping("/people/{personId}/legal/orders/new")
    @PreAuthorize(LegalController.ENTERS)
    String orderForm(@PathVariable UUID personId, Model model) {
        model.addAttribute("form", OrderForm.empty());
        return orderPage(personId, model);
    }

    /** The data-quality guard's finding for the order as typed (REQ-42); nothing is saved. */
    @PostMapping("/people/{personId}/legal/orders/check")
    @PreAuthorize(LegalController.ENTERS)
    String checkOrder(@PathVariable UUID personId, @ModelAttribute("form") OrderForm form, Model model,
                      HttpServletResponse response) {
        PersonId id = new PersonId(personId);
        people.requireVisible(id);
        try {
            model.addAttribute("finding", legal.checkOrder(form.toCommand(id, forms)));
            model.addAttribute("checked", true);
        } catch (HabeasException refused) {
            refusedOnPage(refused, model, response);
        }
        return orderPage(personId, model);
    }

    @PostMapping("/people/{personId}/legal/orders")
    @PreAuthorize(LegalController.ENTERS)
    String enterOrder(@PathVariable UUID personId, @ModelAttribute("form") OrderForm form, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        PersonId id = new PersonId(personId);
        people.requireVisible(id);
        try {
            OrderEntered entered = legal.enterOrder(form.toCommand(id, forms));
            redirect.addFlashAttribute("done", "legal.order.entered");
            redirect.addFlashAttribute("entered", entered.order().id());
            if (entered.personAlreadyRemoved()) {
                redirect.addFlashAttribute("alreadyRemoved", entered);
            }
            return "redirect:" + tabOf(personId);
        } catch (HabeasException refused) {
            refusedOnPage(refused, model, response);
            return orderPage(personId, model);
        }
    }

    private String orderPage(UUID personId, Model model) {
        var person = people.person(new PersonId(personId));
        model.addAttribute("person", person);
        model.addAttribute("types", OrderType.values());
        model.addAttribute("countries", countries());
        return "legal/order";
    }

    // ---- the removal vetting view

    /**
     * Every rule's answer for a removal of the person to {@code country} now, from the same engine call a removal
     * makes (CustodyService builds the request, VettingService judges it); writes nothing. Rules that do not judge a
     * removal are listed as not applicable.
     */
    @GetMapping("/people/{personId}/legal/removal")
    @PreAuthorize(DRY_RUNNERS)
    String removal(@PathVariable UUID personId, @RequestParam(required = false) String country,
                   @RequestParam(required = false) String basis, @RequestParam(required = false) String authority,
                   Model model, HttpServletResponse response) {
        PersonId id = new PersonId(personId);
        model.addAttribute("person", people.person(id));
        model.addAttribute("countries", countries());
        model.addAttribute("bases", REMOVAL_BASES);
        model.addAttribute("country", trim(country));
        model.addAttribute("basis", trim(basis));
        model.addAttribute("authority", trim(authority));
        if (country == null) {
            return "legal/removal";
        }
        try {
            String code = CountryCode.of(country, "country").value();
            if (!blank(basis) && !REMOVAL_BASES.contains(basis.strip())) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a removal basis: " + basis, "basis");
            }
            if (!blank(authority) && authority.strip().length() > 200) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "At most 200 characters", "authority");
            }
            Map<String, Object> particulars = blank(basis) ? Map.of() : Map.of(CustodyService.BASIS, basis.strip());
            VettingRequest request = custody.vettingRequestFor(new MoveCommand(id, MovementKind.REMOVED, null, null,
                    code, trim(authority), null, null, null, null, List.of(), particulars)).orElseThrow();
            Decision decision = vetting.dryRun(request);
            Map<String, RuleOutcome> byRule = new LinkedHashMap<>();
            decision.outcomes().forEach(o -> byRule.put(o.rule(), o));
            List<RuleLine> lines = new ArrayList<>();
            byRule.forEach((rule, outcome) -> lines.add(new RuleLine(rule, outcome)));
            vetting.ruleNames().stream().filter(r -> !byRule.containsKey(r)).sorted()
                    .forEach(r -> lines.add(new RuleLine(r, null)));
            model.addAttribute("decision", decision);
            model.addAttribute("lines", lines);
        } catch (HabeasException refused) {
            refusedOnPage(refused, model, response);
        }
        return "legal/removal";
    }

    // ---- lists

    @GetMapping("/legal")
    String legalHome() {
        return "redirect:/legal/holds";
    }

    @GetMapping("/legal/holds")
    String provisionalHolds(@AuthenticationPrincipal HabeasUser user, Model model) {
        model.addAttribute("holds", legal.provisionalHolds());
        model.addAttribute("times", new Times(ZoneOffset.UTC).byPerson(this::zoneOfPerson));
        model.addAttribute("decidesHolds", user.has(Role.LEGAL) || user.has(Role.SUPERVISOR));
        return "legal/holds";
    }

    @GetMapping("/legal/orders-to-review")
    String ordersToReview(@AuthenticationPrincipal HabeasUser user, Model model) {
        model.addAttribute("orders", legal.ordersToReview());
        model.addAttribute("times", new Times(ZoneOffset.UTC).byPerson(this::zoneOfPerson));
        model.addAttribute("enters", user.has(Role.LEGAL));
        return "legal/orders-to-review";
    }

    @GetMapping("/legal/injunctions")
    String injunctions(@AuthenticationPrincipal HabeasUser user, Model model) {
        model.addAttribute("form", InjunctionForm.empty());
        return injunctionsPage(user, model);
    }

    @PostMapping("/legal/injunctions")
    @PreAuthorize(LegalController.ENTERS)
    String enterInjunction(@ModelAttribute("form") InjunctionForm form, @AuthenticationPrincipal HabeasUser user,
                           Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var request = form.toRequest();
            forms.require(request);
            legal.enterInjunction(new NewInjunction(request.issuedBy(), request.caseNumber(), request.decidedOn(),
                    null, request.effectiveFrom(), request.expiresOn(), request.documentReference(),
                    request.summary(), request.nationalities(), request.removalBasis(), request.facilities(),
                    request.arrestedFrom(), request.arrestedTo()));
            redirect.addFlashAttribute("done", "legal.injunction.entered");
            return "redirect:/legal/injunctions";
        } catch (HabeasException refused) {
            refusedOnPage(refused, model, response);
            return injunctionsPage(user, model);
        }
    }

    private String injunctionsPage(HabeasUser user, Model model) {
        model.addAttribute("injunctions", legal.injunctions());
        model.addAttribute("enters", user.has(Role.LEGAL));
        model.addAttribute("countries", countries());
        model.addAttribute("bases", REMOVAL_BASES);
        model.addAttribute("times", new Times(ZoneOffset.UTC));
        return "legal/injunctions";
    }

    @GetMapping("/legal/policies")
    @PreAuthorize(POLICY_READERS)
    String policies(@AuthenticationPrincipal HabeasUser user, Model model) {
        return policiesPage(user, model);
    }

    /** A new version of a policy value; {@code effectiveFrom} is read in UTC, as policy is not of one facility. */
    @PostMapping("/legal/policies")
    @PreAuthorize("hasRole('ADMIN')")
    String setPolicy(@RequestParam(required = false) String name, @RequestParam(required = false) String value,
                     @RequestParam(required = false) String effectiveFrom,
                     @RequestParam(required = false) String citation, @AuthenticationPrincipal HabeasUser user,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var request = new LegalController.PolicyRequest(choice(Policy.Name.class, name, "name"), trim(value),
                    CustodyPageParts.instant(effectiveFrom, ZoneOffset.UTC, "effectiveFrom"), trim(citation));
            forms.require(request);
            legal.setPolicy(request.name(), request.value(), request.effectiveFrom(), request.citation());
            redirect.addFlashAttribute("done", "legal.policy.set.done");
            return "redirect:/legal/policies";
        } catch (HabeasException refused) {
            refusedOnPage(refused, model, response);
            model.addAttribute("tried", Map.of("name", name == null ? "" : name, "value", value == null ? "" : value,
                    "effectiveFrom", effectiveFrom == null ? "" : effectiveFrom,
                    "citation", citation == null ? "" : citation));
            return policiesPage(user, model);
        }
    }

    private String policiesPage(HabeasUser user, Model model) {
        model.addAttribute("policies", legal.policies());
        model.addAttribute("names", Policy.Name.values());
        model.addAttribute("edits", user.has(Role.ADMIN));
        model.addAttribute("times", new Times(ZoneOffset.UTC));
        return "legal/policies";
    }

    // ---- shared

    // Bad input shown on the form it came from, with the refusal's own status (400, 409 ...).
    private static void refusedOnPage(HabeasException refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("refused", Refusal.of(refused));
    }

    // Runs a command of a form that redirects: its refusal is shown on the page it returns to, beside the form.
    private static String shown(RedirectAttributes redirect, String to, String done, String form, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", done);
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", Refusal.of(refused));
            redirect.addFlashAttribute("refusedForm", form);
        }
        return "redirect:" + to;
    }

    private static String tabOf(UUID person) {
        return "/people/" + person + "/legal";
    }

    // Where a hold or order decision returns: the list it was made from, or the person's tab.
    private static String back(String back, UUID person) {
        return "holds".equals(back) ? "/legal/holds" : "review".equals(back) ? "/legal/orders-to-review"
                : tabOf(person);
    }

    private ZoneId zoneOf(String facility) {
        OverridePlaces known = places.getIfAvailable();
        return facility == null || known == null ? ZoneOffset.UTC : known.zone(facility).orElse(ZoneOffset.UTC);
    }

    private ZoneId zoneOfPerson(UUID person) {
        try {
            return zoneOf(custody.facilityHolding(new PersonId(person)).orElse(null));
        } catch (HabeasException outOfScope) {
            return ZoneOffset.UTC;
        }
    }

    /** Every ISO 3166-1 country, by its name in the reader's language. */
    static List<Country> countries() {
        Locale reader = LocaleContextHolder.getLocale();
        Collator collator = Collator.getInstance(reader);
        List<Country> all = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            all.add(new Country(code, new Locale("", code).getDisplayCountry(reader)));
        }
        all.sort((a, b) -> collator.compare(a.name(), b.name()));
        return all;
    }

    /**
     * Times as the page shows them: in the facility's zone (the person's, or each row's person's on a list), with
     * the zone named; UTC when no facility holds the person.
     */
    static final class Times {

        private final ZoneId zone;
        private Function<UUID, ZoneId> byPerson;
        private final Map<UUID, ZoneId> cache = new HashMap<>();

        Times(ZoneId zone) {
            this.zone = zone;
        }

        Times byPerson(Function<UUID, ZoneId> zones) {
            this.byPerson = zones;
            return this;
        }

        public String at(Instant instant) {
            return instant == null ? "" : LOCAL.format(instant.atZone(zone)) + " " + zone.getId();
        }

        public String at(UUID person, Instant instant) {
            if (instant == null) {
                return "";
            }
            ZoneId z = byPerson == null ? zone : cache.computeIfAbsent(person, byPerson);
            return LOCAL.format(instant.atZone(z)) + " " + z.getId();
        }
    }

    // ---- forms

    record HoldForm(String source, String issuedBy, String caseNumber, String summary, String documentReference) {
    }

    /** The order entry form, as typed; dates are ISO ({@code 2026-03-14}), as an HTML date input sends them. */
    record OrderForm(String type, String country, String issuedBy, String caseNumber, String decidedOn,
                     String effectiveFrom, String expiresOn, String documentReference, String text) {

        static OrderForm empty() {
            return new OrderForm(null, null, null, null, null, null, null, null, null);
        }

        NewOrder toCommand(PersonId person, FormValidation forms) {
            var request = new LegalController.OrderRequest(choice(OrderType.class, type, "type"), trim(issuedBy),
                    trim(caseNumber), date(decidedOn, "decidedOn"), null, trim(country),
                    date(effectiveFrom, "effectiveFrom"), date(expiresOn, "expiresOn"), trim(documentReference),
                    trim(text));
            forms.require(request);
            return request.toCommand(person.value());
        }
    }

    /** The class-wide injunction form; nationalities are chosen from the country list, facilities typed as codes. */
    record InjunctionForm(String issuedBy, String caseNumber, String decidedOn, String effectiveFrom,
                          String expiresOn, String documentReference, String summary, List<String> nationalities,
                          String removalBasis, String facilities, String arrestedFrom, String arrestedTo) {

        InjunctionForm {
            nationalities = nationalities == null ? List.of() : nationalities.stream().filter(n -> !blank(n))
                    .toList();
        }

        static InjunctionForm empty() {
            return new InjunctionForm(null, null, null, null, null, null, null, List.of(), null, null, null, null);
        }

        LegalController.InjunctionRequest toRequest() {
            List<String> codes = blank(facilities) ? List.of() : Arrays.stream(facilities.split("[,\\s]+"))
                    .filter(f -> !f.isBlank()).map(f -> f.strip().toUpperCase(Locale.ROOT)).toList();
            if (!blank(removalBasis) && !REMOVAL_BASES.contains(removalBasis.strip())) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a removal basis", "removalBasis");
            }
            return new LegalController.InjunctionRequest(trim(issuedBy), trim(caseNumber),
                    date(decidedOn, "decidedOn"), null, date(effectiveFrom, "effectiveFrom"),
                    date(expiresOn, "expiresOn"), trim(documentReference), trim(summary), nationalities,
                    trim(removalBasis), codes, date(arrestedFrom, "arrestedFrom"), date(arrestedTo, "arrestedTo"));
        }
    }

    private static LocalDate date(String text, String field) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a date: " + text, field);
        }
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
}

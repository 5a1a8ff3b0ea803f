package org.habeas.transfer.internal;

import static org.habeas.common.Text.blankToNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.common.ErrorCode;
import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.transfer.Agreement;
import org.habeas.transfer.AgreementService;
import org.habeas.transfer.AgreementStatement;
import org.habeas.transfer.InstrumentType;
import org.habeas.transfer.PriceModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agreements list, with those about to expire first and, for the director, the form that records one; and
 * each agreement's statement with its charts: people held per day against the cap, and the cost to date (REQ-46).
 * The same readers and the same writer as the API.
 */
@Controller
@RequestMapping("/agreements")
@PreAuthorize(AgreementController.READERS)
class AgreementPages {

    /** The charts' drawing height, in SVG units. */
    static final int CHART_HEIGHT = 100;

    private final AgreementService agreements;
    private final FormValidation forms;

    AgreementPages(AgreementService agreements, FormValidation forms) {
        this.agreements = agreements;
        this.forms = forms;
    }

    /** A refusal of the form: its code and the fields it names, shown above the form, which keeps what was typed. */
    record Refusal(String code, List<String> fields) {
    }

    /** One bar of a chart: its x position and width, and its height out of {@link #CHART_HEIGHT}. */
    record Bar(double x, double width, double height, String label) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal HabeasUser user, Model model) {
        model.addAttribute("agreements", agreements.agreements());
        model.addAttribute("expiring", agreements.expiring(null));
        model.addAttribute("today", agreements.today());
        model.addAttribute("instruments", InstrumentType.values());
        model.addAttribute("priceModels", PriceModel.values());
        model.addAttribute("mayRecord", user.has(Role.DIRECTOR));
        if (!model.containsAttribute("tried")) {
            model.addAttribute("tried", Map.of());
        }
        return "transfer/agreements";
    }

    /**
     * Records an agreement from the list page's form (the director's), validated as the API validates it; a refusal
     * comes back to the list with its code and fields and what was typed.
     */
    @PostMapping
    @PreAuthorize(AgreementController.MANAGES)
    String record(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            var request = new AgreementController.TermsRequest(text(form, "reference"), text(form, "title"),
                    upper(form, "sendingState"), text(form, "sendingAgency"), upper(form, "receivingState"),
                    text(form, "receivingAgency"), choice(InstrumentType.class, form, "instrument"),
                    form.containsKey("binding"), date(form, "termStart"), date(form, "termEnd"),
                    choice(PriceModel.class, form, "priceModel"), amount(form, "priceAmount"),
                    upper(form, "currency"), whole(form, "capacityCap"), categories(form.get("acceptedCategories")),
                    text(form, "standards"), new AgreementController.AccessRequest(form.containsKey("accessCounsel"),
                    form.containsKey("accessConsular"), form.containsKey("accessFamily"),
                    form.containsKey("accessInspection")), text(form, "reportingDuties"),
                    text(form, "returnClause"), whole(form, "alertDays"));
            forms.require(request);
            Agreement recorded = agreements.record(request.toTerms());
            redirect.addFlashAttribute("done", "transfer.agreement.recorded");
            return "redirect:/agreements/" + recorded.id();
        } catch (HabeasException refused) {
            List<String> fields = refused.properties().get("fields") instanceof List<?> named
                    ? named.stream().map(Object::toString).toList() : List.of();
            redirect.addFlashAttribute("refused", new Refusal(refused.code().name(), fields));
            redirect.addFlashAttribute("tried", form);
            return "redirect:/agreements";
        }
    }

    @GetMapping("/{id}")
    String statement(@PathVariable UUID id,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     Model model) {
        AgreementStatement s = agreements.statement(id, from, to);
        model.addAttribute("agreement", agreements.agreement(id));
        model.addAttribute("s", s);
        long top = Math.max(1, Math.max(s.capacityCap() == null ? 0 : s.capacityCap(),
                s.days().stream().mapToLong(AgreementStatement.Day::held).max().orElse(0)));
        BigDecimal topCost = s.days().stream().map(AgreementStatement.Day::costToDate).max(BigDecimal::compareTo)
                .filter(c -> c.signum() > 0).orElse(BigDecimal.ONE);
        double width = 1000.0 / Math.max(1, s.days().size());
        List<AgreementStatement.Day> days = s.days();
        model.addAttribute("heldBars", java.util.stream.IntStream.range(0, days.size()).mapToObj(i -> new Bar(
                i * width, width * 0.9, CHART_HEIGHT * (double) days.get(i).held() / top,
                days.get(i).day() + ": " + days.get(i).held())).toList());
        model.addAttribute("capY", s.capacityCap() == null ? null
                : CHART_HEIGHT - CHART_HEIGHT * (double) s.capacityCap() / top);
        model.addAttribute("costBars", java.util.stream.IntStream.range(0, days.size()).mapToObj(i -> new Bar(
                i * width, width * 0.9, days.get(i).costToDate().multiply(BigDecimal.valueOf(CHART_HEIGHT))
                .divide(topCost, 2, RoundingMode.HALF_UP).doubleValue(),
                days.get(i).day() + ": " + days.get(i).costToDate())).toList());
        model.addAttribute("chartHeight", CHART_HEIGHT);
        return "transfer/statement";
    }

    private static String text(Map<String, String> form, String field) {
        return blankToNull(form.get(field));
    }

    private static String upper(Map<String, String> form, String field) {
        String value = text(form, field);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> form, String field) {
        return parsed(form, field, value -> Enum.valueOf(type, value));
    }

    private static LocalDate date(Map<String, String> form, String field) {
        return parsed(form, field, LocalDate::parse);
    }

    private static BigDecimal amount(Map<String, String> form, String field) {
        return parsed(form, field, BigDecimal::new);
    }

    private static Integer whole(Map<String, String> form, String field) {
        return parsed(form, field, Integer::valueOf);
    }

    // The field's value read by parse, null when left empty; a value it cannot read names the field.
    private static <T> T parsed(Map<String, String> form, String field, Function<String, T> parse) {
        String value = text(form, field);
        try {
            return value == null ? null : parse.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(field);
        }
    }

    // One category per line or comma, as the agreement names them (ALLEGED_CRIMINAL ...).
    private static List<String> categories(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\n]")).map(String::strip)
                .filter(c -> !c.isEmpty()).map(c -> c.toUpperCase(Locale.ROOT)).toList();
    }

    private static InvalidRequest invalid(String field) {
        return new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a valid value", field);
    }

    /** The statement's CSV, for the page's download link (the API answers the same with Accept: text/csv). */
    @GetMapping(path = "/{id}/statement.csv")
    @ResponseBody
    ResponseEntity<String> csv(@PathVariable UUID id,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AgreementStatement s = agreements.statement(id, from, to);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"statement-%s-%s-%s.csv\""
                        .formatted(Csv.safeName(s.reference()), s.from(), s.to()))
                .body(Csv.statement(s));
    }
}

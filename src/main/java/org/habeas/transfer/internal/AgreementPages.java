package org.habeas.transfer.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.habeas.transfer.AgreementService;
import org.habeas.transfer.AgreementStatement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The agreements list, with those about to expire first, and each agreement's statement with its charts: people
 * held per day against the cap, and the cost to date (REQ-46). The same readers as the API.
 */
@Controller
@RequestMapping("/agreements")
@PreAuthorize(AgreementController.READERS)
class AgreementPages {

    /** The charts' drawing height, in SVG units. */
    static final int CHART_HEIGHT = 100;

    private final AgreementService agreements;

    AgreementPages(AgreementService agreements) {
        this.agreements = agreements;
    }

    /** One bar of a chart: its x position and width, and its height out of {@link #CHART_HEIGHT}. */
    record Bar(double x, double width, double height, String label) {
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("agreements", agreements.agreements());
        model.addAttribute("expiring", agreements.expiring(null));
        model.addAttribute("today", agreements.today());
        return "transfer/agreements";
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

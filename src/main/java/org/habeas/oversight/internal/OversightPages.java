package org.habeas.oversight.internal;

import static org.habeas.common.Text.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.habeas.custody.DailyPopulation;
import org.habeas.estate.EstateService;
import org.habeas.oversight.CapacityForecast;
import org.habeas.oversight.EstateOverview;
import org.habeas.oversight.Forecast;
import org.habeas.oversight.Incidents;
import org.habeas.oversight.PopulationStatistics;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The oversight pages: the estate at a glance, the safeguards overdue, population over time with its chart and CSV,
 * and the capacity forecast with its chart and method. Directors and inspectors; facility scope applies.
 */
@Controller
@PreAuthorize(OversightController.READERS)
class OversightPages {

    private final EstateOverview overview;
    private final PopulationStatistics statistics;
    private final CapacityForecast forecasts;
    private final Incidents incidents;
    private final EstateService estate;
    private final FormValidation validation;

    OversightPages(EstateOverview overview, PopulationStatistics statistics, CapacityForecast forecasts,
                   Incidents incidents, EstateService estate, FormValidation validation) {
        this.overview = overview;
        this.estate = estate;
        this.statistics = statistics;
        this.forecasts = forecasts;
        this.incidents = incidents;
        this.validation = validation;
    }

    @GetMapping("/oversight")
    String estate(Model model) {
        model.addAttribute("estate", overview.view());
        return "oversight/estate";
    }

    @GetMapping("/oversight/safeguards")
    String safeguards(@RequestParam(required = false) String facility, Model model) {
        model.addAttribute("safeguards", overview.safeguards(blankToNull(facility)));
        model.addAttribute("facility", blankToNull(facility));
        return "oversight/safeguards";
    }

    /**
     * Records an incident's report to an independent authority from the safeguards list (REQ-13); validated as the
     * API validates it, and a refusal comes back to the list, named.
     */
    @PostMapping("/oversight/incidents/{id}/report")
    @PreAuthorize(OversightController.REPORTERS)
    String report(@PathVariable UUID id, @RequestParam(required = false) String authority,
                  @RequestParam(required = false) String reference,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
                  @RequestParam(required = false) String facility, RedirectAttributes redirect) {
        try {
            var request = new OversightController.ReportRequest(blankToNull(authority), blankToNull(reference),
                    reportedOn);
            validation.require(request);
            incidents.report(id, request.authority().strip(), request.reference().strip(), request.reportedOn());
            redirect.addFlashAttribute("done", "oversight.report.done");
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
        }
        return facility == null || facility.isBlank() ? "redirect:/oversight/safeguards"
                : "redirect:/oversight/safeguards?facility=" + facility;
    }

    @GetMapping("/oversight/statistics")
    String statistics(@RequestParam(required = false) String facility,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) String by, Model model) {
        PopulationStatistics.Report report = statistics.population(blankToNull(facility), from, to, blankToNull(by));
        model.addAttribute("report", report);
        model.addAttribute("facilities", estate.facilities());
        model.addAttribute("chart", populationChart(report));
        model.addAttribute("totals", totals(report));
        return "oversight/statistics";
    }

    /** The same figures as CSV, for the page's download link (the API answers it with Accept: text/csv). */
    @GetMapping("/oversight/statistics.csv")
    @ResponseBody
    ResponseEntity<String> statisticsCsv(@RequestParam(required = false) String facility,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                         LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                         LocalDate to,
                                         @RequestParam(required = false) String by) {
        PopulationStatistics.Report report = statistics.population(blankToNull(facility), from, to, blankToNull(by));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"population-%s-%s-%s.csv\"".formatted(
                        report.facility() == null ? "estate" : report.facility(), report.from(), report.to()))
                .body(StatisticsCsv.of(report));
    }

    @GetMapping("/oversight/forecast")
    String forecast(@RequestParam(required = false) String facility, @RequestParam(required = false) Integer window,
                    @RequestParam(name = "intake", required = false) List<String> intakes, Model model) {
        List<String> given = intakes == null ? List.of() : intakes.stream().filter(i -> !i.isBlank()).toList();
        Forecast forecast = forecasts.forecast(blankToNull(facility), window, OversightController.intakes(given));
        model.addAttribute("forecast", forecast);
        model.addAttribute("intakes", String.join(" ", given));
        model.addAttribute("facilities", estate.facilities());
        List<String> months = forecast.months().stream().map(m -> m.month().toString()).toList();
        model.addAttribute("chart", LineChart.of(months, List.of(
                new LineChart.Series("oversight.forecast.projected", "chart-projected",
                        forecast.months().stream().map(Forecast.Month::projected).toList()),
                new LineChart.Series("oversight.operational", "chart-operational",
                        forecast.months().stream().map(Forecast.Month::operational).toList()),
                new LineChart.Series("oversight.icrc", "chart-icrc",
                        forecast.months().stream().map(Forecast.Month::icrcPlaces).toList()))));
        return "oversight/forecast";
    }

    // One line per category (the total when not split), one point per day.
    private static LineChart populationChart(PopulationStatistics.Report report) {
        Map<String, List<Long>> byCategory = new LinkedHashMap<>();
        List<String> days = new ArrayList<>();
        for (DailyPopulation d : report.rows()) {
            if (days.isEmpty() || !days.get(days.size() - 1).equals(d.day().toString())) {
                days.add(d.day().toString());
            }
            byCategory.computeIfAbsent(d.category(), c -> new ArrayList<>()).add(d.population());
        }
        List<LineChart.Series> series = new ArrayList<>();
        int i = 0;
        for (var e : byCategory.entrySet()) {
            series.add(new LineChart.Series(e.getKey(), "chart-series-" + (i++ % 6), e.getValue()));
        }
        return LineChart.of(days, series);
    }

    /** The range's movements per category, for the table under the chart. */
    record Totals(String category, long first, long last, long arrivals, long departures, long deaths,
                  long escapes) {
    }

    private static List<Totals> totals(PopulationStatistics.Report report) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (DailyPopulation d : report.rows()) {
            long[] s = sums.computeIfAbsent(d.category(), c -> new long[] {d.population(), 0, 0, 0, 0, 0});
            s[1] = d.population();
            s[2] += d.arrivals();
            s[3] += d.departures();
            s[4] += d.deaths();
            s[5] += d.escapes();
        }
        List<Totals> totals = new ArrayList<>();
        sums.forEach((c, s) -> totals.add(new Totals(c, s[0], s[1], s[2], s[3], s[4], s[5])));
        return totals;
    }
}

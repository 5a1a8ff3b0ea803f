package org.habeas.oversight.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.estate.Expansion;
import org.habeas.estate.Facility;
import org.habeas.estate.Figures;
import org.habeas.estate.PlannedCapacity;
import org.habeas.oversight.CapacityForecast;
import org.habeas.oversight.EstateOverview;
import org.habeas.oversight.EstateView;
import org.habeas.oversight.Forecast;
import org.habeas.oversight.Incident;
import org.habeas.oversight.Incidents;
import org.habeas.oversight.PopulationStatistics;
import org.habeas.oversight.Safeguards;
import org.habeas.people.PersonId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The oversight API: the estate view, the safeguards overdue, population statistics (JSON, or CSV with
 * {@code Accept: text/csv}), the capacity forecast, and incidents with their reports (REQ-03, REQ-13, REQ-19,
 * REQ-26 to REQ-29). Directors and inspectors read; facility scope applies to all of it.
 */
@RestController
class OversightController {

    static final String READERS = "hasAnyRole('DIRECTOR','INSPECTOR')";
    static final String INCIDENT_READERS = "hasAnyRole('DIRECTOR','INSPECTOR','SUPERVISOR')";
    static final String INJURY_RECORDERS = "hasAnyRole('HOUSING','SUPERVISOR','DIRECTOR')";
    static final String REPORTERS = "hasAnyRole('SUPERVISOR','DIRECTOR')";

    private final EstateOverview overview;
    private final PopulationStatistics statistics;
    private final CapacityForecast forecasts;
    private final Incidents incidents;

    OversightController(EstateOverview overview, PopulationStatistics statistics, CapacityForecast forecasts,
                        Incidents incidents) {
        this.overview = overview;
        this.statistics = statistics;
        this.forecasts = forecasts;
        this.incidents = incidents;
    }

    // ---- the estate view

    /** Capacity, population and rates of one level, as the estate view and its total show them. */
    record FiguresView(int cells, long certifiedNormal, long operational, long maximum, BigDecimal floorAreaM2,
                       long icrcPlaces, long cptPlaces, int cellsWithoutArea, boolean declaredExceedsIcrc,
                       boolean declaredExceedsCpt, long population, BigDecimal rateToCertifiedNormal,
                       BigDecimal rateToOperational, BigDecimal rateToMaximum, BigDecimal rateToIcrc,
                       BigDecimal rateToCpt, boolean crowded, long inCrowdedCells, BigDecimal squareMetresPerPerson) {

        static FiguresView of(Figures f) {
            return new FiguresView(f.cells(), f.certifiedNormal(), f.operational(), f.maximum(), f.floorAreaM2(),
                    f.icrcPlaces(), f.cptPlaces(), f.cellsWithoutArea(), f.declaredExceedsIcrc(),
                    f.declaredExceedsCpt(), f.population(), f.rateToCertifiedNormal(), f.occupancyRate(),
                    f.rateToMaximum(), f.rateToIcrc(), f.rateToCpt(), f.crowded(), f.inCrowdedCells(),
                    f.squareMetresPerPerson());
        }
    }

    record PlannedView(int places, BigDecimal floorAreaM2, Long icrcPlaces, Long cptPlaces) {

        static PlannedView of(PlannedCapacity p) {
            return p == null ? null : new PlannedView(p.places(), p.floorAreaM2(), p.icrcPlaces(), p.cptPlaces());
        }
    }

    record ExpansionView(UUID id, String name, LocalDate plannedOn, String status, LocalDate openedOn) {

        static ExpansionView of(Expansion e) {
            return new ExpansionView(e.id().value(), e.name(), e.plannedOn(), e.status().name(), e.openedOn());
        }
    }

    record FacilityLine(String code, String name, String type, String status, LocalDate openedOn, String country,
                        FiguresView figures, PlannedView planned, List<ExpansionView> expansions, String link) {
    }

    record EstateResponse(Instant at, FiguresView openTotal, List<FacilityLine> facilities) {

        static EstateResponse of(EstateView v) {
            return new EstateResponse(v.at(), FiguresView.of(v.openTotal()), v.facilities().stream().map(f -> {
                Facility fa = f.facility();
                return new FacilityLine(fa.code(), fa.name(), fa.type().name(), fa.status().name(), fa.openedOn(),
                        fa.country(), FiguresView.of(f.figures()), PlannedView.of(f.planned()),
                        f.expansions().stream().map(ExpansionView::of).toList(), "/estate/" + fa.code());
            }).toList());
        }
    }

    @GetMapping("/api/estate")
    @PreAuthorize(READERS)
    EstateResponse estate() {
        return EstateResponse.of(overview.view());
    }

    @GetMapping("/api/estate/safeguards")
    @PreAuthorize(READERS)
    SafeguardsResponse safeguards(@RequestParam(required = false) String facility) {
        return SafeguardsResponse.of(overview.safeguards(facility));
    }

    // ---- statistics

    @GetMapping(path = "/api/statistics/population", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    PopulationStatistics.Report population(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String facility, @RequestParam(required = false) String by) {
        return statistics.population(facility, from, to, by);
    }

    /** The same figures as CSV: one row per day and category, the header naming every column. */
    @GetMapping(path = "/api/statistics/population", produces = "text/csv")
    @PreAuthorize(READERS)
    ResponseEntity<String> populationCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String facility, @RequestParam(required = false) String by) {
        PopulationStatistics.Report report = statistics.population(facility, from, to, by);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"population-%s-%s-%s.csv\"".formatted(
                        facility == null ? "estate" : facility, report.from(), report.to()))
                .body(StatisticsCsv.of(report));
    }

    // ---- the forecast

    @GetMapping("/api/estate/forecast")
    @PreAuthorize(READERS)
    Forecast forecast(@RequestParam(required = false) String facility,
                      @RequestParam(required = false) Integer window,
                      @RequestParam(name = "intake", required = false) List<String> intakes) {
        return forecasts.forecast(facility, window, intakes(intakes));
    }

    /** Planned intakes as {@code YYYY-MM:people}, e.g. {@code intake=2027-03:238}. */
    static List<Forecast.Intake> intakes(List<String> given) {
        List<Forecast.Intake> intakes = new ArrayList<>();
        for (String text : given == null ? List.<String>of() : given) {
            String[] parts = text.strip().split(":");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                int people = Integer.parseInt(parts[1].strip());
                if (people < 1 || people > 1_000_000) {
                    throw new NumberFormatException();
                }
                intakes.add(new Forecast.Intake(YearMonth.parse(parts[0].strip()), people));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new InvalidRequest(ErrorCode.FORECAST_INPUT_INVALID, "intake '" + text
                        + "' is not a month and a number of people (1 to 1000000) such as 2027-03:238", "intake");
            }
        }
        return intakes;
    }

    // ---- incidents (REQ-13)

    record InjuryRequest(@NotNull UUID personId, @NotNull Instant occurredAt,
                         @NotBlank @Size(max = 2000) String description) {
    }

    record ReportRequest(@NotBlank @Size(max = 300) String authority, @NotBlank @Size(max = 200) String reference,
                         @NotNull LocalDate reportedOn) {
    }

    record IncidentResponse(UUID id, String kind, UUID person, String facility, Instant occurredAt,
                            Incident.Report report, String description) {

        static IncidentResponse of(Incident i, String description) {
            return new IncidentResponse(i.id(), i.kind().name(), i.person(), i.facility(), i.occurredAt(), i.report(),
                    description);
        }
    }

    @PostMapping("/api/incidents/serious-injuries")
    @PreAuthorize(INJURY_RECORDERS)
    ResponseEntity<IncidentResponse> recordInjury(@Valid @RequestBody InjuryRequest request) {
        Incident recorded = incidents.recordSeriousInjury(new PersonId(request.personId()), request.occurredAt(),
                request.description().strip());
        return ResponseEntity.created(URI.create("/api/incidents/" + recorded.id()))
                .body(IncidentResponse.of(recorded, null));
    }

    @PostMapping("/api/incidents/{id}/report")
    @PreAuthorize(REPORTERS)
    IncidentResponse report(@PathVariable UUID id, @Valid @RequestBody ReportRequest request) {
        return IncidentResponse.of(incidents.report(id, request.authority().strip(), request.reference().strip(),
                request.reportedOn()), null);
    }

    @GetMapping("/api/incidents")
    @PreAuthorize(INCIDENT_READERS)
    List<IncidentResponse> incidents(@RequestParam(required = false) String facility,
                                     @RequestParam(defaultValue = "false") boolean unreported) {
        return incidents.incidents(facility, unreported).stream().map(i -> IncidentResponse.of(i, null)).toList();
    }

    /** One incident; a serious injury's description only for a reader with the MEDICAL permission (journaled). */
    @GetMapping("/api/incidents/{id}")
    @PreAuthorize(INCIDENT_READERS)
    IncidentResponse incident(@PathVariable UUID id) {
        Incident incident = incidents.incident(id);
        return IncidentResponse.of(incident, incidents.description(incident).orElse(null));
    }
}

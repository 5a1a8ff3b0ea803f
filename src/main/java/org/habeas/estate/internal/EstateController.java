package org.habeas.estate.internal;

import static org.habeas.common.Text.blankToNull;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.habeas.audit.JournalEntry;
import org.habeas.common.ErrorCode;
import org.habeas.common.NotFound;
import org.habeas.common.Idempotency;
import org.habeas.common.InvalidRequest;
import org.habeas.estate.AttributeChange;
import org.habeas.estate.CapacityChange;
import org.habeas.estate.EstateService;
import org.habeas.estate.ExpansionId;
import org.habeas.estate.ExpansionStatus;
import org.habeas.estate.FacilityContact;
import org.habeas.estate.FacilityFigures;
import org.habeas.estate.FacilityStatus;
import org.habeas.estate.FacilityType;
import org.habeas.estate.InactiveReason;
import org.habeas.estate.Layout;
import org.habeas.estate.LocationHistory;
import org.habeas.estate.LocationId;
import org.habeas.estate.LocationStatus;
import org.habeas.estate.NewCapacityOverride;
import org.habeas.estate.NewExpansion;
import org.habeas.estate.NewFacility;
import org.habeas.estate.OccupancyReport;
import org.habeas.estate.PlannedCapacity;
import org.habeas.estate.SeparationChange;
import org.habeas.estate.SeparationPolicy;
import org.habeas.estate.StatusChange;
import org.habeas.estate.TimelinePoint;
import org.habeas.estate.internal.EstateResponses.ExpansionResponse;
import org.habeas.estate.internal.EstateResponses.FacilityResponse;
import org.habeas.estate.internal.EstateResponses.FiguresResponse;
import org.habeas.estate.internal.EstateResponses.LevelResponse;
import org.habeas.estate.internal.EstateResponses.LocationResponse;
import org.habeas.estate.internal.EstateResponses.OverrideResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The estate API. Reads: every signed-in role but AGENCY (a sending agency sees its own people, not the estate),
 * within facility scope. Capacity, capacity overrides and expansion projects: DIRECTOR only. Other writes
 * (register a facility, import a layout, edit or take a location out of use): DIRECTOR or ADMIN.
 */
@RestController
@RequestMapping("/api/facilities")
@PreAuthorize(EstateController.READERS)
class EstateController {

    static final String READERS =
            "hasAnyRole('ADMIN','INTAKE','HOUSING','LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')";
    static final String BUILDERS = "hasAnyRole('DIRECTOR','ADMIN')";
    static final String DIRECTOR = "hasRole('DIRECTOR')";
    static final int MAX_REASON = JournalEntry.MAX_REASON;

    private final EstateService estate;
    private final Idempotency idempotency;

    EstateController(EstateService estate, Idempotency idempotency) {
        this.estate = estate;
        this.idempotency = idempotency;
    }

    /** What the public locator tells enquirers about the facility (REQ-16). */
    record ContactRequest(@NotBlank @Size(max = 500) String address, @Size(max = 50) String telephone,
                          @Email @Size(max = 300) String email, @Size(max = 500) String visitingHours) {
    }

    record CreateFacilityRequest(@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String code,
                                 @NotBlank @Size(max = 200) String name,
                                 @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
                                 @Size(max = 200) String region, @Size(max = 200) String municipality,
                                 @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 6)
                                 BigDecimal latitude,
                                 @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6)
                                 BigDecimal longitude,
                                 @NotBlank @Size(max = 64) String timeZone, @NotNull FacilityType type,
                                 @NotBlank @Size(max = 300) String responsibleAuthority,
                                 @NotBlank @Size(max = 300) String inspectionAuthority,
                                 LocalDate openedOn, FacilityStatus status) {

        @AssertTrue(message = "give both coordinates or neither")
        boolean isCoordinates() {
            return (latitude == null) == (longitude == null);
        }

        NewFacility toCommand() {
            ZoneId zone;
            try {
                zone = ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                        "timeZone must be an IANA time zone such as America/El_Salvador", "timeZone");
            }
            return new NewFacility(code, name, country, region, municipality, latitude, longitude, zone, type,
                    responsibleAuthority, inspectionAuthority, openedOn,
                    status == null ? FacilityStatus.OPEN : status);
        }
    }

    record CapacityRequest(@Min(0) @Max(100_000) Integer certifiedNormal, @Min(0) @Max(100_000) Integer operational,
                           @Min(0) @Max(100_000) Integer maximum, @NotBlank @Size(max = MAX_REASON) String reason,
                           Long expectedVersion) {

        @AssertTrue(message = "name at least one capacity figure")
        boolean isSomeFigure() {
            return certifiedNormal != null || operational != null || maximum != null;
        }

        CapacityChange toCommand() {
            return new CapacityChange(certifiedNormal, operational, maximum, reason, expectedVersion);
        }
    }

    record AttributesRequest(@Size(min = 1, max = 200) String name,
                             @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000")
                             @Digits(integer = 7, fraction = 2) BigDecimal floorAreaM2,
                             Boolean sanitaryAnnexPartitioned,
                             @DecimalMin(value = "0", inclusive = false) @DecimalMax("100")
                             @Digits(integer = 3, fraction = 2) BigDecimal ceilingHeightM,
                             @DecimalMin(value = "0", inclusive = false) @DecimalMax("100")
                             @Digits(integer = 3, fraction = 2) BigDecimal minWallDistanceM,
                             Boolean naturalLight, Boolean ventilation,
                             @NotBlank @Size(max = MAX_REASON) String reason, Long expectedVersion) {

        AttributeChange toCommand() {
            return new AttributeChange(name, floorAreaM2, sanitaryAnnexPartitioned, ceilingHeightM,
                    minWallDistanceM, naturalLight, ventilation, reason, expectedVersion);
        }
    }

    record SeparationRequest(SeparationPolicy.Sex sex, SeparationPolicy.AgeGroup ageGroup,
                             SeparationPolicy.Detention detention,
                             @NotBlank @Size(max = MAX_REASON) String reason, Long expectedVersion) {

        SeparationChange toCommand() {
            return new SeparationChange(new SeparationPolicy(sex, ageGroup, detention), reason, expectedVersion);
        }
    }

    record StatusRequest(@NotNull LocationStatus status, InactiveReason inactiveReason,
                         @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    record OverrideRequest(@NotNull @Min(1) @Max(100_000) Integer capacity,
                           @NotBlank @Size(max = MAX_REASON) String reason,
                           @Size(max = 200) String decisionReference, @NotNull Instant expiresAt) {
    }

    record ExpansionRequest(@NotBlank @Size(max = 200) String name, @NotNull LocalDate plannedOn,
                            @Size(max = MAX_REASON) String reason) {
    }

    record ExpansionStatusRequest(@NotNull ExpansionStatus status, @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    record OccupancyResponse(String facilityCode, Instant at, FiguresResponse total, List<LevelResponse> levels) {
    }

    record TimelineResponse(LocalDate date, String expansion, FiguresResponse figures) {
    }

    // ---- facilities

    @GetMapping
    List<FacilityResponse> facilities() {
        return estate.facilities().stream().map(f -> FacilityResponse.of(f.facility(), f.figures())).toList();
    }

    @PostMapping
    @PreAuthorize(BUILDERS)
    ResponseEntity<FacilityResponse> create(@Valid @RequestBody CreateFacilityRequest request,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/facilities", request, FacilityResponse.class, () -> {
            var created = estate.createFacility(request.toCommand());
            return ResponseEntity.created(URI.create("/api/facilities/" + created.code()))
                    .body(FacilityResponse.of(created, null));
        });
    }

    @GetMapping("/{code}")
    FacilityResponse facility(@PathVariable String code) {
        FacilityFigures f = estate.facility(code);
        return FacilityResponse.of(f.facility(), f.figures());
    }

    /** The facility's public contact; 404 FACILITY_CONTACT_NOT_FOUND until the director has set it. */
    @GetMapping("/{code}/contact")
    FacilityContact contact(@PathVariable String code) {
        return estate.contact(code).orElseThrow(() -> new NotFound(ErrorCode.FACILITY_CONTACT_NOT_FOUND,
                "Facility " + code + " has no public contact yet"));
    }

    @PutMapping("/{code}/contact")
    @PreAuthorize(BUILDERS)
    FacilityContact recordContact(@PathVariable String code, @Valid @RequestBody ContactRequest request) {
        return estate.recordContact(code, request.address().strip(), blankToNull(request.telephone()),
                blankToNull(request.email()), blankToNull(request.visitingHours()));
    }

    record PlannedCapacityRequest(@NotNull @Min(1) @Max(1_000_000) Integer places,
                                  @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2)
                                  BigDecimal floorAreaM2) {
    }

    /** A planned capacity with the area-based places its floor area allows. */
    record PlannedCapacityResponse(String facility, int places, BigDecimal floorAreaM2, Long icrcPlaces,
                                   Long cptPlaces, Instant updatedAt, String updatedBy) {

        static PlannedCapacityResponse of(PlannedCapacity p) {
            return new PlannedCapacityResponse(p.facilityCode(), p.places(), p.floorAreaM2(), p.icrcPlaces(),
                    p.cptPlaces(), p.updatedAt(), p.updatedBy());
        }
    }

    /** What a planned facility will hold; 404 FACILITY_NOT_PLANNED until it is recorded. */
    @GetMapping("/{code}/planned-capacity")
    PlannedCapacityResponse plannedCapacity(@PathVariable String code) {
        return PlannedCapacityResponse.of(estate.plannedCapacity(code).orElseThrow(() -> new NotFound(
                ErrorCode.FACILITY_NOT_PLANNED, "Facility " + code + " has no planned capacity recorded")));
    }

    @PutMapping("/{code}/planned-capacity")
    @PreAuthorize(BUILDERS)
    PlannedCapacityResponse recordPlannedCapacity(@PathVariable String code,
                                                  @Valid @RequestBody PlannedCapacityRequest request) {
        return PlannedCapacityResponse.of(estate.recordPlannedCapacity(code, request.places(),
                request.floorAreaM2()));
    }

    // ---- locations

    @GetMapping("/{code}/locations")
    List<LocationResponse> locations(@PathVariable String code) {
        return estate.locations(code).stream().map(LocationResponse::of).toList();
    }

    /** Imports a whole layout (docs/estate-layout.md); 201 when something was created, 200 when nothing changed. */
    @PostMapping("/{code}/locations")
    @PreAuthorize(BUILDERS)
    ResponseEntity<Layout.Imported> importLayout(@PathVariable String code, @RequestBody Layout layout) {
        var imported = estate.importLayout(code, layout, null);
        return ResponseEntity.status(imported.created() > 0 ? 201 : 200).body(imported);
    }

    @GetMapping("/{code}/locations/{id}")
    LocationResponse location(@PathVariable String code, @PathVariable UUID id) {
        return LocationResponse.of(estate.location(code, new LocationId(id)));
    }

    @PatchMapping("/{code}/locations/{id}")
    @PreAuthorize(BUILDERS)
    LocationResponse changeAttributes(@PathVariable String code, @PathVariable UUID id,
                                      @Valid @RequestBody AttributesRequest request) {
        return LocationResponse.of(estate.changeAttributes(code, new LocationId(id), request.toCommand()));
    }

    /** Whom the location and everything below it is for (REQ-20); the whole designation is replaced. */
    @PutMapping("/{code}/locations/{id}/separation")
    @PreAuthorize(DIRECTOR)
    LocationResponse changeSeparation(@PathVariable String code, @PathVariable UUID id,
                                      @Valid @RequestBody SeparationRequest request) {
        return LocationResponse.of(estate.changeSeparation(code, new LocationId(id), request.toCommand()));
    }

    @PutMapping("/{code}/locations/{id}/capacity")
    @PreAuthorize(DIRECTOR)
    LocationResponse changeCapacity(@PathVariable String code, @PathVariable UUID id,
                                    @Valid @RequestBody CapacityRequest request) {
        return LocationResponse.of(estate.changeCapacity(code, new LocationId(id), request.toCommand()));
    }

    @PutMapping("/{code}/locations/{id}/status")
    @PreAuthorize(BUILDERS)
    LocationResponse changeStatus(@PathVariable String code, @PathVariable UUID id,
                                  @Valid @RequestBody StatusRequest request) {
        return LocationResponse.of(estate.changeStatus(code, new LocationId(id),
                new StatusChange(request.status(), request.inactiveReason(), request.reason())));
    }

    @GetMapping("/{code}/locations/{id}/history")
    List<LocationHistory> history(@PathVariable String code, @PathVariable UUID id) {
        return estate.history(code, new LocationId(id));
    }

    @GetMapping("/{code}/locations/{id}/overrides")
    List<OverrideResponse> overrides(@PathVariable String code, @PathVariable UUID id) {
        return estate.overrides(code, new LocationId(id)).stream().map(OverrideResponse::of).toList();
    }

    @PostMapping("/{code}/locations/{id}/overrides")
    @PreAuthorize(DIRECTOR)
    ResponseEntity<OverrideResponse> recordOverride(@PathVariable String code, @PathVariable UUID id,
                                                    @Valid @RequestBody OverrideRequest request,
                                                    @RequestHeader(name = Idempotency.HEADER, required = false)
                                                    String key) {
        String route = "POST /api/facilities/%s/locations/%s/overrides".formatted(code, id);
        return idempotency.run(key, route, request, OverrideResponse.class, () -> {
            var recorded = estate.recordOverride(code, new LocationId(id), new NewCapacityOverride(
                    request.capacity(), request.reason(), request.decisionReference(), request.expiresAt()));
            return ResponseEntity.created(URI.create("/api/facilities/%s/locations/%s/overrides/%s"
                    .formatted(code, id, recorded.id()))).body(OverrideResponse.of(recorded));
        });
    }

    // ---- figures

    @GetMapping("/{code}/occupancy")
    OccupancyResponse occupancy(@PathVariable String code) {
        OccupancyReport report = estate.occupancy(code);
        return new OccupancyResponse(report.facility().code(), report.at(), FiguresResponse.of(report.total()),
                report.levels().stream().map(LevelResponse::of).toList());
    }

    @GetMapping("/{code}/capacity")
    TimelineResponse capacity(@PathVariable String code,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return new TimelineResponse(asOf, null, FiguresResponse.of(estate.capacityAsOf(code, asOf)));
    }

    @GetMapping("/{code}/capacity/timeline")
    List<TimelineResponse> timeline(@PathVariable String code) {
        return estate.timeline(code).stream().map(EstateController::point).toList();
    }

    // ---- expansions

    @GetMapping("/{code}/expansions")
    List<ExpansionResponse> expansions(@PathVariable String code) {
        return estate.expansions(code).stream().map(ExpansionResponse::of).toList();
    }

    @PostMapping("/{code}/expansions")
    @PreAuthorize(DIRECTOR)
    ResponseEntity<ExpansionResponse> createExpansion(@PathVariable String code,
                                                      @Valid @RequestBody ExpansionRequest request,
                                                      @RequestHeader(name = Idempotency.HEADER, required = false)
                                                      String key) {
        return idempotency.run(key, "POST /api/facilities/" + code + "/expansions", request,
                ExpansionResponse.class, () -> {
                    var created = estate.createExpansion(code,
                            new NewExpansion(request.name(), request.plannedOn(), request.reason()));
                    return ResponseEntity.created(URI.create("/api/facilities/%s/expansions/%s"
                            .formatted(code, created.id()))).body(ExpansionResponse.of(created));
                });
    }

    @GetMapping("/{code}/expansions/{id}")
    ExpansionResponse expansion(@PathVariable String code, @PathVariable UUID id) {
        return ExpansionResponse.of(estate.expansion(code, new ExpansionId(id)));
    }

    @PostMapping("/{code}/expansions/{id}/locations")
    @PreAuthorize(BUILDERS)
    ResponseEntity<Layout.Imported> importExpansionLayout(@PathVariable String code, @PathVariable UUID id,
                                                          @RequestBody Layout layout) {
        var imported = estate.importLayout(code, layout, new ExpansionId(id));
        return ResponseEntity.status(imported.created() > 0 ? 201 : 200).body(imported);
    }

    @PutMapping("/{code}/expansions/{id}/status")
    @PreAuthorize(DIRECTOR)
    ExpansionResponse changeExpansionStatus(@PathVariable String code, @PathVariable UUID id,
                                            @Valid @RequestBody ExpansionStatusRequest request) {
        return ExpansionResponse.of(estate.changeExpansionStatus(code, new ExpansionId(id), request.status(),
                request.reason()));
    }

    private static TimelineResponse point(TimelinePoint p) {
        return new TimelineResponse(p.date(), p.expansion(), FiguresResponse.of(p.figures()));
    }
}

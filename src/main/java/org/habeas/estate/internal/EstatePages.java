package org.habeas.estate.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.habeas.common.ErrorCode;
import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.estate.CapacityChange;
import org.habeas.estate.EstateService;
import org.habeas.estate.FacilityStatus;
import org.habeas.estate.Figures;
import org.habeas.estate.InactiveReason;
import org.habeas.estate.LevelFigures;
import org.habeas.estate.Location;
import org.habeas.estate.LocationId;
import org.habeas.estate.LocationStatus;
import org.habeas.estate.OccupancyReport;
import org.habeas.estate.SeparationPolicy;
import org.habeas.estate.StatusChange;
import org.habeas.estate.TimelinePoint;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The estate pages: the overview of every facility, a facility's cells as a grid coloured by occupancy with its
 * capacity timeline, and a location's capacity, attributes and history with the forms to change them. The same
 * service and the same roles as {@link EstateController}.
 */
@Controller
@RequestMapping("/estate")
@PreAuthorize(EstateController.READERS)
class EstatePages {

    private final EstateService estate;
    private final FormValidation forms;

    EstatePages(EstateService estate, FormValidation forms) {
        this.estate = estate;
        this.forms = forms;
    }

    /** One module (or top-level place) and the places under it, for the grid. */
    record ModuleGrid(LevelFigures module, List<Place> places) {

        /** The message keys of whom the module is designated for (REQ-20); empty when it is open to anyone. */
        public List<String> designationKeys() {
            return DesignationShown.keys(module.location().separation());
        }
    }

    /** A place in the grid with its colour band ({@code estate-band-*} in habeas.css). */
    record Place(LevelFigures level, String band) {

        public String key() {
            String path = level.location().relativePath();
            return path.substring(path.indexOf('-') + 1);
        }
    }

    /** A designation that bears on the place shown: the message keys of what it sets, and where it is set. */
    record DesignationShown(List<String> keys, String pathKey) {

        static DesignationShown of(SeparationPolicy.Designation d) {
            return new DesignationShown(keys(d.policy()), d.pathKey());
        }

        static List<String> keys(SeparationPolicy p) {
            List<String> keys = new ArrayList<>();
            if (p.sex() != null) {
                keys.add("estate.separation.sex." + p.sex());
            }
            if (p.ageGroup() != null) {
                keys.add("estate.separation.ageGroup." + p.ageGroup());
            }
            if (p.detention() != null) {
                keys.add("estate.separation.detention." + p.detention());
            }
            return keys;
        }
    }

    /** One timeline point as bar widths (percent of the largest figure on the chart). */
    record Bar(TimelinePoint point, int declared, int icrc, int cpt) {
    }

    @GetMapping
    String overview(Model model) {
        var facilities = estate.facilities();
        model.addAttribute("facilities", facilities);
        long largest = facilities.stream().mapToLong(f -> Math.max(f.figures().maximum(), f.figures().population()))
                .max().orElse(0);
        model.addAttribute("largest", largest);
        return "estate/overview";
    }

    @GetMapping("/{code}")
    String facility(@PathVariable String code, Model model) {
        OccupancyReport report = estate.occupancy(code);
        model.addAttribute("report", report);
        model.addAttribute("facility", report.facility());
        model.addAttribute("grid", grid(report.levels()));
        model.addAttribute("bars", bars(estate.timeline(code)));
        model.addAttribute("expansions", estate.expansions(code));
        if (report.facility().status() == FacilityStatus.PLANNED) {
            model.addAttribute("planned", estate.plannedCapacity(code).orElse(null));
        }
        return "estate/facility";
    }

    /** What a planned facility will hold before its cells are laid out (REQ-47), for the forecast. */
    @PostMapping("/{code}/planned-capacity")
    @PreAuthorize(EstateController.BUILDERS)
    String recordPlannedCapacity(@PathVariable String code, @RequestParam(required = false) Integer places,
                                 @RequestParam(required = false) BigDecimal floorAreaM2, RedirectAttributes redirect) {
        try {
            var request = new EstateController.PlannedCapacityRequest(places, floorAreaM2);
            forms.require(request);
            estate.recordPlannedCapacity(code, request.places(), request.floorAreaM2());
            redirect.addFlashAttribute("done", "estate.planned.saved");
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
        }
        return "redirect:/estate/" + code;
    }

    @GetMapping("/{code}/locations/{id}")
    String location(@PathVariable String code, @PathVariable UUID id, Model model) {
        var location = estate.location(code, new LocationId(id));
        model.addAttribute("facility", estate.facility(code).facility());
        model.addAttribute("location", location);
        model.addAttribute("figures", estate.occupancy(code).levels().stream()
                .filter(l -> l.location().id().equals(location.id())).map(LevelFigures::figures).findFirst()
                .orElse(Figures.NONE));
        model.addAttribute("history", estate.history(code, location.id()));
        model.addAttribute("overrides", estate.overrides(code, location.id()));
        model.addAttribute("reasons", InactiveReason.values());
        model.addAttribute("designations", estate.designations(List.of(location.id()))
                .getOrDefault(location.id(), List.of()).stream().map(DesignationShown::of).toList());
        model.addAttribute("sexes", SeparationPolicy.Sex.values());
        model.addAttribute("ageGroups", SeparationPolicy.AgeGroup.values());
        model.addAttribute("detentions", SeparationPolicy.Detention.values());
        return "estate/location";
    }

    @PostMapping("/{code}/locations/{id}/separation")
    @PreAuthorize(EstateController.DIRECTOR)
    String changeSeparation(@PathVariable String code, @PathVariable UUID id,
                            @RequestParam(required = false) SeparationPolicy.Sex sex,
                            @RequestParam(required = false) SeparationPolicy.AgeGroup ageGroup,
                            @RequestParam(required = false) SeparationPolicy.Detention detention,
                            @RequestParam String reason, @RequestParam(required = false) Long expectedVersion,
                            RedirectAttributes redirect) {
        return refusalsShown(code, id, redirect, "estate.separation.saved", () -> {
            var request = new EstateController.SeparationRequest(sex, ageGroup, detention,
                    reason == null ? null : reason.trim(), expectedVersion);
            forms.require(request);
            return estate.changeSeparation(code, new LocationId(id), request.toCommand());
        });
    }

    @PostMapping("/{code}/locations/{id}/capacity")
    @PreAuthorize(EstateController.DIRECTOR)
    String changeCapacity(@PathVariable String code, @PathVariable UUID id,
                          @RequestParam(required = false) Integer certifiedNormal,
                          @RequestParam(required = false) Integer operational,
                          @RequestParam(required = false) Integer maximum, @RequestParam String reason,
                          @RequestParam(required = false) Long expectedVersion, RedirectAttributes redirect) {
        return refusalsShown(code, id, redirect, "estate.capacity.saved", () -> estate.changeCapacity(code,
                new LocationId(id), new CapacityChange(certifiedNormal, operational, maximum, required(reason),
                        expectedVersion)));
    }

    @PostMapping("/{code}/locations/{id}/attributes")
    @PreAuthorize(EstateController.BUILDERS)
    String changeAttributes(@PathVariable String code, @PathVariable UUID id,
                            @RequestParam(required = false) String name,
                            @RequestParam(required = false) BigDecimal floorAreaM2,
                            @RequestParam(required = false) BigDecimal ceilingHeightM,
                            @RequestParam(required = false) Boolean sanitaryAnnexPartitioned,
                            @RequestParam(required = false) Boolean naturalLight,
                            @RequestParam(required = false) Boolean ventilation, @RequestParam String reason,
                            @RequestParam(required = false) Long expectedVersion, RedirectAttributes redirect) {
        return refusalsShown(code, id, redirect, "estate.attributes.saved", () -> {
            // The API's own request and bean validation, so the page cannot store what the API would refuse.
            var request = new EstateController.AttributesRequest(name == null || name.isBlank() ? null : name.trim(),
                    floorAreaM2, sanitaryAnnexPartitioned, ceilingHeightM, null, naturalLight, ventilation,
                    reason == null ? null : reason.trim(), expectedVersion);
            forms.require(request);
            return estate.changeAttributes(code, new LocationId(id), request.toCommand());
        });
    }

    @PostMapping("/{code}/locations/{id}/status")
    @PreAuthorize(EstateController.BUILDERS)
    String changeStatus(@PathVariable String code, @PathVariable UUID id, @RequestParam LocationStatus status,
                        @RequestParam(required = false) InactiveReason inactiveReason, @RequestParam String reason,
                        RedirectAttributes redirect) {
        return refusalsShown(code, id, redirect, "estate.status.saved", () -> estate.changeStatus(code,
                new LocationId(id), new StatusChange(status, status == LocationStatus.INACTIVE ? inactiveReason
                        : null, required(reason))));
    }

    // A page that cannot be shown (out of scope, unknown place) is the shared error page with the right status.
    @ExceptionHandler(HabeasException.class)
    String refused(HabeasException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        return "web/error";
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > EstateController.MAX_REASON) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "A reason is required", "reason");
        }
        return reason.trim();
    }

    // A refusal is shown on the page it came from, in the officer's language.
    private static String refusalsShown(String code, UUID id, RedirectAttributes redirect, String done,
                                        java.util.function.Supplier<Location> command) {
        try {
            command.get();
            redirect.addFlashAttribute("done", done);
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
        }
        return "redirect:/estate/" + code + "/locations/" + id;
    }

    private static List<ModuleGrid> grid(List<LevelFigures> levels) {
        Map<String, ModuleGrid> modules = new LinkedHashMap<>();
        for (LevelFigures level : levels) {
            String path = level.location().relativePath();
            String top = path.contains("-") ? path.substring(0, path.indexOf('-')) : path;
            if (level.location().depth() == 0) {
                modules.put(top, new ModuleGrid(level, new ArrayList<>()));
            } else if (level.location().kind().holdsPeople() && modules.containsKey(top)) {
                modules.get(top).places().add(new Place(level, band(level)));
            }
        }
        return List.copyOf(modules.values());
    }

    private static List<Bar> bars(List<TimelinePoint> points) {
        long largest = points.stream().mapToLong(p -> Math.max(p.figures().maximum(),
                Math.max(p.figures().icrcPlaces(), p.figures().cptPlaces()))).max().orElse(0);
        return points.stream().map(p -> new Bar(p, percent(p.figures().maximum(), largest),
                percent(p.figures().icrcPlaces(), largest), percent(p.figures().cptPlaces(), largest))).toList();
    }

    static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.min(100, Math.round(part * 100.0 / whole));
    }

    /** The colour band of a place by its occupancy rate, for the grid. */
    static String band(LevelFigures level) {
        Location l = level.location();
        if (l.status() != LocationStatus.ACTIVE) {
            return "estate-band-off";
        }
        BigDecimal rate = level.figures().occupancyRate();
        if (rate == null || rate.signum() == 0) {
            return "estate-band-empty";
        }
        int r = rate.intValue();
        return r > 100 ? "estate-band-over" : r >= 100 ? "estate-band-full" : r >= 80 ? "estate-band-high"
                : "estate-band-low";
    }
}

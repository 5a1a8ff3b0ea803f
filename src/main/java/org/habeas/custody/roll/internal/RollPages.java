package org.habeas.custody.roll.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.habeas.common.HabeasException;
import org.habeas.custody.CustodyPageParts;
import org.habeas.custody.roll.FacilityRoll;
import org.habeas.custody.roll.RollCall;
import org.habeas.custody.roll.RollLevel;
import org.habeas.custody.placement.SeparationBreaches;
import org.habeas.estate.EstateService;
import org.habeas.estate.Facility;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The roll pages: which facilities the officer may call the roll of, and a facility's roll now (refreshed by htmx
 * every 30 s) or at any past instant picked in the facility's local time, recomputed from the ledger; totals, one
 * row per module and a bar chart of each module's population against its capacity; and the cells that hold people
 * who should not be there by separation (REQ-20).
 */
@Controller
@PreAuthorize(CustodyPageParts.READERS)
class RollPages {

    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final RollCall rollCall;
    private final EstateService estate;
    private final SeparationBreaches breaches;

    RollPages(RollCall rollCall, EstateService estate, SeparationBreaches breaches) {
        this.rollCall = rollCall;
        this.estate = estate;
        this.breaches = breaches;
    }

    /**
     * One module as a bar: people in its cells and its operational capacity, each as a percentage of the widest
     * figure on the chart; {@code band} colours it like the estate grid ({@code custody-band-*} in habeas.css).
     */
    record ModuleBar(RollLevel level, int held, int operational, String band) {
    }

    @GetMapping("/roll")
    String facilities(Model model) {
        model.addAttribute("facilities", estate.facilities());
        return "custody/rolls";
    }

    @GetMapping("/facilities/{code}/roll")
    String roll(@PathVariable String code, @RequestParam(required = false) String at, Model model,
                HttpServletResponse response) {
        response.setHeader("Vary", "HX-Request");
        fill(code, at, model);
        model.addAttribute("breaches", breaches.in(code));   // as they are now, whatever instant the roll shows
        return "custody/roll";
    }

    @GetMapping(path = "/facilities/{code}/roll", headers = "HX-Request=true")
    String figures(@PathVariable String code, @RequestParam(required = false) String at, Model model,
                   HttpServletResponse response) {
        response.setHeader("Vary", "HX-Request");
        fill(code, at, model);
        return "custody/roll :: figures";
    }

    private void fill(String code, String at, Model model) {
        Facility facility = estate.facility(code).facility();
        Instant instant = null;
        try {
            instant = CustodyPageParts.instant(at, facility.timeZone(), "at");
        } catch (HabeasException refused) {
            model.addAttribute("refused", CustodyPageParts.Refusal.of(refused));
        }
        FacilityRoll roll = instant == null ? rollCall.now(code) : rollCall.at(code, instant);
        model.addAttribute("facility", facility);
        model.addAttribute("roll", roll);
        model.addAttribute("past", roll.fromLedger());
        model.addAttribute("localAt", facility.localTime(roll.at()));
        model.addAttribute("pickerValue", facility.localTime(roll.at()).format(PICKER));
        model.addAttribute("bars", bars(roll.levels()));
    }

    // A facility out of scope or not there: the error page with the refusal's status.
    @ExceptionHandler
    String refused(HabeasException refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("status", refused.status().value());
        return "web/error";
    }

    static List<ModuleBar> bars(List<RollLevel> levels) {
        int widest = levels.stream().mapToInt(l -> Math.max(l.inCells(), l.operationalCapacity())).max().orElse(0);
        return levels.stream().map(l -> new ModuleBar(l, percent(l.inCells(), widest),
                percent(l.operationalCapacity(), widest), band(l))).toList();
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.min(100, Math.round(part * 100.0 / whole));
    }

    private static String band(RollLevel level) {
        if (level.inCells() == 0) {
            return "custody-band-empty";
        }
        if (level.inCells() > level.operationalCapacity()) {
            return "custody-band-over";
        }
        return level.aboveCertifiedNormal() > 0 ? "custody-band-crowded" : "custody-band-ok";
    }
}

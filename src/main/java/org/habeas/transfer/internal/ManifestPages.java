package org.habeas.transfer.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.common.HabeasException;
import org.habeas.transfer.Handover;
import org.habeas.transfer.ManifestDirection;
import org.habeas.transfer.ManifestService;
import org.habeas.transfer.ManifestStatus;
import org.habeas.transfer.ManifestVersion;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Manifest review and arrival check-in: each version with its lines' vetting status and reasons and what changed
 * from the version before; a builder promotes an alternate (a new version, vetted again); a supervisor who did not
 * build the latest version approves or refuses it; boarding against the approved version; an intake officer ticks
 * off the arrivals and reconciles them; a housing officer records each handover of an outbound manifest with its
 * non-refoulement assessment. The same readers and roles as the API.
 */
@Controller
@RequestMapping("/manifests")
@PreAuthorize(ManifestController.READERS)
class ManifestPages {

    private final ManifestService manifests;

    ManifestPages(ManifestService manifests) {
        this.manifests = manifests;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("manifests", manifests.manifests());
        return "transfer/manifests";
    }

    @GetMapping("/{id}")
    String review(@PathVariable UUID id, @AuthenticationPrincipal HabeasUser user, Model model) {
        var manifest = manifests.manifest(id);
        List<ManifestVersion> versions = manifests.versions(id);
        ManifestVersion latest = versions.get(versions.size() - 1);
        model.addAttribute("manifest", manifest);
        List<ManifestVersion> newestFirst = new java.util.ArrayList<>(versions);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("versions", newestFirst);
        model.addAttribute("latest", latest);
        model.addAttribute("mayApprove", user.has(Role.SUPERVISOR) && !latest.approved()
                && !latest.refused()
                && !latest.builtBy().equals(user.username()) && manifest.status().name().equals("OPEN"));
        model.addAttribute("mayCheckIn", user.has(Role.INTAKE) && latest.approved()
                && manifest.direction() == ManifestDirection.INBOUND && manifest.status() != ManifestStatus.ARRIVED);
        boolean open = manifest.status() == ManifestStatus.OPEN;
        model.addAttribute("mayPromote", (user.has(Role.AGENCY) || user.has(Role.INTAKE)) && open
                && !latest.alternates().isEmpty());
        model.addAttribute("mayDispatch", (user.has(Role.AGENCY) || user.has(Role.INTAKE) || user.has(Role.HOUSING))
                && open && latest.approved());
        model.addAttribute("handedOver", manifests.handedOverRefs(id));
        model.addAttribute("mayHandOver", user.has(Role.HOUSING) && manifest.direction() == ManifestDirection.OUTBOUND
                && manifest.status() == ManifestStatus.DISPATCHED);
        return "transfer/manifest";
    }

    @PostMapping("/{id}/versions/{version}/approve")
    @PreAuthorize(ManifestController.APPROVERS)
    String approve(@PathVariable UUID id, @PathVariable int version, RedirectAttributes redirect) {
        return shown(id, redirect, "transfer.manifest.approved", () -> manifests.approve(id, version));
    }

    @PostMapping("/{id}/versions/{version}/refuse")
    @PreAuthorize(ManifestController.APPROVERS)
    String refuse(@PathVariable UUID id, @PathVariable int version, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        if (reason.isBlank() || reason.length() > 2000) {
            redirect.addFlashAttribute("refused", "VALIDATION_FAILED");
            return "redirect:/manifests/" + id;
        }
        return shown(id, redirect, "transfer.manifest.refusedDone", () -> manifests.refuse(id, version, reason));
    }

    /** An alternate moves up, in place of a line when one is named: a new version, vetted, to be approved again. */
    @PostMapping("/{id}/versions/{version}/promote")
    @PreAuthorize(ManifestController.BUILDERS)
    String promote(@PathVariable UUID id, @PathVariable int version, @RequestParam String alternate,
                   @RequestParam(defaultValue = "") String replacing, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes redirect) {
        if (reason.isBlank() || reason.length() > 2000) {
            redirect.addFlashAttribute("refused", "VALIDATION_FAILED");
            return "redirect:/manifests/" + id;
        }
        return shown(id, redirect, "transfer.manifest.promoted", () -> manifests.promote(id, version, alternate,
                replacing.isBlank() ? null : replacing, reason.strip()));
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize(ManifestController.BOARDERS)
    String dispatch(@PathVariable UUID id, @RequestParam int version,
                    @RequestParam(name = "boarded", required = false) List<String> boarded,
                    RedirectAttributes redirect) {
        if (boarded == null || boarded.isEmpty()) {
            redirect.addFlashAttribute("refused", "VALIDATION_FAILED");
            return "redirect:/manifests/" + id;
        }
        return shown(id, redirect, "transfer.manifest.dispatched", () -> manifests.dispatch(id, version, boarded));
    }

    /** The handover to the foreign authority, every field of it and the non-refoulement assessment required. */
    @PostMapping("/{id}/handovers")
    @PreAuthorize(ManifestController.HANDS_OVER)
    String handOver(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        List<String> fields = List.of("ref", "receivingOfficial", "place", "at", "receiptReference",
                "persecutionRisk", "tortureRisk", "disappearanceRisk", "facilityConditions", "assessedBy");
        if (fields.stream().anyMatch(f -> form.getOrDefault(f, "").isBlank() || form.get(f).length() > 4000)) {
            redirect.addFlashAttribute("refused", "VALIDATION_FAILED");
            return "redirect:/manifests/" + id;
        }
        Instant at;
        try {
            at = LocalDateTime.parse(form.get("at")).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("refused", "VALIDATION_FAILED");
            return "redirect:/manifests/" + id;
        }
        var handover = new Handover(form.get("ref"), form.get("receivingOfficial").strip(), form.get("place").strip(),
                at, form.get("receiptReference").strip(), new Handover.Assessment(form.get("persecutionRisk").strip(),
                form.get("tortureRisk").strip(), form.get("disappearanceRisk").strip(),
                form.get("facilityConditions").strip(), form.get("assessedBy").strip()));
        return shown(id, redirect, "transfer.manifest.handedOver", () -> manifests.handOver(id, handover));
    }

    @PostMapping("/{id}/arrivals")
    @PreAuthorize(ManifestController.CHECKS_IN)
    String checkIn(@PathVariable UUID id, @RequestParam int version,
                   @RequestParam(name = "arrived", required = false) List<String> arrived,
                   RedirectAttributes redirect) {
        return shown(id, redirect, "transfer.manifest.checkedIn", () -> redirect.addFlashAttribute("reconciliation",
                manifests.checkIn(id, version, arrived == null ? List.of() : arrived)));
    }

    // A refusal is shown on the manifest with its code, as the API would answer it.
    private static String shown(UUID id, RedirectAttributes redirect, String done, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", done);
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
            redirect.addFlashAttribute("refusedReasons", refused.reasons());
        }
        return "redirect:/manifests/" + id;
    }
}

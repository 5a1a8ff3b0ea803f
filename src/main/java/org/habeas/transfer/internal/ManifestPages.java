package org.habeas.transfer.internal;

import java.util.List;
import java.util.UUID;

import org.habeas.access.HabeasUser;
import org.habeas.common.HabeasException;
import org.habeas.transfer.ManifestService;
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
 * from the version before; a supervisor who did not build the latest version approves it; an intake officer ticks
 * off the arrivals against the approved version and reconciles them. The same readers and roles as the API.
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
        model.addAttribute("mayApprove", user.has(org.habeas.access.Role.SUPERVISOR) && !latest.approved()
                && !latest.refused()
                && !latest.builtBy().equals(user.username()) && manifest.status().name().equals("OPEN"));
        model.addAttribute("mayCheckIn", user.has(org.habeas.access.Role.INTAKE) && latest.approved()
                && manifest.direction().name().equals("INBOUND") && !manifest.status().name().equals("ARRIVED"));
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

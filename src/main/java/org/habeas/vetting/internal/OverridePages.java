package org.habeas.vetting.internal;

import java.util.UUID;

import org.habeas.access.HabeasUser;
import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.vetting.OverrideStatus;
import org.habeas.vetting.VettingService;
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

/** The supervisor's override queue: pending requests with the denial each would lift; approve or refuse. */
@Controller
@RequestMapping("/overrides")
@PreAuthorize("hasAnyRole('SUPERVISOR','LEGAL','INSPECTOR','DIRECTOR','ADMIN')")
class OverridePages {

    private static final String QUEUE = "redirect:/overrides";

    private final VettingService vetting;
    private final FormValidation forms;

    OverridePages(VettingService vetting, FormValidation forms) {
        this.vetting = vetting;
        this.forms = forms;
    }

    @GetMapping
    String queue(@RequestParam(required = false) OverrideStatus status, Model model) {
        OverrideStatus shown = status == null ? OverrideStatus.PENDING : status;
        model.addAttribute("status", shown);
        model.addAttribute("statuses", OverrideStatus.values());
        model.addAttribute("overrides", vetting.overrides(shown, 200));
        return "vetting/overrides";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAnyRole('SUPERVISOR','LEGAL')")
    String approve(@PathVariable UUID id, @RequestParam String reason, @AuthenticationPrincipal HabeasUser user,
                   RedirectAttributes redirect) {
        return validReason(reason, redirect)
                ? shown(redirect, "overrides.approved", () -> vetting.approve(id, reason, user)) : QUEUE;
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize("hasAnyRole('SUPERVISOR','LEGAL')")
    String refuse(@PathVariable UUID id, @RequestParam String reason, @AuthenticationPrincipal HabeasUser user,
                  RedirectAttributes redirect) {
        return validReason(reason, redirect)
                ? shown(redirect, "overrides.refused", () -> vetting.refuse(id, reason, user)) : QUEUE;
    }

    // A reason the API would refuse (empty, or over 1,000 characters), checked by the API's own validation before
    // anything is decided, is shown on the queue in the officer's language instead of reaching the database.
    private boolean validReason(String reason, RedirectAttributes redirect) {
        try {
            forms.require(new OverrideController.DecisionRequest(reason));
            return true;
        } catch (InvalidRequest invalid) {
            redirect.addFlashAttribute("invalidReason", true);
            return false;
        }
    }

    // A refusal (own request, wrong role, expired) is shown on the queue in the officer's language.
    private static String shown(RedirectAttributes redirect, String done, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", done);
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
        }
        return QUEUE;
    }
}

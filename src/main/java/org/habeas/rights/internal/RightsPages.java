package org.habeas.rights.internal;

import java.time.ZoneId;
import java.util.UUID;

import org.habeas.common.HabeasException;
import org.habeas.estate.EstateService;
import org.habeas.rights.EventOutbox;
import org.habeas.rights.NewAttempt;
import org.habeas.rights.NotificationAttempt;
import org.habeas.rights.NotificationTask;
import org.habeas.rights.RightsService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification task lists of a facility (due, overdue, done) with one-click recording of an attempt, and the
 * administrators' page of the outbox's incomplete publications. The same services as the API.
 */
@Controller
class RightsPages {

    private final RightsService rights;
    private final EventOutbox outbox;
    private final EstateService estate;

    RightsPages(RightsService rights, EventOutbox outbox, EstateService estate) {
        this.rights = rights;
        this.outbox = outbox;
        this.estate = estate;
    }

    @GetMapping("/facilities/{code}/notifications")
    @PreAuthorize(NotificationController.READERS)
    String tasks(@PathVariable String code, @RequestParam(defaultValue = "OVERDUE") NotificationTask.State state,
                 Model model) {
        ZoneId zone = estate.facilityOnly(code).timeZone();
        model.addAttribute("facility", code);
        model.addAttribute("zone", zone);
        model.addAttribute("state", state);
        model.addAttribute("states", NotificationTask.State.values());
        model.addAttribute("methods", NotificationAttempt.Method.values());
        model.addAttribute("tasks", rights.tasks(code, state));
        return "rights/notifications";
    }

    /** Every facility in the reader's scope with duties past their deadline: the inspector's report (REQ-30). */
    @GetMapping("/notifications/overdue")
    @PreAuthorize(NotificationController.READERS)
    String overdue(Model model) {
        model.addAttribute("facilities", rights.overdue());
        return "rights/overdue";
    }

    // A refusal (a task closed meanwhile) is shown on the list, not as an error page.
    @PostMapping("/facilities/{code}/notifications/{taskId}/attempts")
    @PreAuthorize(NotificationController.RECORDERS)
    String recordAttempt(@PathVariable String code, @PathVariable UUID taskId,
                         @RequestParam NotificationAttempt.Method method, @RequestParam boolean delivered,
                         @RequestParam(defaultValue = "OVERDUE") NotificationTask.State state,
                         RedirectAttributes redirect) {
        try {
            rights.recordAttempt(new NewAttempt(taskId, null, method, delivered, null));
            redirect.addFlashAttribute("done", delivered ? "rights.attempt.delivered" : "rights.attempt.recorded");
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
        }
        return "redirect:/facilities/" + code + "/notifications?state=" + state;
    }

    @GetMapping("/admin/events")
    @PreAuthorize("hasRole('ADMIN')")
    String events(Model model) {
        model.addAttribute("publications", outbox.incomplete());
        return "rights/events";
    }

    @PostMapping("/admin/events/{publicationId}/resubmit")
    @PreAuthorize("hasRole('ADMIN')")
    String resubmit(@PathVariable UUID publicationId, RedirectAttributes redirect) {
        try {
            outbox.resubmit(publicationId);
            redirect.addFlashAttribute("done", "rights.events.resubmitted");
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
        }
        return "redirect:/admin/events";
    }
}

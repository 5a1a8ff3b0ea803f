package org.habeas.rights.internal;

import static org.habeas.common.Text.blankToNull;

import java.util.UUID;

import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.common.HabeasException;
import org.habeas.people.PersonId;
import org.habeas.rights.ConsularCommunication;
import org.habeas.rights.ConsularNotification;
import org.habeas.rights.ConsularService;
import org.habeas.rights.NewConsularNotification;
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
 * The person's consular tab (REQ-32 to REQ-34): nationalities and how each was determined, when the person was told
 * of consular rights and whether they asked for notification, the countries that must be notified regardless, the
 * notifications (a held one awaits review: the person holds or claims protection against that country) and the
 * visits, calls and objections. The same services and roles as the API; a refusal comes back to the tab, named.
 */
@Controller
@RequestMapping("/people/{person}/consular")
class ConsularPages {

    private final ConsularService consular;

    ConsularPages(ConsularService consular) {
        this.consular = consular;
    }

    @GetMapping
    @PreAuthorize(ConsularController.READERS)
    String tab(@PathVariable UUID person, @AuthenticationPrincipal HabeasUser user, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("record", consular.record(new PersonId(person)));
        model.addAttribute("methods", ConsularNotification.Method.values());
        model.addAttribute("kinds", ConsularCommunication.Kind.values());
        model.addAttribute("mayRecord", user.has(Role.INTAKE) || user.has(Role.LEGAL));
        model.addAttribute("mayReview", user.has(Role.LEGAL) || user.has(Role.SUPERVISOR));
        return "rights/consular";
    }

    @PostMapping("/rights-told")
    @PreAuthorize(ConsularController.RECORDERS)
    String rightsTold(@PathVariable UUID person, @RequestParam(required = false) String language,
                      RedirectAttributes redirect) {
        return run(person, redirect, "rights.consular.done.rightsTold",
                () -> consular.recordRightsTold(new PersonId(person), null, blankToNull(language)));
    }

    @PostMapping("/request")
    @PreAuthorize(ConsularController.RECORDERS)
    String request(@PathVariable UUID person, @RequestParam boolean requested, RedirectAttributes redirect) {
        return run(person, redirect, "rights.consular.done.request",
                () -> consular.recordRequest(new PersonId(person), requested));
    }

    @PostMapping("/notifications")
    @PreAuthorize(ConsularController.RECORDERS)
    String notify(@PathVariable UUID person, @RequestParam String country, @RequestParam String post,
                  @RequestParam ConsularNotification.Method method, RedirectAttributes redirect) {
        return run(person, redirect, "rights.consular.done.notification", () -> consular.notify(
                new NewConsularNotification(new PersonId(person), country.strip(), blankToNull(post), method, null)));
    }

    @PostMapping("/communications")
    @PreAuthorize(ConsularController.RECORDERS)
    String communication(@PathVariable UUID person, @RequestParam ConsularCommunication.Kind kind,
                         @RequestParam String country, @RequestParam(required = false) String post,
                         @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return run(person, redirect, "rights.consular.done.communication", () -> consular.recordCommunication(
                new PersonId(person), kind, country.strip(), blankToNull(post), null, blankToNull(note)));
    }

    @PostMapping("/notifications/{notification}/review")
    @PreAuthorize(ConsularController.REVIEWERS)
    String review(@PathVariable UUID person, @PathVariable UUID notification, @RequestParam boolean send,
                  @RequestParam String reason, RedirectAttributes redirect) {
        return run(person, redirect, send ? "rights.consular.done.sent" : "rights.consular.done.withdrawn",
                () -> consular.review(notification, send, blankToNull(reason)));
    }

    private static String run(UUID person, RedirectAttributes redirect, String done, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", done);
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
        }
        return "redirect:/people/" + person + "/consular";
    }
}

package org.habeas.legal.internal;

import java.util.UUID;


import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.habeas.legal.DetentionAuthorities;
import org.habeas.legal.DetentionAuthority;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Detention authorities on pages (REQ-02): the list of held people whose detention has no valid authority or is
 * past its review date, and a person's documents with the form that records a new one. Same service, roles and
 * request validation as {@link ReturnCaseController}; refusals are shown on the page in the officer's language.
 * Dates are the facility's own.
 */
@Controller
@PreAuthorize(ReturnCaseController.READERS)
class DetentionAuthorityPages {

    private final DetentionAuthorities authorities;
    private final PeopleService people;
    private final FormValidation forms;

    DetentionAuthorityPages(DetentionAuthorities authorities, PeopleService people, FormValidation forms) {
        this.authorities = authorities;
        this.people = people;
        this.forms = forms;
    }

    @GetMapping("/legal/authorities-due")
    @PreAuthorize(ReturnCaseController.DUE_READERS)
    String due(Model model) {
        model.addAttribute("due", authorities.due());
        return "legal/authorities-due";
    }

    @GetMapping("/people/{personId}/authorities")
    String person(@PathVariable UUID personId, @AuthenticationPrincipal HabeasUser user, Model model) {
        PersonId id = new PersonId(personId);
        var record = authorities.of(id);
        model.addAttribute("person", people.person(id));
        model.addAttribute("record", record);
        model.addAttribute("types", DetentionAuthority.Type.values());
        model.addAttribute("mayEnter", user.has(Role.LEGAL) && record.standing() != null);
        return "legal/authorities";
    }

    @PostMapping("/people/{personId}/authorities")
    @PreAuthorize(ReturnCaseController.ENTERS)
    String record(@PathVariable UUID personId, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String issuedBy, @RequestParam(required = false) String issuedOn,
                  @RequestParam(required = false) String documentReference,
                  @RequestParam(required = false) String validUntil, @RequestParam(required = false) String reviewDue,
                  RedirectAttributes redirect) {
        try {
            var request = new ReturnCaseController.AuthorityRequest(
                    ReturnCasePages.choice(DetentionAuthority.Type.class, type, "type"), ReturnCasePages.trim(issuedBy),
                    ReturnCasePages.date(issuedOn, "issuedOn"), ReturnCasePages.trim(documentReference),
                    ReturnCasePages.date(validUntil, "validUntil"), ReturnCasePages.date(reviewDue, "reviewDue"));
            forms.require(request);
            authorities.record(request.toCommand(personId));
            redirect.addFlashAttribute("done", "returns.authorities.done");
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", ReturnCasePages.Refusal.of(refused));
        }
        return "redirect:/people/" + personId + "/authorities";
    }

}

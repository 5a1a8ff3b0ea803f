package org.habeas.web.internal;

import org.habeas.access.FacilityScope;
import org.habeas.access.HabeasUser;
import org.habeas.common.HabeasException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What every page shares: who is signed in (for the menu and the role-dependent links), and the error page for a
 * refusal that reaches no form (a person or record out of scope or not there), with the refusal's status, never a
 * 500. REST controllers match too, but their refusals are answered first, as problem details, by the common
 * module's advice, which takes precedence.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    private final FacilityScope scope;

    PageModel(FacilityScope scope) {
        this.scope = scope;
    }

    @ModelAttribute("me")
    HabeasUser me() {
        return scope.currentUser().orElse(null);
    }

    @ExceptionHandler
    String refused(HabeasException refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("status", refused.status().value());
        return "web/error";
    }
}

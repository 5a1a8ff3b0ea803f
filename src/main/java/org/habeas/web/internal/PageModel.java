package org.habeas.web.internal;

import org.habeas.access.FacilityScope;
import org.habeas.access.HabeasUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: who is signed in (for the menu and the role-dependent links). */
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
}

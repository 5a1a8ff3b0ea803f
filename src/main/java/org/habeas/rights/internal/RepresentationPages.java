package org.habeas.rights.internal;

import org.habeas.rights.RepresentationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The representative's page (REQ-16): every person they are verified for, as {@code GET /api/represented}. */
@Controller
class RepresentationPages {

    private final RepresentationService representation;

    RepresentationPages(RepresentationService representation) {
        this.representation = representation;
    }

    @GetMapping("/represented")
    @PreAuthorize(RepresentationController.REPRESENTS)
    String page(Model model) {
        model.addAttribute("people", representation.mine());
        return "rights/represented";
    }
}

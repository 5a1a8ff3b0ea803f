package org.habeas.web.internal;

import org.habeas.audit.Journal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: only real figures, read from the modules that own them. */
@Controller
@PreAuthorize("isAuthenticated()")
class HomePages {

    private final Journal journal;

    HomePages(Journal journal) {
        this.journal = journal;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("journal", journal.summary());
        return "web/home";
    }
}

package org.habeas.web.internal;

import java.util.EnumSet;
import java.util.Set;

import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.audit.Journal;
import org.habeas.legal.DetentionAuthorities;
import org.habeas.legal.ReturnCases;
import org.habeas.oversight.EstateOverview;
import org.habeas.rights.RightsService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: only real figures, read from the modules that own them. The legal card (open return cases, REQ-45;
 * detentions without a valid authority or past their review, REQ-02) is shown to the roles that may read those lists,
 * counted within the reader's facilities. Directors and inspectors also see how many safeguards are overdue in their
 * facilities (oversight), linked to the list.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class HomePages {

    private static final Set<Role> DUTY_READERS = EnumSet.of(Role.INTAKE, Role.HOUSING, Role.LEGAL, Role.SUPERVISOR,
            Role.DIRECTOR, Role.INSPECTOR);

    private final Journal journal;
    private final ReturnCases returnCases;
    private final DetentionAuthorities authorities;
    private final RightsService rights;
    private final EstateOverview oversight;

    HomePages(Journal journal, ReturnCases returnCases, DetentionAuthorities authorities, RightsService rights,
              EstateOverview oversight) {
        this.journal = journal;
        this.returnCases = returnCases;
        this.authorities = authorities;
        this.rights = rights;
        this.oversight = oversight;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal HabeasUser user, Model model) {
        model.addAttribute("journal", journal.summary());
        if (user.has(Role.LEGAL) || user.has(Role.SUPERVISOR) || user.has(Role.DIRECTOR)
                || user.has(Role.INSPECTOR)) {
            model.addAttribute("openReturnCases", returnCases.openCount());
        }
        if (user.has(Role.LEGAL) || user.has(Role.DIRECTOR) || user.has(Role.INSPECTOR)) {
            model.addAttribute("authoritiesDue", authorities.dueCount());
        }
        // The readers of the duty lists (GET /api/notifications/overdue): a role added later sees nothing by default.
        if (user.roles().stream().anyMatch(DUTY_READERS::contains)) {
            model.addAttribute("overdueDuties", rights.overdue());
        }
        // The readers of the oversight pages (GET /api/estate/safeguards): how much is overdue, estate-wide.
        if (user.has(Role.DIRECTOR) || user.has(Role.INSPECTOR)) {
            model.addAttribute("safeguardsOverdue", oversight.safeguards(null).total());
        }
        return "web/home";
    }
}

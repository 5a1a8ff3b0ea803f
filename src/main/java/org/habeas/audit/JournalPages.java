package org.habeas.audit;

import java.time.Instant;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.habeas.common.Page;
import org.habeas.common.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The journal page for inspectors: filter and page through entries, see and run the verification. */
@Controller
@RequestMapping("/journal")
@PreAuthorize("hasAnyRole('INSPECTOR','ADMIN')")
class JournalPages {

    private final Journal journal;

    JournalPages(Journal journal) {
        this.journal = journal;
    }

    @GetMapping
    String page(@Valid @ModelAttribute("filter") Filter filter, BindingResult binding, Model model) {
        model.addAttribute("summary", journal.summary());
        // A filter that does not parse shows the form with its errors and no entries, rather than an error page.
        // The form echoes the raw parameters, since a value that failed to bind is not in the filter.
        model.addAttribute("invalid", binding.getFieldErrors().stream().map(FieldError::getField)
                .collect(Collectors.toSet()));
        model.addAttribute("entries", binding.hasErrors() ? null
                : journal.search(filter.query(), filter.pageRequest()));
        return "audit/journal";
    }

    @PostMapping("/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", journal.verify());
        return "redirect:/journal";
    }

    /** The filter form; blank fields mean "any". Times are ISO-8601 instants, {@code to} exclusive. */
    record Filter(@Size(max = 100) String subjectType, @Size(max = 200) String subjectId,
                  @Size(max = 200) String actor, @Size(max = 64) String action, Instant from, Instant to,
                  @Min(0) Integer page, @Min(1) @Max(Page.MAX_SIZE) Integer size) {

        static final int DEFAULT_SIZE = 50;

        /** Checked here so the page shows it beside the fields instead of failing in {@link JournalQuery}. */
        @AssertTrue
        boolean isTimesInOrder() {
            return from == null || to == null || !to.isBefore(from);
        }

        JournalQuery query() {
            return new JournalQuery(subjectType, subjectId, actor, action, from, to);
        }

        PageRequest pageRequest() {
            return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
        }
    }
}

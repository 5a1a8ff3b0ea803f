package org.habeas.legal.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.common.ErrorCode;
import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.legal.ReturnCase;
import org.habeas.legal.ReturnCases;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
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
 * Return cases on pages (REQ-45): the list by status with the form that opens a case, and a case's page with its
 * steps, history and the forms that add a step and close it. Same service, same roles and the same request
 * validation as {@link ReturnCaseController}; refusals are shown on the page in the officer's language. Times are
 * in the case's facility's time zone (docs/architecture.md, Pages).
 */
@Controller
@RequestMapping("/legal/return-cases")
@PreAuthorize(ReturnCaseController.READERS)
class ReturnCasePages {

    private final ReturnCases cases;
    private final PeopleService people;
    private final FormValidation forms;

    ReturnCasePages(ReturnCases cases, PeopleService people, FormValidation forms) {
        this.cases = cases;
        this.people = people;
        this.forms = forms;
    }

    /** A refusal as a page shows it: the code, and the fields it names. */
    record Refusal(String code, List<String> fields) {

        static Refusal of(HabeasException e) {
            List<String> fields = new ArrayList<>();
            if (e.properties().get("fields") instanceof Collection<?> named) {
                named.forEach(f -> fields.add(String.valueOf(f)));
            }
            return new Refusal(e.code().name(), List.copyOf(fields));
        }

        public String joinedFields() {
            return String.join(", ", fields);
        }
    }

    /** A case on the list, its times in its facility's zone. */
    record Row(ReturnCase c, ZonedDateTime openedAt, ZonedDateTime closedAt) {
    }

    /** A step of a case, its times in the case's facility's zone. */
    record StepLine(ReturnCase.Step step, ZonedDateTime happenedAt, ZonedDateTime recordedAt) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID person,
                @RequestParam(required = false) UUID order, @RequestParam(required = false) String country,
                @AuthenticationPrincipal HabeasUser user, Model model) {
        ReturnCase.Status shown = statusOrNull(status);
        model.addAttribute("status", shown == null ? "ALL" : shown.name());
        model.addAttribute("statuses", ReturnCase.Status.values());
        model.addAttribute("cases", cases.cases(shown).stream().map(c -> {
            ZoneId zone = cases.zone(c);
            return new Row(c, at(c.openedAt(), zone), at(c.closedAt(), zone));
        }).toList());
        model.addAttribute("mayEnter", user.has(Role.LEGAL));
        if (!model.containsAttribute("tried")) {
            // Prefilled from the order entry that found the person already removed (the return-case prompt).
            model.addAttribute("tried", Map.of("personId", person == null ? "" : person.toString(),
                    "orderId", order == null ? "" : order.toString(), "country", value(country)));
        }
        return "legal/return-cases";
    }

    @PostMapping
    @PreAuthorize(ReturnCaseController.ENTERS)
    String open(@RequestParam(required = false) String personId, @RequestParam(required = false) String orderId,
                @RequestParam(required = false) String country, @RequestParam(required = false) String grounds,
                RedirectAttributes redirect) {
        try {
            var request = new ReturnCaseController.OpenRequest(uuid(personId, "personId"), uuid(orderId, "orderId"),
                    trim(country), trim(grounds));
            forms.require(request);
            ReturnCase opened = cases.open(request.toCommand());
            redirect.addFlashAttribute("done", "returns.opened");
            return "redirect:/legal/return-cases/" + opened.id();
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", Refusal.of(refused));
            redirect.addFlashAttribute("tried", Map.of("personId", value(personId), "orderId", value(orderId),
                    "country", value(country), "grounds", value(grounds)));
            return "redirect:/legal/return-cases";
        }
    }

    @GetMapping("/{id}")
    String page(@PathVariable UUID id, @AuthenticationPrincipal HabeasUser user, Model model) {
        ReturnCase c = cases.returnCase(id);
        ZoneId zone = cases.zone(c);
        model.addAttribute("c", c);
        model.addAttribute("zone", zone);
        model.addAttribute("person", people.person(new PersonId(c.person())));
        model.addAttribute("openedAt", at(c.openedAt(), zone));
        model.addAttribute("closedAt", at(c.closedAt(), zone));
        model.addAttribute("steps", c.steps().stream().map(s -> new StepLine(s, at(s.happenedAt(), zone),
                at(s.recordedAt(), zone))).toList());
        model.addAttribute("history", c.history().stream().map(h -> Map.of("change", h, "at", at(h.at(), zone)))
                .toList());
        model.addAttribute("kinds", ReturnCase.Step.Kind.values());
        model.addAttribute("closings", List.of(ReturnCase.Status.RETURNED, ReturnCase.Status.CLOSED_BY_COURT));
        model.addAttribute("mayEnter", user.has(Role.LEGAL) && c.open());
        return "legal/return-case";
    }

    @PostMapping("/{id}/steps")
    @PreAuthorize(ReturnCaseController.ENTERS)
    String addStep(@PathVariable UUID id, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String happenedAt, @RequestParam(required = false) String summary,
                   RedirectAttributes redirect) {
        return shown(id, redirect, "returns.stepAdded", () -> {
            ZoneId zone = cases.zone(cases.returnCase(id));
            var request = new ReturnCaseController.StepRequest(choice(ReturnCase.Step.Kind.class, kind, "kind"),
                    localTime(happenedAt, zone, "happenedAt"), trim(summary));
            forms.require(request);
            cases.addStep(request.toCommand(id));
        });
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(ReturnCaseController.ENTERS)
    String close(@PathVariable UUID id, @RequestParam(required = false) String status,
                 @RequestParam(required = false) String reference, @RequestParam(required = false) String summary,
                 RedirectAttributes redirect) {
        return shown(id, redirect, "returns.closed", () -> {
            var request = new ReturnCaseController.CloseRequest(choice(ReturnCase.Status.class, status, "status"),
                    trim(reference), trim(summary));
            forms.require(request);
            cases.close(request.toCommand(id));
        });
    }

    private static String shown(UUID id, RedirectAttributes redirect, String done, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", done);
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", Refusal.of(refused));
        }
        return "redirect:/legal/return-cases/" + id;
    }

    private static ReturnCase.Status statusOrNull(String status) {
        if (status == null || status.isBlank() || status.equals("ALL")) {
            return null;
        }
        try {
            return ReturnCase.Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static ZonedDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone);
    }

    static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(field, "Not a choice: " + text);
        }
    }

    static UUID uuid(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(field, "Not an id: " + text);
        }
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "Not a date: " + text);
        }
    }

    // A time typed on the form is the facility's local time.
    private static Instant localTime(String text, ZoneId zone, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "Not a time: " + text);
        }
    }

    static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String value(String text) {
        return text == null ? "" : text;
    }

    private static InvalidRequest invalid(String field, String what) {
        return new InvalidRequest(ErrorCode.VALIDATION_FAILED, what, field);
    }
}

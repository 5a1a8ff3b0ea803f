package org.habeas.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.habeas.common.CountryCode;
import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.habeas.common.PageRequest;
import org.habeas.people.Alias;
import org.habeas.people.Birth;
import org.habeas.people.Identity;
import org.habeas.people.IdentityDocument;
import org.habeas.people.IdentityStatus;
import org.habeas.people.Merge;
import org.habeas.people.Nationality;
import org.habeas.people.PeopleService;
import org.habeas.people.Person;
import org.habeas.people.PersonId;
import org.habeas.people.PersonName;
import org.habeas.people.PersonQuery;
import org.habeas.people.RecordedSex;
import org.habeas.people.Registration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people pages: search with results as you type (htmx asks for the rows fragment of the same page), the
 * person page, the registration form with its duplicate warning, the duplicates report and the merge screen.
 * Same service, same rules, same journal as {@code /api/people}; refusals are shown in the form.
 */
@Controller
@RequestMapping("/people")
@PreAuthorize(PersonController.READERS)
class PeoplePages {

    private static final int PAGE_SIZE = 20;

    private final PeopleService people;
    private final FormValidation forms;

    PeoplePages(PeopleService people, FormValidation forms) {
        this.people = people;
        this.forms = forms;
    }

    @GetMapping
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String birthYear,
                  @RequestParam(required = false) String nationality, Model model, HttpServletResponse response) {
        response.setHeader("Vary", "HX-Request");
        model.addAttribute("q", q);
        model.addAttribute("birthYear", birthYear);
        model.addAttribute("nationality", nationality);
        runSearch(q, birthYear, nationality, model);
        return "people/search";
    }

    @GetMapping(headers = "HX-Request=true")
    String rows(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String birthYear,
                @RequestParam(required = false) String nationality, Model model, HttpServletResponse response) {
        response.setHeader("Vary", "HX-Request");
        runSearch(q, birthYear, nationality, model);
        return "people/search :: results";
    }

    private void runSearch(String q, String birthYear, String nationality, Model model) {
        if (q.isBlank()) {
            return;
        }
        try {
            Integer year = birthYear == null || birthYear.isBlank() ? null : Integer.valueOf(birthYear.strip());
            if (year != null && (year < Birth.EARLIEST_YEAR || year > 9999)) {
                throw new NumberFormatException();
            }
            CountryCode country = nationality == null || nationality.isBlank() ? null
                    : CountryCode.of(nationality, "nationality");
            boolean looksLikeNumber = q.strip().matches(".*\\d.*");
            var query = looksLikeNumber ? new PersonQuery(null, q, null, year, country, null)
                    : new PersonQuery(q, null, null, year, country, null);
            model.addAttribute("results", people.search(query, new PageRequest(0, PAGE_SIZE)));
        } catch (NumberFormatException e) {
            model.addAttribute("refused", "VALIDATION_FAILED");
        } catch (HabeasException refused) {
            model.addAttribute("refused", refused.code().name());
        }
    }

    @GetMapping("/{id}")
    String person(@PathVariable UUID id, Model model) {
        var shown = people.personWithHistory(new PersonId(id));   // one view, one READ (REQ-49)
        model.addAttribute("person", shown.person());
        model.addAttribute("history", shown.history());
        return "people/person";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('INTAKE')")
    String registrationForm(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        addChoices(model);
        return "people/register";
    }

    @PostMapping
    @PreAuthorize("hasRole('INTAKE')")
    String register(@ModelAttribute("form") RegistrationForm form, Model model) {
        try {
            var registered = people.register(form.toCommand(people.today()));
            return "redirect:/people/" + registered.person().id();
        } catch (IllegalArgumentException notAChoice) {
            model.addAttribute("refused", "VALIDATION_FAILED");
            addChoices(model);
            return "people/register";
        } catch (HabeasException refused) {
            model.addAttribute("refused", refused.code().name());
            Object candidates = refused.properties().get("candidates");
            if (candidates != null) {
                model.addAttribute("candidates", candidates);
            }
            addChoices(model);
            return "people/register";
        }
    }

    @GetMapping("/{id}/correct")
    @PreAuthorize("hasRole('INTAKE')")
    String correctionForm(@PathVariable UUID id, Model model) {
        Person person = people.person(new PersonId(id));
        model.addAttribute("person", person);
        model.addAttribute("form", CorrectionForm.of(person));
        addChoices(model);
        return "people/correct";
    }

    // REQ-06: the correction is a new revision with its reason; refused, the form comes back as sent, with why.
    @PostMapping("/{id}/correct")
    @PreAuthorize("hasRole('INTAKE')")
    String correct(@PathVariable UUID id, @ModelAttribute("form") CorrectionForm form, Model model,
                   RedirectAttributes redirect) {
        PersonId person = new PersonId(id);
        try {
            people.correct(form.toCommand(person, people.today()));
            redirect.addFlashAttribute("done", "people.corrected");
            return "redirect:/people/" + id;
        } catch (IllegalArgumentException notAChoice) {
            model.addAttribute("refused", "VALIDATION_FAILED");
        } catch (HabeasException refused) {
            model.addAttribute("refused", refused.code().name());
            model.addAttribute("refusedFields", refused.properties().get("fields"));
        }
        model.addAttribute("person", people.person(person));
        form.withEmptyRows();
        addChoices(model);
        return "people/correct";
    }

    @GetMapping("/duplicates")
    @PreAuthorize(PersonController.MERGERS)
    String duplicates(Model model) {
        model.addAttribute("pairs", people.duplicates(100));
        return "people/duplicates";
    }

    @GetMapping("/{id}/merge")
    @PreAuthorize(PersonController.MERGERS)
    String mergeScreen(@PathVariable UUID id, @RequestParam(required = false) UUID duplicate, Model model) {
        model.addAttribute("survivor", people.person(new PersonId(id)));
        if (duplicate != null) {
            model.addAttribute("duplicate", people.person(new PersonId(duplicate)));
        }
        return "people/merge";
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize(PersonController.MERGERS)
    String merge(@PathVariable UUID id, @RequestParam UUID duplicate, @RequestParam String reason,
                 RedirectAttributes redirect) {
        try {
            forms.require(new PersonController.MergeRequest(duplicate, reason));
            people.merge(new Merge(new PersonId(id), new PersonId(duplicate), reason.strip()));
            redirect.addFlashAttribute("done", "people.merged");
            return "redirect:/people/" + id;
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
            if (refused.properties().get("fields") instanceof List<?> fields) {
                redirect.addFlashAttribute("refusedFields", fields.stream().map(String::valueOf).toList());
            }
            return "redirect:/people/" + id + "/merge?duplicate=" + duplicate;
        }
    }

    // A record out of scope or not there, on a page: the error page with the refusal's status, never a 500.
    @ExceptionHandler
    String refused(HabeasException refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("status", refused.status().value());
        return "web/error";
    }

    private static void addChoices(Model model) {
        model.addAttribute("sexes", RecordedSex.values());
        model.addAttribute("statuses", IdentityStatus.values());
        model.addAttribute("sources", Nationality.Source.values());
        model.addAttribute("documentTypes", IdentityDocument.Type.values());
        model.addAttribute("aliasKinds", Alias.Kind.values());
    }

    /** The registration form: one nationality, one document and one alias; more are added by correction or API. */
    record RegistrationForm(String givenNames, String firstFamilyName, String secondFamilyName, String fullName,
                            String aliasKind, String aliasName, String birthDate, Integer estimatedAge,
                            String birthPlace, String recordedSex, String genderIdentity, String nationality,
                            String nationalitySource, String documentType, String documentIssuer,
                            String documentNumber, String languages, Boolean interpreterNeeded,
                            String identityStatus, String identityNote, String facility, String newPersonReason,
                            UUID linkTo) {

        static RegistrationForm empty() {
            return new RegistrationForm(null, null, null, null, null, null, null, null, null, "UNKNOWN", null,
                    null, "SELF_DECLARED", null, null, null, "es", false, "UNVERIFIED", null, null, null, null);
        }

        Registration toCommand(LocalDate today) {
            List<Alias> aliases = blank(aliasName) ? List.of()
                    : List.of(new Alias(Alias.Kind.valueOf(aliasKind), aliasName.strip()));
            List<Nationality> nationalities = blank(nationality) ? List.of()
                    : List.of(new Nationality(CountryCode.of(nationality, "nationality"),
                    Nationality.Source.valueOf(nationalitySource)));
            List<IdentityDocument> documents = blank(documentNumber) ? List.of()
                    : List.of(new IdentityDocument(IdentityDocument.Type.valueOf(documentType),
                    documentIssuer == null ? "" : documentIssuer.strip().toUpperCase(Locale.ROOT),
                    documentNumber.strip(), null));
            List<String> spoken = new ArrayList<>();
            if (!blank(languages)) {
                Arrays.stream(languages.split("[,\\s]+")).filter(s -> !s.isBlank())
                        .map(s -> s.toLowerCase(Locale.ROOT)).distinct().forEach(spoken::add);
            }
            var identity = new Identity(new PersonName(givenNames, firstFamilyName, secondFamilyName, fullName),
                    aliases, Birth.parse(birthDate, estimatedAge, today, "birthDate"), trim(birthPlace),
                    blank(recordedSex) ? null : RecordedSex.valueOf(recordedSex), trim(genderIdentity),
                    nationalities, documents, spoken, Boolean.TRUE.equals(interpreterNeeded),
                    blank(identityStatus) ? null : IdentityStatus.valueOf(identityStatus), trim(identityNote));
            return new Registration(identity, trim(facility), trim(newPersonReason),
                    linkTo == null ? null : new PersonId(linkTo));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static String trim(String s) {
            return blank(s) ? null : s.strip();
        }
    }
}

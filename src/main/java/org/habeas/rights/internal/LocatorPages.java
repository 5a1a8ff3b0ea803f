package org.habeas.rights.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.habeas.common.HabeasException;
import org.habeas.rights.LocatorService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public locator page (REQ-16), in Spanish and English, open to anyone: the same enquiry and the same limits as
 * {@code POST /api/locator}. The answer is shown on the page that asked, not redirected, so that nothing of it is
 * kept in a session or a URL.
 */
@Controller
@RequestMapping("/locator")
@PreAuthorize("permitAll()")
class LocatorPages {

    private final LocatorService locator;

    LocatorPages(LocatorService locator) {
        this.locator = locator;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("tried", Map.of());
        return "rights/locator";
    }

    @PostMapping
    String enquire(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        model.addAttribute("tried", form);
        try {
            LocalDate birth = form.get("birthDate") == null || form.get("birthDate").isBlank() ? null
                    : LocalDate.parse(form.get("birthDate").strip());
            var enquiry = new LocatorController.EnquiryRequest(form.get("fullName"), birth, form.get("registerNumber"),
                    form.get("documentNumber"), form.get("documentIssuer")).toEnquiry();
            model.addAttribute("answer", locator.enquire(enquiry, request.getRemoteAddr()));
        } catch (DateTimeParseException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refused", "VALIDATION_FAILED");
        } catch (HabeasException e) {
            response.setStatus(e.status().value());
            e.headers().forEach(response::setHeader);
            model.addAttribute("refused", e.code().name());
        }
        return "rights/locator";
    }
}

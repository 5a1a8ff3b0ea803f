package org.habeas.rights.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.people.PersonEnquiry;
import org.habeas.people.PersonId;
import org.habeas.rights.LocatorAnswer;
import org.habeas.rights.LocatorRestriction;
import org.habeas.rights.LocatorService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The public locator over the API (REQ-16): open to anyone, rate-limited per client; and the legal officers'
 * restrictions of its answers, each on a recorded legal ground.
 */
@RestController
class LocatorController {

    static final String RESTRICTS = "hasRole('LEGAL')";
    static final String READS_RESTRICTIONS = "hasAnyRole('LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')";

    private final LocatorService locator;

    LocatorController(LocatorService locator) {
        this.locator = locator;
    }

    /** One of: the full name with the birth date, a register number, or a document number (its issuer optional). */
    record EnquiryRequest(@Size(max = 400) String fullName, LocalDate birthDate, @Size(max = 40) String registerNumber,
                          @Size(max = 100) String documentNumber, @Size(max = 20) String documentIssuer) {

        PersonEnquiry toEnquiry() {
            boolean byName = present(fullName) || birthDate != null;
            boolean byRegister = present(registerNumber);
            boolean byDocument = present(documentNumber) || present(documentIssuer);
            if ((byName ? 1 : 0) + (byRegister ? 1 : 0) + (byDocument ? 1 : 0) != 1) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Give one of: fullName with birthDate, "
                        + "registerNumber, or documentNumber", "fullName", "registerNumber", "documentNumber");
            }
            if (byRegister) {
                return new PersonEnquiry.ByRegisterNumber(registerNumber);
            }
            if (byDocument) {
                if (!present(documentNumber)) {
                    throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The document number is required",
                            "documentNumber");
                }
                return new PersonEnquiry.ByDocument(documentNumber, documentIssuer);
            }
            if (!present(fullName) || birthDate == null) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The full name and the birth date go together",
                        present(fullName) ? "birthDate" : "fullName");
            }
            return new PersonEnquiry.ByNameAndBirth(fullName, birthDate);
        }

        private static boolean present(String text) {
            return text != null && !text.isBlank();
        }
    }

    record RestrictionRequest(@NotBlank @Size(max = 1000) String ground, @NotBlank @Size(max = 300) String orderedBy,
                              @NotBlank @Size(max = 200) String reference) {
    }

    @PostMapping("/api/locator")
    @PreAuthorize("permitAll()")
    LocatorAnswer enquire(@Valid @RequestBody EnquiryRequest request, HttpServletRequest http) {
        return locator.enquire(request.toEnquiry(), http.getRemoteAddr());
    }

    @GetMapping("/api/people/{person}/locator-restrictions")
    @PreAuthorize(READS_RESTRICTIONS)
    List<LocatorRestriction> restrictions(@PathVariable UUID person) {
        return locator.restrictions(new PersonId(person));
    }

    @PostMapping("/api/people/{person}/locator-restrictions")
    @PreAuthorize(RESTRICTS)
    ResponseEntity<LocatorRestriction> restrict(@PathVariable UUID person,
                                                @Valid @RequestBody RestrictionRequest request) {
        LocatorRestriction recorded = locator.restrict(new PersonId(person), request.ground().strip(),
                request.orderedBy().strip(), request.reference().strip());
        return ResponseEntity.created(URI.create("/api/people/" + person + "/locator-restrictions/" + recorded.id()))
                .body(recorded);
    }

    @PostMapping("/api/people/{person}/locator-restrictions/{restriction}/lift")
    @PreAuthorize(RESTRICTS)
    LocatorRestriction lift(@PathVariable UUID person, @PathVariable UUID restriction) {
        return locator.lift(new PersonId(person), restriction);
    }
}

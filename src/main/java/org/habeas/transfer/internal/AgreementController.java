package org.habeas.transfer.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.habeas.common.Idempotency;
import org.habeas.people.PersonId;
import org.habeas.transfer.Agreement;
import org.habeas.transfer.AgreementService;
import org.habeas.transfer.AgreementStatement;
import org.habeas.transfer.AgreementTerms;
import org.habeas.transfer.AgreementVersion;
import org.habeas.transfer.Disposition;
import org.habeas.transfer.DispositionKind;
import org.habeas.transfer.ExpiringAgreement;
import org.habeas.transfer.HeldPerson;
import org.habeas.transfer.InstrumentType;
import org.habeas.transfer.PriceModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agreements over the API (REQ-46): the director records and changes them (each change a new version) and records
 * long-term dispositions with legal officers; supervisors, legal officers and inspectors read. Sending agencies do
 * not: an agreement's price and terms are the governments' business, not the machine client's.
 */
@RestController
@RequestMapping("/api/agreements")
class AgreementController {

    static final String READERS = "hasAnyRole('DIRECTOR','SUPERVISOR','LEGAL','INSPECTOR')";
    static final String MANAGES = "hasRole('DIRECTOR')";

    private final AgreementService agreements;
    private final Idempotency idempotency;

    AgreementController(AgreementService agreements, Idempotency idempotency) {
        this.agreements = agreements;
        this.idempotency = idempotency;
    }

    record AccessRequest(boolean counsel, boolean consular, boolean family, boolean inspection) {
    }

    record TermsRequest(@NotBlank @Size(max = 100) String reference, @NotBlank @Size(max = 300) String title,
                        @NotBlank @Size(max = 10) String sendingState, @NotBlank @Size(max = 300) String sendingAgency,
                        @NotBlank @Size(max = 10) String receivingState,
                        @NotBlank @Size(max = 300) String receivingAgency, @NotNull InstrumentType instrument,
                        @NotNull Boolean binding, @NotNull LocalDate termStart, @NotNull LocalDate termEnd,
                        @NotNull PriceModel priceModel, @NotNull @DecimalMin("0") BigDecimal priceAmount,
                        @NotBlank @Size(max = 3) String currency, @Min(1) Integer capacityCap,
                        @Size(max = 50) List<@NotBlank @Size(max = 100) String> acceptedCategories,
                        @NotBlank @Size(max = 4000) String standards, @NotNull @Valid AccessRequest access,
                        @NotBlank @Size(max = 4000) String reportingDuties,
                        @NotBlank @Size(max = 4000) String returnClause, @Min(0) @Max(3650) Integer alertDays) {

        AgreementTerms toTerms() {
            return new AgreementTerms(reference, title, sendingState, sendingAgency, receivingState, receivingAgency,
                    instrument, binding, termStart, termEnd, priceModel, priceAmount, currency, capacityCap,
                    acceptedCategories, standards, new AgreementTerms.Access(access.counsel(), access.consular(),
                    access.family(), access.inspection()), reportingDuties, returnClause, alertDays);
        }
    }

    record ChangeRequest(@NotNull Integer expectedVersion, @NotBlank @Size(max = 2000) String reason,
                         @NotNull @Valid TermsRequest terms) {
    }

    record DispositionRequest(@NotNull UUID personId, @NotNull DispositionKind kind, @NotNull LocalDate decidedOn,
                              @NotBlank @Size(max = 300) String decidedBy, @Size(max = 4000) String note) {
    }

    @PostMapping
    @PreAuthorize(MANAGES)
    ResponseEntity<Agreement> record(@Valid @RequestBody TermsRequest request,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/agreements", request, Agreement.class, () -> {
            Agreement recorded = agreements.record(request.toTerms());
            return ResponseEntity.created(URI.create("/api/agreements/" + recorded.id())).body(recorded);
        });
    }

    @GetMapping
    @PreAuthorize(READERS)
    List<Agreement> list() {
        return agreements.agreements();
    }

    /** Agreements whose term ends within their alert window (or {@code withinDays}), soonest first. */
    @GetMapping("/expiring")
    @PreAuthorize(READERS)
    List<ExpiringAgreement> expiring(@RequestParam(required = false) @Min(0) @Max(3650) Integer withinDays) {
        return agreements.expiring(withinDays);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Agreement one(@PathVariable UUID id) {
        return agreements.agreement(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGES)
    Agreement change(@PathVariable UUID id, @Valid @RequestBody ChangeRequest request) {
        return agreements.change(id, request.expectedVersion(), request.terms().toTerms(), request.reason());
    }

    @GetMapping("/{id}/versions")
    @PreAuthorize(READERS)
    List<AgreementVersion> versions(@PathVariable UUID id) {
        return agreements.versions(id);
    }

    @GetMapping("/{id}/people")
    @PreAuthorize(READERS)
    List<HeldPerson> held(@PathVariable UUID id) {
        return agreements.heldNow(id);
    }

    @GetMapping("/{id}/without-disposition")
    @PreAuthorize(READERS)
    List<HeldPerson> withoutDisposition(@PathVariable UUID id) {
        return agreements.withoutDisposition(id);
    }

    @GetMapping("/{id}/dispositions")
    @PreAuthorize(READERS)
    List<Disposition> dispositions(@PathVariable UUID id) {
        return agreements.dispositions(id);
    }

    @PostMapping("/{id}/dispositions")
    @PreAuthorize("hasAnyRole('DIRECTOR','LEGAL')")
    ResponseEntity<Disposition> recordDisposition(@PathVariable UUID id,
                                                  @Valid @RequestBody DispositionRequest request) {
        Disposition d = agreements.recordDisposition(id, new PersonId(request.personId()), request.kind(),
                request.decidedOn(), request.decidedBy(), request.note());
        return ResponseEntity.created(URI.create("/api/agreements/" + id + "/dispositions/" + d.id())).body(d);
    }

    @GetMapping(path = "/{id}/statement", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    AgreementStatement statement(@PathVariable UUID id,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return agreements.statement(id, from, to);
    }

    /** The statement as CSV: a header block of the figures, then one row per day. */
    @GetMapping(path = "/{id}/statement", produces = "text/csv")
    @PreAuthorize(READERS)
    ResponseEntity<String> statementCsv(@PathVariable UUID id,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AgreementStatement s = agreements.statement(id, from, to);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"statement-%s-%s-%s.csv\""
                        .formatted(Csv.safeName(s.reference()), s.from(), s.to()))
                .body(Csv.statement(s));
    }
}

package org.habeas.legal.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.habeas.legal.CourtOrder;
import org.habeas.legal.FearClaim;
import org.habeas.legal.Hold;
import org.habeas.legal.Injunction;
import org.habeas.legal.LegalReview;
import org.habeas.legal.LegalService;
import org.habeas.legal.LegalSummary;
import org.habeas.legal.NewHold;
import org.habeas.legal.NewInjunction;
import org.habeas.legal.NewOrder;
import org.habeas.legal.Notice;
import org.habeas.legal.OrderEntered;
import org.habeas.legal.OrderType;
import org.habeas.legal.Policy;
import org.habeas.legal.RecordStatus;
import org.habeas.people.PersonId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal record over the API: legal officers enter orders, holds, injunctions, reviews, notices and fear claims;
 * supervisors and legal officers verify or withdraw holds (never the officer who entered one); administrators set
 * legal policy; supervisors, directors and inspectors read. Facility scope applies through the person.
 */
@RestController
class LegalController {

    static final String READERS = "hasAnyRole('LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')";
    static final String ENTERS = "hasRole('LEGAL')";

    private final LegalService legal;

    LegalController(LegalService legal) {
        this.legal = legal;
    }

    record OrderRequest(@NotNull OrderType type, @Size(max = 300) String issuedBy, @Size(max = 100) String caseNumber,
                        LocalDate decidedOn, RecordStatus status, @Size(max = 10) String country,
                        LocalDate effectiveFrom, LocalDate expiresOn, @Size(max = 300) String documentReference,
                        @Size(max = 20000) String text) {

        NewOrder toCommand(UUID person) {
            return new NewOrder(new PersonId(person), type, issuedBy, caseNumber, decidedOn, status, country,
                    effectiveFrom, expiresOn, documentReference, text);
        }
    }

    record StatusRequest(@NotNull RecordStatus status, @NotBlank @Size(max = 2000) String reason) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record HoldRequest(@NotNull Hold.Source source, @Size(max = 300) String issuedBy,
                       @Size(max = 100) String caseNumber, Instant receivedAt,
                       @NotBlank @Size(max = 4000) String summary, @Size(max = 300) String documentReference) {
    }

    record InjunctionRequest(@Size(max = 300) String issuedBy, @Size(max = 100) String caseNumber,
                             LocalDate decidedOn, RecordStatus status, LocalDate effectiveFrom, LocalDate expiresOn,
                             @Size(max = 300) String documentReference, @Size(max = 20000) String summary,
                             @Size(max = 250) List<@Size(max = 10) String> nationalities,
                             @Size(max = 40) String removalBasis, @Size(max = 100) List<@Size(max = 20) String> facilities,
                             LocalDate arrestedFrom, LocalDate arrestedTo) {
    }

    record ReviewRequest(@NotBlank @Size(max = 10) String country, @NotBlank @Size(max = 2000) String sourcesChecked,
                         @NotBlank @Size(max = 4000) String conclusion) {
    }

    record ResidenceRequest(@NotBlank @Size(max = 10) String country) {
    }

    record NoticeRequest(@NotBlank @Size(max = 10) String country, @NotNull Instant servedAt, boolean toPerson,
                         boolean toCounsel, @NotBlank @Size(max = 3) String language,
                         @NotBlank @Size(max = 200) String method, boolean explainsHowToContest) {
    }

    record FearClaimRequest(@NotBlank @Size(max = 10) String country, Instant raisedAt,
                            @NotBlank @Size(max = 4000) String summary) {
    }

    record FearClaimDecision(@NotNull FearClaim.Status status, @NotBlank @Size(max = 2000) String reason) {
    }

    record PolicyRequest(@NotNull Policy.Name name, @NotBlank @Size(max = 100) String value,
                         @NotNull Instant effectiveFrom, @NotBlank @Size(max = 1000) String citation) {
    }

    // ---- orders

    /**
     * Enters an order. When the person's custody had already ended by removal, the order is still kept, and the
     * answer says so and points to a return case (REQ-45).
     */
    @PostMapping("/api/people/{personId}/orders")
    @PreAuthorize(ENTERS)
    ResponseEntity<Map<String, Object>> enterOrder(@PathVariable UUID personId,
                                                   @Valid @RequestBody OrderRequest request) {
        OrderEntered entered = legal.enterOrder(request.toCommand(personId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order", entered.order());
        body.put("personAlreadyRemoved", entered.personAlreadyRemoved());
        if (entered.personAlreadyRemoved()) {
            body.put("removedAt", entered.removedAt());
            body.put("removedTo", entered.removedTo());
            body.put("returnCase", Map.of("open", "/api/return-cases", "prompt",
                    "The person was removed before this order was recorded: open a return case"));
        }
        return ResponseEntity.created(URI.create("/api/orders/" + entered.order().id())).body(body);
    }

    /** What the data-quality guard says of an order before it is saved (REQ-42). */
    @PostMapping("/api/people/{personId}/orders/check")
    @PreAuthorize(ENTERS)
    OrderQuality.Finding checkOrder(@PathVariable UUID personId, @Valid @RequestBody OrderRequest request) {
        return legal.checkOrder(request.toCommand(personId));
    }

    @GetMapping("/api/people/{personId}/orders")
    @PreAuthorize(READERS)
    List<CourtOrder> orders(@PathVariable UUID personId) {
        return legal.orders(new PersonId(personId));
    }

    @GetMapping("/api/orders/{id}")
    @PreAuthorize(READERS)
    CourtOrder order(@PathVariable UUID id) {
        return legal.order(id);
    }

    @PostMapping("/api/orders/{id}/status")
    @PreAuthorize(ENTERS)
    CourtOrder changeOrderStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return legal.changeOrderStatus(id, request.status(), request.reason());
    }

    @PostMapping("/api/orders/{id}/quality-review")
    @PreAuthorize(ENTERS)
    CourtOrder reviewOrderQuality(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return legal.reviewOrderQuality(id, request.reason());
    }

    @GetMapping("/api/legal/orders-to-review")
    @PreAuthorize(READERS)
    List<CourtOrder> ordersToReview() {
        return legal.ordersToReview();
    }

    // ---- holds

    @PostMapping("/api/people/{personId}/holds")
    @PreAuthorize(ENTERS)
    ResponseEntity<Hold> enterHold(@PathVariable UUID personId, @Valid @RequestBody HoldRequest request) {
        Hold hold = legal.enterHold(new NewHold(new PersonId(personId), request.source(), request.issuedBy(),
                request.caseNumber(), request.receivedAt(), request.summary(), request.documentReference()));
        return ResponseEntity.created(URI.create("/api/holds/" + hold.id())).body(hold);
    }

    @GetMapping("/api/people/{personId}/holds")
    @PreAuthorize(READERS)
    List<Hold> holds(@PathVariable UUID personId) {
        return legal.holds(new PersonId(personId));
    }

    @GetMapping("/api/holds/{id}")
    @PreAuthorize(READERS)
    Hold hold(@PathVariable UUID id) {
        return legal.hold(id);
    }

    @PostMapping("/api/holds/{id}/verify")
    @PreAuthorize("hasAnyRole('LEGAL','SUPERVISOR')")
    Hold verifyHold(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return legal.verifyHold(id, request.reason());
    }

    @PostMapping("/api/holds/{id}/withdraw")
    @PreAuthorize("hasAnyRole('LEGAL','SUPERVISOR')")
    Hold withdrawHold(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return legal.withdrawHold(id, request.reason());
    }

    @GetMapping("/api/legal/holds")
    @PreAuthorize(READERS)
    List<Hold> provisionalHolds() {
        return legal.provisionalHolds();
    }

    // ---- the person's legal summary, reviews, residences, notices, fear claims

    @GetMapping("/api/people/{personId}/legal")
    @PreAuthorize(READERS)
    LegalSummary summary(@PathVariable UUID personId) {
        return legal.summary(new PersonId(personId));
    }

    @PostMapping("/api/people/{personId}/legal/reviews")
    @PreAuthorize(ENTERS)
    ResponseEntity<LegalReview> review(@PathVariable UUID personId, @Valid @RequestBody ReviewRequest request) {
        return ResponseEntity.status(201).body(legal.recordReview(new PersonId(personId), request.country(),
                request.sourcesChecked(), request.conclusion()));
    }

    @PostMapping("/api/people/{personId}/legal/residences")
    @PreAuthorize(ENTERS)
    Set<String> residence(@PathVariable UUID personId, @Valid @RequestBody ResidenceRequest request) {
        return legal.addResidence(new PersonId(personId), request.country());
    }

    @PostMapping("/api/people/{personId}/legal/notices")
    @PreAuthorize(ENTERS)
    ResponseEntity<Notice> notice(@PathVariable UUID personId, @Valid @RequestBody NoticeRequest request) {
        return ResponseEntity.status(201).body(legal.recordNotice(new PersonId(personId), request.country(),
                request.servedAt(), request.toPerson(), request.toCounsel(), request.language(), request.method(),
                request.explainsHowToContest()));
    }

    @PostMapping("/api/people/{personId}/legal/fear-claims")
    @PreAuthorize(ENTERS)
    ResponseEntity<FearClaim> fearClaim(@PathVariable UUID personId, @Valid @RequestBody FearClaimRequest request) {
        return ResponseEntity.status(201).body(legal.raiseFearClaim(new PersonId(personId), request.country(),
                request.raisedAt(), request.summary()));
    }

    @PostMapping("/api/fear-claims/{id}/resolve")
    @PreAuthorize(ENTERS)
    FearClaim resolveFearClaim(@PathVariable UUID id, @Valid @RequestBody FearClaimDecision request) {
        return legal.resolveFearClaim(id, request.status(), request.reason());
    }

    // ---- injunctions

    @PostMapping("/api/injunctions")
    @PreAuthorize(ENTERS)
    ResponseEntity<Injunction> enterInjunction(@Valid @RequestBody InjunctionRequest r) {
        Injunction injunction = legal.enterInjunction(new NewInjunction(r.issuedBy(), r.caseNumber(), r.decidedOn(),
                r.status(), r.effectiveFrom(), r.expiresOn(), r.documentReference(), r.summary(), r.nationalities(),
                r.removalBasis(), r.facilities(), r.arrestedFrom(), r.arrestedTo()));
        return ResponseEntity.created(URI.create("/api/injunctions/" + injunction.id())).body(injunction);
    }

    @GetMapping("/api/injunctions")
    @PreAuthorize(READERS)
    List<Injunction> injunctions() {
        return legal.injunctions();
    }

    @GetMapping("/api/injunctions/{id}")
    @PreAuthorize(READERS)
    Injunction injunction(@PathVariable UUID id) {
        return legal.injunction(id);
    }

    @PostMapping("/api/injunctions/{id}/status")
    @PreAuthorize(ENTERS)
    Injunction changeInjunctionStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return legal.changeInjunctionStatus(id, request.status(), request.reason());
    }

    // ---- policy

    @PostMapping("/api/legal/policies")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Policy> setPolicy(@Valid @RequestBody PolicyRequest request) {
        return ResponseEntity.status(201).body(legal.setPolicy(request.name(), request.value(),
                request.effectiveFrom(), request.citation()));
    }

    @GetMapping("/api/legal/policies")
    @PreAuthorize("hasAnyRole('ADMIN','LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')")
    List<Policy> policies() {
        return legal.policies();
    }
}

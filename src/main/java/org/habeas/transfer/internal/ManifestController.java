package org.habeas.transfer.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.habeas.common.Idempotency;
import org.habeas.people.RecordedSex;
import org.habeas.transfer.HandedOver;
import org.habeas.transfer.Handover;
import org.habeas.transfer.LineDraft;
import org.habeas.transfer.Manifest;
import org.habeas.transfer.ManifestDirection;
import org.habeas.transfer.ManifestService;
import org.habeas.transfer.ManifestVersion;
import org.habeas.transfer.ManifestedPerson;
import org.habeas.transfer.NewArrival;
import org.habeas.transfer.NewManifest;
import org.habeas.transfer.Reconciliation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manifests over the API (REQ-53 to REQ-55). Sending agencies' clients and intake officers build versions; a
 * supervisor approves (never the version's builder); intake officers, agencies and housing officers board and
 * check in; housing officers, who board and hand over, supervisors, directors, legal officers and inspectors read.
 * An agency sees its own manifests only.
 */
@RestController
@RequestMapping("/api/manifests")
class ManifestController {

    static final String READERS =
            "hasAnyRole('AGENCY','INTAKE','HOUSING','SUPERVISOR','DIRECTOR','LEGAL','INSPECTOR')";
    static final String BUILDERS = "hasAnyRole('AGENCY','INTAKE')";
    static final String APPROVERS = "hasRole('SUPERVISOR')";
    static final String BOARDERS = "hasAnyRole('AGENCY','INTAKE','HOUSING')";
    static final String CHECKS_IN = "hasRole('INTAKE')";
    static final String HANDS_OVER = "hasRole('HOUSING')";

    private final ManifestService manifests;
    private final Idempotency idempotency;

    ManifestController(ManifestService manifests, Idempotency idempotency) {
        this.manifests = manifests;
        this.idempotency = idempotency;
    }

    record IdentityRequest(@Size(max = 200) String givenNames, @NotBlank @Size(max = 200) String firstFamilyName,
                           @Size(max = 200) String secondFamilyName, LocalDate birthDate,
                           @Pattern(regexp = "[A-Za-z]{2}") String nationality, RecordedSex recordedSex) {

        NewArrival toArrival() {
            return new NewArrival(givenNames, firstFamilyName, secondFamilyName, birthDate, nationality, recordedSex);
        }
    }

    record LineRequest(@NotBlank @Size(max = 100) String ref, UUID personId, @Valid IdentityRequest identity,
                       @Size(max = 100) String category, @Size(max = 40) String basisType,
                       @Size(max = 300) String basisReference) {

        LineDraft toDraft() {
            return new LineDraft(ref, personId, identity == null ? null : identity.toArrival(), category, basisType,
                    basisReference);
        }
    }

    record ManifestRequest(@NotNull ManifestDirection direction, @NotNull UUID agreementId,
                           @NotBlank @Size(max = 200) String carrier, @NotBlank @Size(max = 100) String journey,
                           @NotBlank @Size(max = 200) String origin,
                           @Pattern(regexp = "[A-Z0-9-]{2,20}") String destinationFacility,
                           @Size(max = 300) String destinationAuthority,
                           @NotBlank @Size(max = 10) String destinationCountry, @NotNull Instant scheduledAt,
                           @NotBlank @Size(max = 300) String sendingAgency,
                           @NotNull @Size(min = 1, max = ManifestService.LONGEST) List<@NotNull @Valid LineRequest> lines,
                           @Size(max = ManifestService.LONGEST) List<@NotNull @Valid LineRequest> alternates) {

        NewManifest toCommand() {
            return new NewManifest(direction, agreementId, carrier, journey, origin, destinationFacility,
                    destinationAuthority, destinationCountry, scheduledAt, sendingAgency, drafts(lines),
                    drafts(alternates));
        }
    }

    record RevisionRequest(@NotNull Integer basedOn, @NotBlank @Size(max = 2000) String reason,
                           @NotNull @Size(min = 1, max = ManifestService.LONGEST) List<@NotNull @Valid LineRequest> lines,
                           @Size(max = ManifestService.LONGEST) List<@NotNull @Valid LineRequest> alternates) {
    }

    record PromotionRequest(@NotBlank @Size(max = 100) String alternate, @Size(max = 100) String replacing,
                            @NotBlank @Size(max = 2000) String reason) {
    }

    record BoardingRequest(@NotNull Integer version,
                           @NotNull @Size(min = 1, max = ManifestService.LONGEST) List<@NotBlank String> boarded) {
    }

    record ArrivalRequest(@NotNull Integer version,
                          @NotNull @Size(max = ManifestService.LONGEST) List<@NotBlank String> arrived) {
    }

    record AssessmentRequest(@NotBlank @Size(max = 4000) String persecutionRisk,
                             @NotBlank @Size(max = 4000) String tortureRisk,
                             @NotBlank @Size(max = 4000) String disappearanceRisk,
                             @NotBlank @Size(max = 4000) String facilityConditions,
                             @NotBlank @Size(max = 300) String assessedBy) {
    }

    record HandoverRequest(@NotBlank @Size(max = 100) String ref, @NotBlank @Size(max = 300) String receivingOfficial,
                           @NotBlank @Size(max = 300) String place, @NotNull Instant at,
                           @NotBlank @Size(max = 200) String receiptReference,
                           @NotNull @Valid AssessmentRequest nonRefoulement) {

        Handover toHandover() {
            return new Handover(ref, receivingOfficial, place, at, receiptReference, new Handover.Assessment(
                    nonRefoulement.persecutionRisk(), nonRefoulement.tortureRisk(),
                    nonRefoulement.disappearanceRisk(), nonRefoulement.facilityConditions(),
                    nonRefoulement.assessedBy()));
        }
    }

    /** A manifest with one of its versions: what a submission, revision or approval answers. */
    record ManifestAnswer(Manifest manifest, ManifestVersion version) {
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize(BUILDERS)
    ResponseEntity<ManifestAnswer> submit(@Valid @RequestBody ManifestRequest request,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/manifests", request, ManifestAnswer.class, () -> {
            ManifestVersion v = manifests.submit(request.toCommand());
            return ResponseEntity.created(URI.create("/api/manifests/" + v.manifest()))
                    .body(new ManifestAnswer(manifests.manifest(v.manifest()), v));
        });
    }

    /**
     * Submits a manifest whose lines come as CSV ({@link ManifestCsv}) and whose particulars are query parameters;
     * every malformed line is reported with its line number and field, and nothing is written.
     */
    @PostMapping(consumes = "text/csv")
    @PreAuthorize(BUILDERS)
    ResponseEntity<ManifestAnswer> upload(@Valid ManifestParticulars particulars, @RequestBody String csv,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/manifests (CSV)", java.util.List.of(particulars, csv),
                ManifestAnswer.class, () -> {
                    ManifestCsv.Lines lines = ManifestCsv.parse(csv);
                    ManifestVersion v = manifests.submit(particulars.toCommand(lines));
                    return ResponseEntity.created(URI.create("/api/manifests/" + v.manifest()))
                            .body(new ManifestAnswer(manifests.manifest(v.manifest()), v));
                });
    }

    /** The particulars of a CSV upload, as query parameters. */
    record ManifestParticulars(@NotNull ManifestDirection direction, @NotNull UUID agreementId,
                               @NotBlank @Size(max = 200) String carrier, @NotBlank @Size(max = 100) String journey,
                               @NotBlank @Size(max = 200) String origin,
                               @Pattern(regexp = "[A-Z0-9-]{2,20}") String destinationFacility,
                               @Size(max = 300) String destinationAuthority,
                               @NotBlank @Size(max = 10) String destinationCountry, @NotNull Instant scheduledAt,
                               @NotBlank @Size(max = 300) String sendingAgency) {

        NewManifest toCommand(ManifestCsv.Lines lines) {
            return new NewManifest(direction, agreementId, carrier, journey, origin, destinationFacility,
                    destinationAuthority, destinationCountry, scheduledAt, sendingAgency, lines.lines(),
                    lines.alternates());
        }
    }

    @GetMapping
    @PreAuthorize(READERS)
    List<Manifest> list() {
        return manifests.manifests();
    }

    /** A person the reader's manifests carried, at facility level: an agency follows the people it sent. */
    @GetMapping("/people/{person}")
    @PreAuthorize(READERS)
    ManifestedPerson person(@PathVariable UUID person) {
        return manifests.manifestedPerson(person);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Manifest one(@PathVariable UUID id) {
        return manifests.manifest(id);
    }

    @GetMapping("/{id}/versions")
    @PreAuthorize(READERS)
    List<ManifestVersion> versions(@PathVariable UUID id) {
        return manifests.versions(id);
    }

    @GetMapping("/{id}/versions/{version}")
    @PreAuthorize(READERS)
    ManifestVersion version(@PathVariable UUID id, @PathVariable int version) {
        return manifests.version(id, version);
    }


    @PostMapping("/{id}/versions")
    @PreAuthorize(BUILDERS)
    ResponseEntity<ManifestAnswer> revise(@PathVariable UUID id, @Valid @RequestBody RevisionRequest request) {
        ManifestVersion v = manifests.revise(id, request.basedOn(), request.reason(), drafts(request.lines()),
                drafts(request.alternates()));
        return ResponseEntity.created(URI.create("/api/manifests/%s/versions/%d".formatted(id, v.version())))
                .body(new ManifestAnswer(manifests.manifest(id), v));
    }

    /** Promotes an alternate of version {@code version} (the latest) into a new version, to be vetted and approved. */
    @PostMapping("/{id}/versions/{version}/promote")
    @PreAuthorize(BUILDERS)
    ResponseEntity<ManifestAnswer> promote(@PathVariable UUID id, @PathVariable int version,
                                           @Valid @RequestBody PromotionRequest request) {
        ManifestVersion v = manifests.promote(id, version, request.alternate(), request.replacing(),
                request.reason());
        return ResponseEntity.created(URI.create("/api/manifests/%s/versions/%d".formatted(id, v.version())))
                .body(new ManifestAnswer(manifests.manifest(id), v));
    }

    @PostMapping("/{id}/versions/{version}/approve")
    @PreAuthorize(APPROVERS)
    ManifestAnswer approve(@PathVariable UUID id, @PathVariable int version) {
        ManifestVersion v = manifests.approve(id, version);
        return new ManifestAnswer(manifests.manifest(id), v);
    }

    record RefusalRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/versions/{version}/refuse")
    @PreAuthorize(APPROVERS)
    ManifestAnswer refuse(@PathVariable UUID id, @PathVariable int version,
                          @Valid @RequestBody RefusalRequest request) {
        ManifestVersion v = manifests.refuse(id, version, request.reason());
        return new ManifestAnswer(manifests.manifest(id), v);
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize(BOARDERS)
    Manifest dispatch(@PathVariable UUID id, @Valid @RequestBody BoardingRequest request) {
        return manifests.dispatch(id, request.version(), request.boarded());
    }

    @PostMapping("/{id}/arrivals")
    @PreAuthorize(CHECKS_IN)
    Reconciliation arrivals(@PathVariable UUID id, @Valid @RequestBody ArrivalRequest request) {
        return manifests.checkIn(id, request.version(), request.arrived());
    }

    /** The handover of one boarded person to the foreign authority; every field is required (REQ-40, REQ-48). */
    @PostMapping("/{id}/handovers")
    @PreAuthorize(HANDS_OVER)
    ResponseEntity<HandedOver> handOver(@PathVariable UUID id, @Valid @RequestBody HandoverRequest request) {
        HandedOver done = manifests.handOver(id, request.toHandover());
        return ResponseEntity.created(URI.create("/api/manifests/%s/handovers/%s".formatted(id, done.ref())))
                .body(done);
    }

    private static List<LineDraft> drafts(List<LineRequest> lines) {
        return lines == null ? List.of() : lines.stream().map(LineRequest::toDraft).toList();
    }
}

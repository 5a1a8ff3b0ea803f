package org.habeas.custody.placement.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.habeas.custody.placement.Allegation;
import org.habeas.custody.placement.Associations;
import org.habeas.custody.placement.NonAssociation;
import org.habeas.custody.StatusChange;
import org.habeas.people.PersonId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Allegations (recorded by intake, legal officers and supervisors; their status changed by legal officers and
 * supervisors) and non-associations (recorded, closed and reopened by the officers who place people).
 */
@RestController
class AssociationController {

    private static final String READERS =
            "hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')";
    private static final String PLACERS = "hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR')";

    private final Associations associations;

    AssociationController(Associations associations) {
        this.associations = associations;
    }

    record AllegationRequest(@NotNull Allegation.Kind kind, @NotBlank @Size(max = 100) String group,
                             @NotBlank @Size(max = 300) String source, @Size(max = 300) String evidenceReference,
                             Allegation.Status status) {
    }

    record AllegationStatusRequest(@NotNull Allegation.Status status, @NotBlank @Size(max = 1000) String reason) {
    }

    record NonAssociationRequest(UUID personA, UUID personB, @Size(max = 100) String groupA,
                                 @Size(max = 100) String groupB, @NotNull NonAssociation.Scope scope,
                                 @NotBlank @Size(max = 1000) String reason, @NotBlank @Size(max = 300) String source) {
    }

    record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/people/{personId}/allegations")
    @PreAuthorize("hasAnyRole('INTAKE','LEGAL','SUPERVISOR')")
    ResponseEntity<Allegation> allege(@PathVariable UUID personId, @Valid @RequestBody AllegationRequest request) {
        Allegation created = associations.allege(new PersonId(personId), request.kind(), request.group(),
                request.source(), request.evidenceReference(), request.status());
        return ResponseEntity.created(URI.create("/api/allegations/" + created.id())).body(created);
    }

    @GetMapping("/api/people/{personId}/allegations")
    @PreAuthorize(READERS)
    List<Allegation> allegations(@PathVariable UUID personId) {
        return associations.allegations(new PersonId(personId));
    }

    @PutMapping("/api/allegations/{id}/status")
    @PreAuthorize("hasAnyRole('LEGAL','SUPERVISOR')")
    Allegation changeAllegation(@PathVariable UUID id, @Valid @RequestBody AllegationStatusRequest request) {
        return associations.changeAllegation(id, request.status(), request.reason());
    }

    @PostMapping("/api/non-associations")
    @PreAuthorize(PLACERS)
    ResponseEntity<NonAssociation> keepApart(@Valid @RequestBody NonAssociationRequest request) {
        NonAssociation created = associations.keepApart(
                request.personA() == null ? null : new PersonId(request.personA()),
                request.personB() == null ? null : new PersonId(request.personB()), request.groupA(), request.groupB(),
                request.scope(), request.reason(), request.source());
        return ResponseEntity.created(URI.create("/api/non-associations/" + created.id())).body(created);
    }

    @GetMapping("/api/people/{personId}/non-associations")
    @PreAuthorize(READERS)
    List<NonAssociation> nonAssociations(@PathVariable UUID personId) {
        return associations.nonAssociations(new PersonId(personId));
    }

    /** The person's open non-associations whose two people are held within its scope of each other now. */
    @GetMapping("/api/people/{personId}/non-associations/held-together")
    @PreAuthorize(READERS)
    Set<UUID> heldTogether(@PathVariable UUID personId) {
        return associations.heldTogether(new PersonId(personId));
    }

    @PostMapping("/api/non-associations/{id}/close")
    @PreAuthorize(PLACERS)
    NonAssociation close(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        associations.requireVisible(id);
        return associations.changeNonAssociation(id, NonAssociation.Status.CLOSED, request.reason());
    }

    @PostMapping("/api/non-associations/{id}/reopen")
    @PreAuthorize(PLACERS)
    NonAssociation reopen(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        associations.requireVisible(id);
        return associations.changeNonAssociation(id, NonAssociation.Status.OPEN, request.reason());
    }

    @GetMapping("/api/placement-records/{id}/history")
    @PreAuthorize(READERS)
    List<StatusChange> history(@PathVariable UUID id) {
        return associations.visibleHistory(id);
    }
}

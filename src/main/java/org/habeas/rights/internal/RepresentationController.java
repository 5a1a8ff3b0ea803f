package org.habeas.rights.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.habeas.people.PersonId;
import org.habeas.rights.Representation;
import org.habeas.rights.RepresentationService;
import org.habeas.rights.RepresentedPerson;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Verified representatives (REQ-16) over the API: legal officers verify and revoke them; a representative reads the
 * people they are verified for.
 */
@RestController
class RepresentationController {

    static final String VERIFIES = "hasRole('LEGAL')";
    static final String READS = "hasAnyRole('LEGAL','SUPERVISOR','INSPECTOR')";
    static final String REPRESENTS = "hasRole('REPRESENTATIVE')";

    private final RepresentationService representation;

    RepresentationController(RepresentationService representation) {
        this.representation = representation;
    }

    record VerifyRequest(@NotBlank @Size(max = 64) String username, @NotNull Representation.Kind kind,
                         @NotBlank @Size(max = 1000) String evidence) {
    }

    @PostMapping("/api/people/{person}/representatives")
    @PreAuthorize(VERIFIES)
    ResponseEntity<Representation> verify(@PathVariable UUID person, @Valid @RequestBody VerifyRequest request) {
        Representation verified = representation.verify(new PersonId(person), request.username().strip(),
                request.kind(), request.evidence().strip());
        return ResponseEntity.created(URI.create("/api/people/" + person + "/representatives/" + verified.id()))
                .body(verified);
    }

    @GetMapping("/api/people/{person}/representatives")
    @PreAuthorize(READS)
    List<Representation> representatives(@PathVariable UUID person) {
        return representation.representatives(new PersonId(person));
    }

    @PostMapping("/api/people/{person}/representatives/{id}/revoke")
    @PreAuthorize(VERIFIES)
    Representation revoke(@PathVariable UUID person, @PathVariable UUID id) {
        return representation.revoke(new PersonId(person), id);
    }

    @GetMapping("/api/represented")
    @PreAuthorize(REPRESENTS)
    List<RepresentedPerson> mine() {
        return representation.mine();
    }

    @GetMapping("/api/represented/{person}")
    @PreAuthorize(REPRESENTS)
    RepresentedPerson one(@PathVariable UUID person) {
        return representation.view(new PersonId(person));
    }

}

package org.habeas.access.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.habeas.access.AccessService;
import org.habeas.access.ApiToken;
import org.habeas.access.HabeasUser;
import org.habeas.access.IssuedToken;
import org.habeas.common.Idempotency;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal and service-account API tokens. Anyone signed in manages their own tokens; ADMIN also issues tokens
 * for other users (a sending agency's client) and sees and revokes everyone's. Another user's token is
 * answered as not found, so token ids do not leak.
 */
@RestController
@RequestMapping("/api/access/tokens")
@PreAuthorize("isAuthenticated()")
class TokenController {

    private final AccessService access;
    private final Idempotency idempotency;

    TokenController(AccessService access, Idempotency idempotency) {
        this.access = access;
        this.idempotency = idempotency;
    }

    record IssueTokenRequest(@NotBlank @Size(max = 100) String name,
                             @Min(1) @Max(365) Integer validDays,
                             UUID forUser) {
    }

    record IssuedTokenResponse(UUID id, String name, String owner, String token, Instant expiresAt) {
        static IssuedTokenResponse from(IssuedToken issued) {
            return new IssuedTokenResponse(issued.token().id(), issued.token().name(), issued.token().username(),
                    issued.secret(), issued.token().expiresAt());
        }

        /** What a repeat with the same Idempotency-Key gets: the token, never its secret, which is shown once. */
        IssuedTokenResponse withoutSecret() {
            return new IssuedTokenResponse(id, name, owner, null, expiresAt);
        }
    }

    @PostMapping
    ResponseEntity<IssuedTokenResponse> issue(@Valid @RequestBody IssueTokenRequest request,
                                              @AuthenticationPrincipal HabeasUser user,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        UUID owner = request.forUser() == null ? user.id() : request.forUser();
        Duration validFor = Duration.ofDays(request.validDays() == null ? 90 : request.validDays());
        return idempotency.run(key, "POST /api/access/tokens", request, IssuedTokenResponse.class, () -> {
            var issued = IssuedTokenResponse.from(access.issueToken(user, owner, request.name(), validFor));
            return ResponseEntity.created(URI.create("/api/access/tokens/" + issued.id())).body(issued);
        }, IssuedTokenResponse::withoutSecret);
    }

    @GetMapping
    List<ApiToken> list(@AuthenticationPrincipal HabeasUser user,
                        @RequestParam(name = "all", defaultValue = "false") boolean all) {
        return access.tokens(user, all);
    }

    @GetMapping("/{id}")
    ApiToken one(@PathVariable UUID id, @AuthenticationPrincipal HabeasUser user) {
        return access.token(user, id);
    }

    @DeleteMapping("/{id}")
    ApiToken revoke(@PathVariable UUID id, @AuthenticationPrincipal HabeasUser user,
                    @RequestParam(name = "reason", required = false) @Size(max = 500) String reason) {
        return access.revokeToken(user, id, reason);
    }
}

package org.habeas.access.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.habeas.access.AccessService;
import org.habeas.access.NewUser;
import org.habeas.access.Permission;
import org.habeas.access.Role;
import org.habeas.access.UserAccount;
import org.habeas.access.UserChange;
import org.habeas.common.Idempotency;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** User administration for ADMIN: create, change roles and scope, disable, unlock, reset a password. */
@RestController
@RequestMapping("/api/access/users")
@PreAuthorize("hasRole('ADMIN')")
class UserController {

    static final String USERNAME = "[a-z0-9._-]{3,64}";
    static final String FACILITY_CODE = "[A-Z0-9-]{2,20}";

    private final AccessService access;
    private final Idempotency idempotency;

    UserController(AccessService access, Idempotency idempotency) {
        this.access = access;
        this.idempotency = idempotency;
    }

    record CreateUserRequest(@NotBlank @Pattern(regexp = USERNAME) String username,
                             @NotBlank @Size(max = 200) String displayName,
                             @NotNull @Size(max = 128) String password,
                             @NotEmpty Set<@NotNull Role> roles,
                             Set<@NotNull @Pattern(regexp = FACILITY_CODE) String> facilities) {

        NewUser toCommand() {
            return new NewUser(username, displayName, password, roles, facilities == null ? Set.of() : facilities);
        }
    }

    record ChangeUserRequest(@Size(min = 1, max = 200) String displayName,
                             @Size(min = 1) Set<@NotNull Role> roles,
                             Set<@NotNull @Pattern(regexp = FACILITY_CODE) String> facilities,
                             Boolean enabled,
                             @NotBlank @Size(max = 500) String reason) {

        UserChange toCommand() {
            return new UserChange(displayName, roles, facilities, enabled, reason);
        }
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record PermissionsRequest(@NotNull Set<@NotNull Permission> permissions, @NotBlank @Size(max = 500) String reason) {
    }

    record PasswordRequest(@NotNull @Size(max = 128) String password, @NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    List<UserAccount> list() {
        return access.accounts();
    }

    @GetMapping("/{id}")
    UserAccount one(@PathVariable UUID id) {
        return access.account(id);
    }

    @PostMapping
    ResponseEntity<UserAccount> create(@Valid @RequestBody CreateUserRequest request,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        // The password is part of the fingerprint only through its hash-free request record; it is never stored.
        return idempotency.run(key, "POST /api/access/users", request.username(), UserAccount.class, () -> {
            UserAccount created = access.createUser(request.toCommand());
            return ResponseEntity.created(URI.create("/api/access/users/" + created.id())).body(created);
        });
    }

    @PatchMapping("/{id}")
    UserAccount change(@PathVariable UUID id, @Valid @RequestBody ChangeUserRequest request) {
        return access.changeUser(id, request.toCommand());
    }

    /** The confidential fields the user may read (REQ-14), granted apart from roles: exactly these, no others. */
    @PutMapping("/{id}/permissions")
    UserAccount permissions(@PathVariable UUID id, @Valid @RequestBody PermissionsRequest request) {
        return access.setPermissions(id, request.permissions(), request.reason());
    }

    @PostMapping("/{id}/unlock")
    UserAccount unlock(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return access.unlock(id, request.reason());
    }

    @PutMapping("/{id}/password")
    ResponseEntity<Void> resetPassword(@PathVariable UUID id, @Valid @RequestBody PasswordRequest request) {
        access.changePassword(id, request.password(), request.reason());
        return ResponseEntity.noContent().build();
    }
}

package org.habeas.access.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.habeas.access.AccessService;
import org.habeas.access.Permission;
import org.habeas.access.Role;
import org.habeas.access.UserAccount;
import org.habeas.access.internal.UserController.ChangeUserRequest;
import org.habeas.access.internal.UserController.CreateUserRequest;
import org.habeas.access.internal.UserController.PermissionsRequest;
import org.habeas.access.internal.UserController.ReasonRequest;
import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * User administration pages: the same service and the same request validation as {@code /api/access/users}, so a
 * form cannot store what the API would refuse (an empty reason, an overlong name).
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserPages {

    private final AccessService access;
    private final FormValidation forms;

    UserPages(AccessService access, FormValidation forms) {
        this.access = access;
        this.forms = forms;
    }

    @GetMapping
    String list(Model model) {
        List<UserAccount> users = access.accounts();
        model.addAttribute("users", users);
        model.addAttribute("roles", Role.values());
        model.addAttribute("permissions", Permission.values());
        return "access/users";
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
                  @RequestParam(required = false) List<Role> roles,
                  @RequestParam(defaultValue = "") String facilities, RedirectAttributes redirect) {
        return refusalsShown(redirect, () -> {
            var request = new CreateUserRequest(username.trim(), displayName.trim(), password, roleSet(roles),
                    facilityCodes(facilities));
            forms.require(request);
            var created = access.createUser(request.toCommand());
            redirect.addFlashAttribute("done", "users.created");
            redirect.addFlashAttribute("doneArg", created.username());
        });
    }

    @PostMapping("/{id}")
    String change(@PathVariable UUID id, @RequestParam(required = false) List<Role> roles,
                  @RequestParam(defaultValue = "") String facilities,
                  @RequestParam(defaultValue = "false") boolean enabled, @RequestParam String reason,
                  RedirectAttributes redirect) {
        return refusalsShown(redirect, () -> {
            var request = new ChangeUserRequest(null, roleSet(roles), facilityCodes(facilities), enabled, reason);
            forms.require(request);
            var changed = access.changeUser(id, request.toCommand());
            redirect.addFlashAttribute("done", "users.saved");
            redirect.addFlashAttribute("doneArg", changed.username());
        });
    }

    @PostMapping("/{id}/permissions")
    String permissions(@PathVariable UUID id, @RequestParam(required = false) List<Permission> permissions,
                       @RequestParam String reason, RedirectAttributes redirect) {
        return refusalsShown(redirect, () -> {
            var request = new PermissionsRequest(permissions == null ? Set.of() : EnumSet.copyOf(permissions), reason);
            forms.require(request);
            var changed = access.setPermissions(id, request.permissions(), request.reason());
            redirect.addFlashAttribute("done", "users.permissions.saved");
            redirect.addFlashAttribute("doneArg", changed.username());
        });
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes redirect) {
        return refusalsShown(redirect, () -> {
            forms.require(new ReasonRequest(reason));
            var unlocked = access.unlock(id, reason);
            redirect.addFlashAttribute("done", "users.unlocked");
            redirect.addFlashAttribute("doneArg", unlocked.username());
        });
    }

    // A refusal is shown on the page it came from, in the officer's language where the code has a message.
    private static String refusalsShown(RedirectAttributes redirect, Runnable command) {
        try {
            command.run();
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
            if (refused.properties().get("fields") instanceof List<?> fields) {
                redirect.addFlashAttribute("refusedFields", String.join(", ", fields.stream().map(String::valueOf)
                        .toList()));
            }
        }
        return "redirect:/admin/users";
    }

    private static Set<Role> roleSet(List<Role> roles) {
        return roles == null ? Set.of() : EnumSet.copyOf(roles);
    }

    private static Set<String> facilityCodes(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(java.util.Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}

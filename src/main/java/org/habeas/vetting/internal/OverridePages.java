package org.habeas.vetting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.habeas.access.HabeasUser;
import org.habeas.common.FormValidation;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.vetting.MovementOverride;
import org.habeas.vetting.OverridePlaces;
import org.habeas.vetting.OverrideStatus;
import org.habeas.vetting.VettingService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's override queue: pending requests with the denial each would lift; approve or refuse. Only a
 * user who may decide a request (its approver role, and not its requester: REQ-53) is offered the decision;
 * inspectors and directors read the queue (not the technical administrator: it names where people go and
 * why). Times are in the facility's time zone (docs/architecture.md, Pages).
 */
@Controller
@RequestMapping("/overrides")
@PreAuthorize("hasAnyRole('SUPERVISOR','LEGAL','INSPECTOR','DIRECTOR')")   // not ADMIN, as the API
class OverridePages {

    private static final String QUEUE = "redirect:/overrides";

    private final VettingService vetting;
    private final FormValidation forms;
    private final ObjectProvider<OverridePlaces> places;
    private final Clock clock;

    OverridePages(VettingService vetting, FormValidation forms, ObjectProvider<OverridePlaces> places, Clock clock) {
        this.vetting = vetting;
        this.forms = forms;
        this.places = places;
        this.clock = clock;
    }

    /**
     * One request as the queue shows it.
     *
     * @param mayDecide  whether the reader is offered approve and refuse
     * @param expired    whether it expired undecided: it can still be refused, no longer approved
     * @param ownRequest whether the reader asked for it (and so can never decide it)
     * @param toKey      the message key of the movement's destination, {@code toArgs} its arguments
     */
    record Row(MovementOverride o, boolean mayDecide, boolean expired, boolean ownRequest, ZonedDateTime requestedAt,
               ZonedDateTime expiresAt, ZonedDateTime decidedAt, String toKey, List<String> toArgs) {

        public Object[] toParams() {
            return toArgs.toArray();
        }
    }

    @GetMapping
    String queue(@RequestParam(required = false) OverrideStatus status, @AuthenticationPrincipal HabeasUser user,
                 Model model) {
        OverrideStatus shown = status == null ? OverrideStatus.PENDING : status;
        OverridePlaces known = places.getIfAvailable();
        Map<String, ZoneId> zones = new HashMap<>();
        Instant now = clock.instant();
        List<MovementOverride> overrides = vetting.overrides(shown, 200);
        Map<UUID, String> paths = known == null ? Map.of() : known.paths(overrides.stream()
                .map(o -> cellOf(o.movementKey())).filter(Objects::nonNull).distinct().toList());
        List<Row> rows = overrides.stream().map(o -> {
            ZoneId zone = o.facility() == null || known == null ? ZoneOffset.UTC
                    : zones.computeIfAbsent(o.facility(), f -> known.zone(f).orElse(ZoneOffset.UTC));
            Destination to = destination(o.movementKey(), paths);
            return new Row(o, vetting.mayDecide(o, user), o.expiredAt(now), o.requestedBy().equals(user.username()),
                    at(o.requestedAt(), zone), at(o.expiresAt(), zone), at(o.decidedAt(), zone), to.key(),
                    to.args());
        }).toList();
        model.addAttribute("status", shown);
        model.addAttribute("statuses", OverrideStatus.values());
        model.addAttribute("overrides", rows);
        return "vetting/overrides";
    }

    private static ZonedDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone);
    }

    // The destination part of VettingRequest.movementKey ("TRANSFER->facility:X") as a message key and arguments;
    // a cell by its path when the estate knows it.
    private static Destination destination(String movementKey, Map<UUID, String> paths) {
        Target to = Target.of(movementKey);
        int slash = to.value().indexOf('/');
        return switch (to.kind()) {
            case "location" -> new Destination("overrides.to.location", List.of(to.cell() == null ? to.value()
                    : paths.getOrDefault(to.cell(), to.value())));
            case "facility" -> new Destination("overrides.to.facility", List.of(to.value()));
            case "country" -> slash < 0 ? new Destination("overrides.to.country", List.of(to.value()))
                    : new Destination("overrides.to.countryAuthority",
                            List.of(to.value().substring(0, slash), to.value().substring(slash + 1)));
            default -> new Destination("overrides.to.none", List.of());
        };
    }

    /** The destination cell of a movement key, or null when it goes elsewhere or names no valid id. */
    private static UUID cellOf(String movementKey) {
        return Target.of(movementKey).cell();
    }

    /** The part of a movement key after "->": its kind ("location", "facility", "country", "none") and value. */
    private record Target(String kind, String value) {

        static Target of(String movementKey) {
            int arrow = movementKey.indexOf("->");
            String to = arrow < 0 ? "none" : movementKey.substring(arrow + 2);
            int colon = to.indexOf(':');
            return colon < 0 ? new Target(to, "") : new Target(to.substring(0, colon), to.substring(colon + 1));
        }

        UUID cell() {
            if (!kind.equals("location")) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException notAnId) {
                return null;
            }
        }
    }

    private record Destination(String key, List<String> args) {
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAnyRole('SUPERVISOR','LEGAL')")
    String approve(@PathVariable UUID id, @RequestParam String reason, @AuthenticationPrincipal HabeasUser user,
                   RedirectAttributes redirect) {
        return validReason(reason, redirect)
                ? shown(redirect, "overrides.approved", () -> vetting.approve(id, reason, user)) : QUEUE;
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize("hasAnyRole('SUPERVISOR','LEGAL')")
    String refuse(@PathVariable UUID id, @RequestParam String reason, @AuthenticationPrincipal HabeasUser user,
                  RedirectAttributes redirect) {
        return validReason(reason, redirect)
                ? shown(redirect, "overrides.refused", () -> vetting.refuse(id, reason, user)) : QUEUE;
    }

    // A reason the API would refuse (empty, or over 1,000 characters), checked by the API's own validation before
    // anything is decided, is shown on the queue in the officer's language instead of reaching the database.
    private boolean validReason(String reason, RedirectAttributes redirect) {
        try {
            forms.require(new OverrideController.DecisionRequest(reason));
            return true;
        } catch (InvalidRequest invalid) {
            redirect.addFlashAttribute("invalidReason", true);
            return false;
        }
    }

    // A refusal (own request, wrong role, expired) is shown on the queue in the officer's language.
    private static String shown(RedirectAttributes redirect, String done, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", done);
        } catch (HabeasException refused) {
            redirect.addFlashAttribute("refused", refused.code().name());
        }
        return QUEUE;
    }
}

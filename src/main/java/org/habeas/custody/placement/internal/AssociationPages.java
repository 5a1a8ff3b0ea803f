package org.habeas.custody.placement.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;


import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.habeas.custody.CustodyPageParts;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;
import org.habeas.common.PageRequest;
import org.habeas.custody.placement.Allegation;
import org.habeas.custody.placement.Associations;
import org.habeas.custody.placement.NonAssociation;
import org.habeas.custody.StatusChange;
import org.habeas.people.PeopleService;
import org.habeas.people.Person;
import org.habeas.people.PersonId;
import org.habeas.people.PersonQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's allegations and non-associations (REQ-20, REQ-22) as a fragment the person page pulls by URL (people
 * must not depend on custody): each record with its history; add, change the status of, close and reopen them,
 * with the roles of the API ({@link AssociationController}). Allegations are always labelled as allegations, with
 * their source and status. Forms post with htmx and get the fragment back, with the outcome on it.
 */
@Controller
@RequestMapping("/custody/people/{personId}/associations")
@PreAuthorize(AssociationPages.READERS)
class AssociationPages {

    static final String READERS = "hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')";
    static final String ALLEGERS = "hasAnyRole('INTAKE','LEGAL','SUPERVISOR')";
    static final String JUDGES = "hasAnyRole('LEGAL','SUPERVISOR')";
    static final String PLACERS = "hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR')";
    private static final String FRAGMENT = "custody/associations :: associations";

    private final Associations associations;
    private final PeopleService people;

    AssociationPages(Associations associations, PeopleService people) {
        this.associations = associations;
        this.people = people;
    }

    /** A record with its status changes, oldest first. */
    record Line<T>(T record, List<StatusChange> history) {
    }

    /** A non-association as this person's page shows it: with whom (a person, or a group alleged of them). */
    record Apart(NonAssociation record, String otherPerson, UUID otherPersonId, boolean heldTogether,
                 List<StatusChange> history) {
    }

    @GetMapping
    String show(@PathVariable UUID personId, @AuthenticationPrincipal HabeasUser user, Model model) {
        return fragment(personId, user, model);
    }

    @PostMapping("/allegations")
    @PreAuthorize(ALLEGERS)
    String allege(@PathVariable UUID personId, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String group, @RequestParam(required = false) String source,
                  @RequestParam(required = false) String evidenceReference,
                  @RequestParam(required = false) String status, @AuthenticationPrincipal HabeasUser user,
                  Model model) {
        return done(personId, user, model, "custody.assoc.alleged", () -> associations.allege(new PersonId(personId),
                choice(Allegation.Kind.class, kind, "kind", true), text(group, 100, "group", true),
                text(source, 300, "source", true), text(evidenceReference, 300, "evidenceReference", false),
                choice(Allegation.Status.class, status, "status", false)));
    }

    @PostMapping("/allegations/{id}/status")
    @PreAuthorize(JUDGES)
    String changeAllegation(@PathVariable UUID personId, @PathVariable UUID id,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String reason, @AuthenticationPrincipal HabeasUser user,
                            Model model) {
        return done(personId, user, model, "custody.assoc.allegationChanged", () -> {
            // Only this person's own allegation, so a page cannot reach a record of someone out of scope.
            if (associations.allegations(new PersonId(personId)).stream().noneMatch(a -> a.id().equals(id))) {
                throw new NotFound(ErrorCode.ALLEGATION_NOT_FOUND, "No allegation " + id + " of this person");
            }
            associations.changeAllegation(id, choice(Allegation.Status.class, status, "status", true),
                    text(reason, 1000, "reason", true));
        });
    }

    /** Keeps this person apart from another person (by register number or id) or their alleged group from another. */
    @PostMapping("/non-associations")
    @PreAuthorize(PLACERS)
    String keepApart(@PathVariable UUID personId, @RequestParam(required = false) String other,
                     @RequestParam(required = false) String groupA, @RequestParam(required = false) String groupB,
                     @RequestParam(required = false) String scope, @RequestParam(required = false) String reason,
                     @RequestParam(required = false) String source, @AuthenticationPrincipal HabeasUser user,
                     Model model) {
        return done(personId, user, model, "custody.assoc.keptApart", () -> {
            NonAssociation.Scope within = choice(NonAssociation.Scope.class, scope, "scope", true);
            String why = text(reason, 1000, "reason", true);
            String from = text(source, 300, "source", true);
            String a = text(groupA, 100, "groupA", false);
            String b = text(groupB, 100, "groupB", false);
            if (CustodyPageParts.blank(other) == (a == null && b == null)) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                        "Name either another person or two groups", "other", "groupA");
            }
            if (!CustodyPageParts.blank(other)) {
                associations.keepApart(new PersonId(personId), otherPerson(other), null, null, within, why, from);
            } else {
                if (a == null || b == null) {
                    throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Both groups are required",
                            a == null ? "groupA" : "groupB");
                }
                associations.keepApart(null, null, a, b, within, why, from);
            }
        });
    }

    @PostMapping("/non-associations/{id}/close")
    @PreAuthorize(PLACERS)
    String close(@PathVariable UUID personId, @PathVariable UUID id, @RequestParam(required = false) String reason,
                 @AuthenticationPrincipal HabeasUser user, Model model) {
        return change(personId, id, NonAssociation.Status.CLOSED, reason, user, model);
    }

    @PostMapping("/non-associations/{id}/reopen")
    @PreAuthorize(PLACERS)
    String reopen(@PathVariable UUID personId, @PathVariable UUID id, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal HabeasUser user, Model model) {
        return change(personId, id, NonAssociation.Status.OPEN, reason, user, model);
    }

    private String change(UUID personId, UUID id, NonAssociation.Status status, String reason, HabeasUser user,
                          Model model) {
        return done(personId, user, model, status == NonAssociation.Status.OPEN ? "custody.assoc.reopened"
                : "custody.assoc.closed", () -> {
            if (associations.nonAssociations(new PersonId(personId)).stream().noneMatch(n -> n.id().equals(id))) {
                throw new NotFound(ErrorCode.NON_ASSOCIATION_NOT_FOUND, "No non-association " + id + " of this person");
            }
            associations.changeNonAssociation(id, status, text(reason, 1000, "reason", true));
        });
    }

    // Runs a change; the fragment comes back with what was done, or with the refusal and nothing written.
    private String done(UUID personId, HabeasUser user, Model model, String message, Runnable change) {
        people.requireVisible(new PersonId(personId));   // out of scope or not there: 404 from the handler below
        try {
            change.run();
            model.addAttribute("done", message);
        } catch (HabeasException refused) {
            model.addAttribute("refused", CustodyPageParts.Refusal.of(refused));
        }
        return fragment(personId, user, model);
    }

    private String fragment(UUID personId, HabeasUser user, Model model) {
        PersonId id = new PersonId(personId);
        people.requireVisible(id);   // the fragment shows the person's records, not their identity
        model.addAttribute("pid", personId);
        model.addAttribute("allegations", associations.allegations(id).stream()
                .map(a -> new Line<>(a, associations.history(a.id()))).toList());
        Set<UUID> together = associations.heldTogether(id);
        model.addAttribute("nonAssociations", associations.nonAssociations(id).stream().map(n -> {
            UUID other = n.betweenGroups() ? null : personId.equals(n.personA()) ? n.personB() : n.personA();
            return new Apart(n, other == null ? null : label(other), other, together.contains(n.id()),
                    associations.history(n.id()));
        }).toList());
        model.addAttribute("canAllege", user.has(Role.INTAKE) || user.has(Role.LEGAL) || user.has(Role.SUPERVISOR));
        model.addAttribute("canJudge", user.has(Role.LEGAL) || user.has(Role.SUPERVISOR));
        model.addAttribute("canKeepApart", user.has(Role.INTAKE) || user.has(Role.HOUSING) || user.has(Role.LEGAL)
                || user.has(Role.SUPERVISOR));
        model.addAttribute("allegationKinds", Allegation.Kind.values());
        model.addAttribute("allegationStatuses", Allegation.Status.values());
        model.addAttribute("scopes", NonAssociation.Scope.values());
        return FRAGMENT;
    }

    // The other person's register number and name when the officer may see them; the id otherwise.
    private String label(UUID other) {
        try {
            Person person = people.person(new PersonId(other));
            return person.registerNumber() + " " + person.displayName();
        } catch (HabeasException outOfScope) {
            return other.toString();
        }
    }

    // Another person by id, or by register number (exactly one match).
    private PersonId otherPerson(String text) {
        String t = text.strip();
        try {
            return new PersonId(UUID.fromString(t));
        } catch (IllegalArgumentException notAnId) {
            var found = people.search(new PersonQuery(null, t, null, null, null, null), new PageRequest(0, 2));
            if (found.items().size() != 1) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "No single person with the number " + t,
                        "other");
            }
            return found.items().get(0).person().id();
        }
    }

    private static String text(String value, int max, String field, boolean required) {
        if (CustodyPageParts.blank(value)) {
            if (required) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, field + " is required", field);
            }
            return null;
        }
        if (value.strip().length() > max) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, field + " is longer than " + max, field);
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, boolean required) {
        if (CustodyPageParts.blank(value)) {
            if (required) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, field + " is required", field);
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a choice: " + value, field);
        }
    }
}

package org.habeas.rights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.access.AccessService;
import org.habeas.access.FacilityScope;
import org.habeas.access.Role;
import org.habeas.access.UserAccount;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.Conflict;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;
import org.habeas.custody.CustodyService;
import org.habeas.custody.Movement;
import org.habeas.custody.MovementKind;
import org.habeas.people.PeopleService;
import org.habeas.people.Person;
import org.habeas.people.PersonId;
import org.habeas.rights.internal.RepresentationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verified representatives (REQ-16, ICPPED Art. 18): a legal officer verifies that a REPRESENTATIVE account is the
 * person's counsel or a relative, on evidence; that account then sees where the person is and has been and how the
 * duties to tell their people stand, for that person only. Every verification, revocation and view is journaled.
 */
@Service
public class RepresentationService {

    private final RepresentationRepository repository;
    private final AccessService access;
    private final PeopleService people;
    private final CustodyService custody;
    private final RightsService rights;
    private final LocatorService locator;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;

    RepresentationService(RepresentationRepository repository, AccessService access,
                          PeopleService people, CustodyService custody, RightsService rights, LocatorService locator,
                          FacilityScope scope, Journal journal, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.people = people;
        this.custody = custody;
        this.rights = rights;
        this.locator = locator;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Verifies {@code username} as the person's counsel or relative on {@code evidence}. Refused with USER_NOT_FOUND,
     * REPRESENTATIVE_ROLE_REQUIRED (the account is not a representative's: an officer's account never gets this
     * view), REPRESENTATION_IN_FORCE (already verified) and PERSON_NOT_FOUND out of the officer's scope.
     */
    @Transactional
    public Representation verify(PersonId person, String username, Representation.Kind kind, String evidence) {
        people.requireVisible(person);
        UserAccount account = access.accountNamed(username)
                .orElseThrow(() -> new NotFound(ErrorCode.USER_NOT_FOUND, "No user " + username));
        if (!account.roles().equals(Set.of(Role.REPRESENTATIVE))) {
            throw new InvalidRequest(ErrorCode.REPRESENTATIVE_ROLE_REQUIRED, "User " + username
                    + " must hold the role REPRESENTATIVE and no other", "username");
        }
        UUID id = UUID.randomUUID();
        if (!repository.insert(id, account.id(), person.value(), kind, evidence, clock.instant(),
                scope.actorName())) {
            throw new Conflict(ErrorCode.REPRESENTATION_IN_FORCE, username + " is already verified for this person");
        }
        journal.append(JournalEntry.of("REPRESENTATIVE_VERIFIED", "person", person.toString())
                .withDetails(Map.of("representation", id.toString(), "username", username, "kind", kind.name())));
        return repository.ofPerson(person.value()).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** The person's representatives, newest first; PERSON_NOT_FOUND out of scope. */
    public List<Representation> representatives(PersonId person) {
        people.requireVisible(person);
        return repository.ofPerson(person.value());
    }

    /** Revokes a verification in force; REPRESENTATION_NOT_FOUND for another person's or one already revoked. */
    @Transactional
    public Representation revoke(PersonId person, UUID representation) {
        people.requireVisible(person);
        if (!repository.revoke(person.value(), representation, clock.instant(), scope.actorName())) {
            throw new NotFound(ErrorCode.REPRESENTATION_NOT_FOUND, "No representation " + representation
                    + " in force for this person");
        }
        journal.append(JournalEntry.of("REPRESENTATIVE_REVOKED", "person", person.toString())
                .withDetails(Map.of("representation", representation.toString())));
        return repository.ofPerson(person.value()).stream().filter(r -> r.id().equals(representation))
                .findFirst().orElseThrow();
    }

    /** Every person the signed-in representative is verified for, as {@link #view} shows each. */
    @Transactional
    public List<RepresentedPerson> mine() {
        return repository.inForceOfUser(currentUser()).stream()
                .map(r -> view(new PersonId(r.person()), r)).toList();
    }

    /** The person, as the signed-in representative may see them; PERSON_NOT_FOUND unless verified for them. */
    @Transactional
    public RepresentedPerson view(PersonId person) {
        Representation r = repository.inForce(currentUser(), person.value())
                .orElseThrow(() -> PeopleService.notFound(person));
        return view(person, r);
    }

    private RepresentedPerson view(PersonId id, Representation r) {
        Person person = people.person(id);
        Optional<LocatorRestriction> restriction = locator.restrictionInForce(id);
        if (restriction.isPresent()) {
            return new RepresentedPerson(id.value(), person.registerNumber(), person.displayName(), r.kind(), null,
                    List.of(), List.of(), restriction.get().ground(), restriction.get().orderedBy());
        }
        LocatorAnswer now = custody.standing(id).map(locator::found).orElse(null);
        List<RepresentedPerson.Step> history = new ArrayList<>();
        for (Movement m : custody.ledger(id)) {
            MovementKind kind = m.standsFor();
            if (m.superseded() || kind == null) {
                continue;
            }
            String to = switch (kind) {
                case TRANSFERRED_OUT, TEMPORARILY_OUT, HANDED_OVER, REMOVED -> m.destination();
                default -> null;
            };
            history.add(new RepresentedPerson.Step(m.occurredAt(), kind.name(), m.facility(), to));
        }
        List<RepresentedPerson.Duty> duties = rights.tasksOf(id).stream().map(t -> new RepresentedPerson.Duty(
                t.occasion().name(), t.recipient().name(), t.dueAt(), t.status().name(), t.doneAt(), t.overdue()))
                .toList();
        return new RepresentedPerson(id.value(), person.registerNumber(), person.displayName(), r.kind(), now,
                history, duties, null, null);
    }

    private UUID currentUser() {
        return scope.currentUser().map(u -> u.id()).orElseThrow(() -> new IllegalStateException("nobody signed in"));
    }
}

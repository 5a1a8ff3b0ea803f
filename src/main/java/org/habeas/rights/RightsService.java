package org.habeas.rights;

import static org.habeas.common.Text.blankToNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.custody.Contact;
import org.habeas.custody.CustodyEvent;
import org.habeas.custody.CustodyService;
import org.habeas.estate.EstateService;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.habeas.rights.internal.NotificationPolicy;
import org.habeas.rights.internal.RightsRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notification duties (REQ-30, REQ-31, REQ-36, REQ-38): the contacts to tell, the tasks custody's events open with
 * their deadlines, and every attempt. Facility scope applies through the person and the task's facility.
 */
@Service
@Transactional(readOnly = true)
public class RightsService {

    public static final int LIST_LIMIT = 500;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final RightsRepository repository;
    private final NotificationPolicy policy;
    private final PeopleService people;
    private final CustodyService custody;
    private final EstateService estate;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;

    RightsService(RightsRepository repository, NotificationPolicy policy, PeopleService people,
                  CustodyService custody, EstateService estate, FacilityScope scope, Journal journal, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.people = people;
        this.custody = custody;
        this.estate = estate;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    // ---- contacts

    /** Records a contact of the person. PERSON_NOT_FOUND for a person the officer may not see. */
    @Transactional
    public PersonContact addContact(NewContact command) {
        people.requireVisible(command.person());
        var contact = new PersonContact(UUID.randomUUID(), command.person().value(), command.kind(),
                command.name().strip(), blankToNull(command.relation()), blankToNull(command.phone()),
                blankToNull(command.email()), blankToNull(command.address()),
                command.tellOfIllness() == null || command.tellOfIllness(), clock.instant(), scope.actorName());
        repository.insertContact(contact, null);
        journal.append(JournalEntry.of("RIGHTS_CONTACT_RECORDED", "person", command.person().toString())
                .withFacility(facilityOf(command.person()))
                .withDetails(Map.of("contact", contact.id().toString(), "kind", contact.kind().name(),
                        "tellOfIllness", contact.tellOfIllness())));
        return contact;
    }

    /** The person's contacts; a sensitive read, journaled (REQ-49). */
    @Transactional
    public List<PersonContact> contacts(PersonId person) {
        people.requireVisible(person);
        journal.recordRead("contacts", person.toString(), facilityOf(person));
        return repository.contacts(person.value());
    }

    /**
     * Records the person's wish about telling {@code contact} of illness or injury (REQ-31), with why. Refused with
     * CONTACT_NOT_FOUND for a contact not of this person.
     */
    @Transactional
    public PersonContact changeConsent(PersonId person, UUID contact, boolean tellOfIllness, String reason) {
        people.requireVisible(person);
        PersonContact found = repository.contact(contact).filter(c -> c.person().equals(person.value()))
                .orElseThrow(() -> RightsRefused.contactNotFound(contact));
        repository.updateConsent(contact, tellOfIllness);
        journal.append(JournalEntry.of("RIGHTS_CONTACT_CONSENT_CHANGED", "person", person.toString())
                .withFacility(facilityOf(person)).withReason(reason)
                .withDetails(Map.of("contact", contact.toString(), "tellOfIllness", tellOfIllness,
                        "was", found.tellOfIllness())));
        return repository.contact(contact).orElseThrow();
    }

    // ---- duties

    /**
     * Opens the duties one custody event owes: to family or designated contacts (one task to "whoever the person
     * names" when none is recorded yet) and to counsel of record, each due by policy after the movement. Run by the
     * outbox's listener, possibly more than once for one event (a resubmission after a failure, a restart): the
     * tasks and the contacts copied from an admission are keyed on the movement, so a second run creates nothing.
     * Answers the tasks it created.
     */
    @Transactional
    public List<NotificationTask> openDuties(CustodyEvent event) {
        Occasion occasion;
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("facility", event.facility());
        if (event instanceof CustodyEvent.PersonAdmitted admitted) {
            occasion = Occasion.ADMISSION;
            for (Contact c : admitted.contacts()) {
                if (c.name() == null || c.name().isBlank() || c.relation() == Contact.Relation.CHILD) {
                    continue;
                }
                repository.insertContact(new PersonContact(UUID.randomUUID(), event.person().value(),
                        c.relation() == Contact.Relation.EMERGENCY_CONTACT ? PersonContact.Kind.DESIGNATED
                                : PersonContact.Kind.FAMILY, c.name().strip(), c.relation().name(),
                        blankToNull(c.phone()), null, null, true, clock.instant(), Journal.SYSTEM), event.movement());
            }
        } else if (event instanceof CustodyEvent.PersonTransferred transferred) {
            occasion = Occasion.TRANSFER;
            // REQ-36: the reason and the receiving facility; never the escort, route or time of travel.
            notice.put("toFacility", transferred.toFacility());
            estate.publicFacility(transferred.toFacility()).ifPresent(f -> {
                notice.put("toFacilityName", f.name());
                notice.put("toFacilityAddress", String.join(", ", java.util.stream.Stream.of(f.municipality(),
                        f.region(), f.country()).filter(java.util.Objects::nonNull).toList()));
                notice.put("toFacilityAuthority", f.responsibleAuthority());
            });
            // The address and telephone the director published for the locator, when there are some.
            estate.publicContact(transferred.toFacility()).ifPresent(c -> {
                notice.put("toFacilityAddress", c.address());
                if (c.telephone() != null) {
                    notice.put("toFacilityTelephone", c.telephone());
                }
            });
            if (transferred.reason() != null) {
                notice.put("reason", transferred.reason());
            }
        } else if (event instanceof CustodyEvent.PersonRemoved removed) {
            occasion = Occasion.REMOVAL;
            notice.put("country", removed.country());
        } else if (event instanceof CustodyEvent.PersonHandedOver handedOver) {
            occasion = Occasion.HANDOVER;
            notice.put("country", handedOver.country());
            notice.put("authority", handedOver.authority());
        } else if (event instanceof CustodyEvent.PersonReleased) {
            occasion = Occasion.RELEASE;
        } else if (event instanceof CustodyEvent.PersonTakenToHospital hospital) {
            // REQ-31: the family is told which hospital, unless the person asked that this relative not be told.
            occasion = Occasion.HOSPITAL;
            notice.put("hospital", hospital.hospital());
        } else if (event instanceof CustodyEvent.PersonDied) {
            occasion = Occasion.DEATH;
        } else {
            throw new IllegalArgumentException("no duty for " + event);
        }
        return open(event.person(), event.facility(), occasion, event.movement(), event.at(), notice);
    }

    /**
     * Records that the person is seriously ill, injured or moved to hospital and opens the duties to tell their
     * family (REQ-31); a contact the person asked not to be told gets a WITHHELD task, kept as evidence that the wish
     * was honoured. Counsel is not told of health. Refused with VALIDATION_FAILED for another occasion, and with
     * PERSON_NOT_FOUND for a person not held in the officer's scope.
     */
    @Transactional
    public List<NotificationTask> reportHealth(HealthReport report) {
        if (!Occasion.HEALTH.contains(report.occasion())) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A health report is an illness, an injury or a move"
                    + " to hospital", "occasion");
        }
        people.requireVisible(report.person());
        String facility = custody.facilityHolding(report.person())
                .orElseThrow(() -> PeopleService.notFound(report.person()));
        Instant now = clock.instant();
        Instant at = report.at() == null ? now : report.at();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A report cannot be in the future", "at");
        }
        UUID id = UUID.randomUUID();
        List<NotificationTask> opened = open(report.person(), facility, report.occasion(), id, at,
                Map.of("facility", facility));
        journal.append(JournalEntry.of("HEALTH_NOTIFICATION_REPORTED", "person", report.person().toString())
                .withFacility(facility).withDetails(Map.of("report", id.toString(), "occasion",
                        report.occasion().name())));
        return opened;
    }

    private List<NotificationTask> open(PersonId person, String facility, Occasion occasion, UUID occasionId,
                                        Instant at, Map<String, Object> notice) {
        Instant now = clock.instant();
        Instant due = at.plus(policy.deadline(occasion));
        List<PersonContact> contacts = repository.contacts(person.value());
        List<RightsRepository.NewTask> tasks = new ArrayList<>();
        List<PersonContact> family = contacts.stream().filter(c -> c.kind() != PersonContact.Kind.COUNSEL).toList();
        if (family.isEmpty()) {
            tasks.add(new RightsRepository.NewTask(UUID.randomUUID(), person.value(), facility, occasion, occasionId,
                    Recipient.FAMILY, "FAMILY", null, notice, at, now, due, TaskStatus.OPEN));
        }
        for (PersonContact c : family) {
            boolean withheld = Occasion.HEALTH.contains(occasion) && !c.tellOfIllness();
            tasks.add(new RightsRepository.NewTask(UUID.randomUUID(), person.value(), facility, occasion, occasionId,
                    Recipient.FAMILY, c.id().toString(), c.id(), notice, at, now, due,
                    withheld ? TaskStatus.WITHHELD : TaskStatus.OPEN));
        }
        if (occasion == Occasion.RELEASE) {
            // REQ-15: the official copy of the record (GET /api/people/{id}/record), handed to the person.
            tasks.add(new RightsRepository.NewTask(UUID.randomUUID(), person.value(), facility, occasion, occasionId,
                    Recipient.PERSON, "PERSON", null, Map.of("facility", facility, "give", "OFFICIAL_RECORD_COPY"),
                    at, now, due, TaskStatus.OPEN));
        }
        if (occasion.tellsCounsel()) {
            for (PersonContact c : contacts.stream().filter(c -> c.kind() == PersonContact.Kind.COUNSEL).toList()) {
                tasks.add(new RightsRepository.NewTask(UUID.randomUUID(), person.value(), facility, occasion,
                        occasionId, Recipient.COUNSEL, c.id().toString(), c.id(), notice, at, now, due,
                        TaskStatus.OPEN));
            }
        }
        List<UUID> created = new ArrayList<>();
        for (var task : tasks) {
            if (repository.insertTask(task)) {
                created.add(task.id());
            }
        }
        if (!created.isEmpty()) {
            // Subject "notifications", not "person": written after the movement's commit, on its own thread, it is
            // about the person's duties, and must not pass for the latest change of the person's record.
            journal.append(JournalEntry.of("NOTIFICATION_DUTIES_OPENED", "notifications", person.toString())
                    .withFacility(facility).withDetails(Map.of("occasion", occasion.name(),
                            "occasionId", occasionId.toString(), "tasks", created.stream().map(UUID::toString)
                                    .toList())));
        }
        return repository.tasksOfPerson(person.value(), now).stream().filter(t -> created.contains(t.id())).toList();
    }

    /**
     * The facilities with duties past their deadline, in the reader's scope, the longest overdue first (REQ-30): the
     * dashboard's card and the inspector's report. Counts only, not journaled: nothing in it is about a person.
     */
    public List<OverdueDuties> overdue() {
        return repository.overdueByFacility(clock.instant(), scope.limitedTo().orElse(null)).stream()
                .map(o -> new OverdueDuties(o.facility(), estate.publicFacility(o.facility()).map(f -> f.name())
                        .orElse(o.facility()), o.overdue(), o.oldestDueAt(), o.toFamily(), o.toCounsel(),
                        o.toPerson())).toList();
    }

    /** A facility's tasks in {@code state}, soonest due first (done: newest first). FACILITY_NOT_FOUND out of scope. */
    @Transactional
    public List<NotificationTask> tasks(String facility, NotificationTask.State state) {
        scope.require(facility);
        journal.recordRead("notifications", facility, facility);
        return repository.tasksOfFacility(facility, state, clock.instant(), LIST_LIMIT);
    }

    /** Every task of the person, oldest first; PERSON_NOT_FOUND out of scope. Journaled. */
    @Transactional
    public List<NotificationTask> tasksOf(PersonId person) {
        people.requireVisible(person);
        journal.recordRead("notifications", person.toString(), facilityOf(person));
        return repository.tasksOfPerson(person.value(), clock.instant());
    }

    /**
     * Records an attempt on a task: when, how, by whom (the signed-in officer) and whether it was delivered; a
     * delivered attempt closes the task. Refused with NOTIFICATION_TASK_NOT_FOUND (no such task, or of a facility out
     * of scope), NOTIFICATION_TASK_CLOSED (already done, or withheld on the person's wish) and VALIDATION_FAILED for
     * a time in the future.
     */
    @Transactional
    public NotificationTask recordAttempt(NewAttempt command) {
        Instant now = clock.instant();
        NotificationTask task = repository.lockTask(command.task(), now).filter(t -> scope.allows(t.facility()))
                .orElseThrow(() -> RightsRefused.taskNotFound(command.task()));
        if (!task.status().canBecome(TaskStatus.DONE)) {
            throw RightsRefused.taskClosed(task.id(), task.status());
        }
        Instant at = command.at() == null ? now : command.at();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "An attempt cannot be in the future", "at");
        }
        var attempt = new NotificationAttempt(UUID.randomUUID(), task.id(), at, command.method(), scope.actorName(),
                command.delivered(), blankToNull(command.note()), now);
        repository.insertAttempt(attempt);
        if (command.delivered()) {
            repository.markDone(task.id(), at);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("task", task.id().toString());
        details.put("occasion", task.occasion().name());
        details.put("recipient", task.recipient().name());
        details.put("method", command.method().name());
        details.put("delivered", command.delivered());
        details.put("at", at.toString());
        journal.append(JournalEntry.of("NOTIFICATION_ATTEMPT_RECORDED", "person", task.person().toString())
                .withFacility(task.facility()).withDetails(details));
        return repository.lockTask(task.id(), now).orElseThrow();
    }

    private String facilityOf(PersonId person) {
        Optional<String> holding = custody.facilityHolding(person);
        return holding.orElse(null);
    }
}

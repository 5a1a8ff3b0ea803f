package org.habeas.transfer;

import static org.habeas.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.access.Role;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.common.CountryCode;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.custody.Admission;
import org.habeas.custody.AdmissionResult;
import org.habeas.custody.AuthorityType;
import org.habeas.custody.CustodyService;
import org.habeas.custody.LegalAuthority;
import org.habeas.custody.LegalStatus;
import org.habeas.custody.MoveCommand;
import org.habeas.custody.MovementKind;
import org.habeas.estate.EstateService;
import org.habeas.people.Birth;
import org.habeas.people.Identity;
import org.habeas.people.Nationality;
import org.habeas.people.PeopleService;
import org.habeas.people.Person;
import org.habeas.people.PersonId;
import org.habeas.people.PersonName;
import org.habeas.people.RecordedSex;
import org.habeas.people.Registration;
import org.habeas.transfer.internal.TransferRepository;
import org.habeas.vetting.MovementDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manifests (REQ-53 to REQ-55): every change is a new immutable version, vetted line by line as it is made, approved
 * by someone other than its builder, and only the latest approved version may be boarded or arrive. A sending
 * agency's client sees its own manifests only; any other answers MANIFEST_NOT_FOUND, as if it did not exist.
 *
 * <p>Each line is vetted for: the identity (an existing record, or a new arrival no record resembles: otherwise
 * POSSIBLE_DUPLICATE until the sender names the record), the agreement (in force on the scheduled day,
 * AGREEMENT_EXPIRED; the line's category among those it accepts, OUTSIDE_AGREEMENT_SCOPE), and by direction: an
 * outbound line by every rule of the engine for a removal to the destination country (the legal rules included,
 * one batch for the version), an inbound line for room at the destination facility and within the agreement's
 * capacity cap (CAPACITY_EXCEEDED) and for not being held already (ALREADY_IN_CUSTODY).
 */
@Service
@Transactional(readOnly = true)
public class ManifestService {

    /** The longest manifest, in lines and alternates together. */
    public static final int LONGEST = 1000;
    /** The longest list the API or a page answers at once. */
    public static final int LIST_LIMIT = 500;


    private final TransferRepository repository;
    private final AgreementService agreements;
    private final PeopleService people;
    private final CustodyService custody;
    private final EstateService estate;
    private final FacilityScope scope;
    private final Journal journal;
    private final Clock clock;
    private final ManifestVetting lineVetting;

    ManifestService(TransferRepository repository, AgreementService agreements, ManifestVetting lineVetting,
                    PeopleService people, CustodyService custody, EstateService estate, FacilityScope scope,
                    Journal journal, Clock clock) {
        this.repository = repository;
        this.agreements = agreements;
        this.lineVetting = lineVetting;
        this.people = people;
        this.custody = custody;
        this.estate = estate;
        this.scope = scope;
        this.journal = journal;
        this.clock = clock;
    }

    // ---- reading

    /** The manifests the reader may see (an agency's own), the latest scheduled first. */
    public List<Manifest> manifests() {
        return repository.manifests(ownerFilter(), LIST_LIMIT);
    }

    /** The manifest, refused with MANIFEST_NOT_FOUND when there is none or it is another agency's. */
    public Manifest manifest(UUID id) {
        Manifest m = repository.manifest(id).orElseThrow(() -> TransferRefused.manifestNotFound(id));
        String owner = ownerFilter();
        if (owner != null && !owner.equals(m.owner())) {
            throw TransferRefused.manifestNotFound(id);
        }
        return m;
    }

    /** Every version of the manifest, oldest first, each with its lines, approval and changes from the one before. */
    public List<ManifestVersion> versions(UUID id) {
        manifest(id);
        Map<Integer, List<ManifestLine>> lines = repository.manifestLines(id);
        List<TransferRepository.VersionRow> rows = repository.manifestVersions(id);
        List<ManifestVersion> versions = new ArrayList<>();
        ManifestVersion previous = null;
        for (TransferRepository.VersionRow row : rows) {
            List<ManifestLine> all = lines.getOrDefault(row.version(), List.of());
            List<ManifestLine> travelling = all.stream().filter(l -> !l.alternate()).toList();
            List<ManifestLine> alternates = all.stream().filter(ManifestLine::alternate).toList();
            var version = new ManifestVersion(id, row.version(), row.reason(), row.builtBy(), row.builtAt(),
                    row.approvedBy(), row.approvedAt(), row.refusedBy(), row.refusalReason(),
                    row.version() == rows.size(), travelling, alternates,
                    changes(previous, travelling));
            versions.add(version);
            previous = version;
        }
        return versions;
    }

    /** The refs of an outbound manifest already handed over to the foreign authority, in order. */
    public List<String> handedOverRefs(UUID id) {
        manifest(id);
        return repository.handedOverRefs(id);
    }

    public ManifestVersion version(UUID id, int version) {
        return versions(id).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> TransferRefused.versionNotFound(id, version));
    }


    /**
     * The person as the reader's manifests know them (REQ-46: an agency follows the people it sent): refused with
     * PERSON_NOT_FOUND, as for a person who does not exist, when no manifest of an agency reader carried them, or
     * when an officer's facility scope hides them. The identity read is journaled as the people module journals
     * every read of a record (REQ-49).
     */
    @Transactional
    public ManifestedPerson manifestedPerson(UUID id) {
        PersonId person = new PersonId(id);
        List<ManifestedPerson.Carried> lines = repository.linesCarrying(id, ownerFilter());
        if (ownerFilter() != null && lines.isEmpty()) {
            throw PeopleService.notFound(person);
        }
        Person record = people.person(person);
        return new ManifestedPerson(id, record.registerNumber(), record.displayName(),
                record.identity().birth().date(),
                record.identity().nationalities().stream().map(n -> n.country().value()).toList(),
                custody.facilityHolding(person).orElse(null), lines);
    }

    // ---- building versions

    /**
     * Submits a manifest as its version 1, vetted line by line. Refused with AGREEMENT_NOT_FOUND, FACILITY_NOT_FOUND
     * (an inbound destination not on the register or not visible), UNKNOWN_COUNTRY_CODE and VALIDATION_FAILED (a
     * line with both or neither of a person and identity data, a ref used twice, fields the direction needs).
     */
    @Transactional
    public ManifestVersion submit(NewManifest m) {
        checked(m);
        agreements.agreement(m.agreement());
        if (m.direction() == ManifestDirection.INBOUND) {
            estate.facilityOnly(m.destinationFacility());
        }
        String country = CountryCode.of(m.destinationCountry(), "destinationCountry").value();
        Instant now = clock.instant();
        var manifest = new Manifest(UUID.randomUUID(), m.direction(), m.agreement(), m.carrier().strip(),
                m.journey().strip(), m.origin().strip(), m.destinationFacility(),
                m.destinationAuthority() == null ? null : m.destinationAuthority().strip(), country,
                m.scheduledAt(), m.sendingAgency().strip(), scope.actorName(), ManifestStatus.OPEN, now, 0, null);
        repository.insertManifest(manifest);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("direction", manifest.direction().name());
        details.put("agreement", manifest.agreement().toString());
        details.put("journey", manifest.journey());
        journal.append(JournalEntry.of("MANIFEST_SUBMITTED", "manifest", manifest.id().toString())
                .withFacility(manifest.destinationFacility()).withDetails(details));
        return newVersion(manifest, 1, "submitted", m.lines(), m.alternates());
    }

    /**
     * Replaces the lines and alternates with a new version, vetted again. Refused with MANIFEST_CLOSED once
     * dispatched, MANIFEST_VERSION_OUTDATED when {@code basedOn} is not the latest, and as {@link #submit}.
     */
    @Transactional
    public ManifestVersion revise(UUID id, int basedOn, String reason, List<LineDraft> lines,
                                  List<LineDraft> alternates) {
        Manifest m = openForChange(id, basedOn);
        checkedLines(lines, alternates);
        return newVersion(m, m.latestVersion() + 1, reason, lines, alternates);
    }

    /**
     * Moves an alternate up into the travelling lines, in place of {@code replacing} when given (that line leaves
     * the manifest), as a new version that is vetted and must be approved again: the step that must never skip
     * vetting. Refused with ALTERNATE_NOT_FOUND, MANIFEST_CLOSED and MANIFEST_VERSION_OUTDATED.
     */
    @Transactional
    public ManifestVersion promote(UUID id, int basedOn, String alternate, String replacing, String reason) {
        Manifest m = openForChange(id, basedOn);
        ManifestVersion latest = version(id, m.latestVersion());
        ManifestLine promoted = latest.alternates().stream().filter(a -> a.ref().equals(alternate)).findFirst()
                .orElseThrow(() -> TransferRefused.alternateNotFound(alternate));
        List<LineDraft> lines = new ArrayList<>();
        boolean replaced = false;
        for (ManifestLine l : latest.lines()) {
            if (l.ref().equals(replacing)) {
                lines.add(promoted.draft());
                replaced = true;
            } else {
                lines.add(l.draft());
            }
        }
        if (replacing != null && !replaced) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "No line " + replacing + " on the latest version",
                    "replacing");
        }
        if (!replaced) {
            lines.add(promoted.draft());
        }
        List<LineDraft> alternates = latest.alternates().stream().filter(a -> !a.ref().equals(alternate))
                .map(ManifestLine::draft).toList();
        return newVersion(m, m.latestVersion() + 1, reason, lines, alternates);
    }

    // ---- approval, boarding, arrival

    /**
     * Approves a version: the second person of the two-person rule (REQ-53). Its lines are vetted again first, so a
     * record entered since the version was built counts. Refused with MANIFEST_VERSION_NOT_FOUND,
     * MANIFEST_VERSION_OUTDATED (not the latest), MANIFEST_BUILDER_CANNOT_APPROVE, MANIFEST_LINES_DENIED (with the
     * reasons line by line) and MANIFEST_CLOSED.
     */
    @Transactional
    public ManifestVersion approve(UUID id, int version) {
        Manifest m = locked(id);
        if (m.status() != ManifestStatus.OPEN) {
            throw TransferRefused.closed(m.status());
        }
        ManifestVersion v = version(id, version);
        if (!v.latest()) {
            throw TransferRefused.versionOutdated(version, m.latestVersion());
        }
        if (v.builtBy().equals(scope.actorName())) {
            throw TransferRefused.builderCannotApprove(v.builtBy());
        }
        if (v.approved()) {
            return v;
        }
        if (v.refused()) {
            throw TransferRefused.versionRefused(version, v.refusedBy());
        }
        List<String> denied = lineVetting.deniedNow(m, v.lines());
        if (!denied.isEmpty()) {
            throw TransferRefused.linesDenied(denied);
        }
        repository.insertApproval(id, version, scope.actorName(), v.builtBy(), clock.instant());
        journal.append(JournalEntry.of("MANIFEST_VERSION_APPROVED", "manifest", id.toString())
                .withFacility(m.destinationFacility())
                .withDetails(Map.of("version", version, "builtBy", v.builtBy(), "lines", v.lines().size())));
        return version(id, version);
    }

    /**
     * Refuses the latest version with a reason: it is never approved, and the builder makes a new one. Refused with
     * MANIFEST_VERSION_OUTDATED, MANIFEST_VERSION_REFUSED (already refused), MANIFEST_CLOSED (dispatched, or the
     * version already approved).
     */
    @Transactional
    public ManifestVersion refuse(UUID id, int version, String reason) {
        Manifest m = locked(id);
        ManifestVersion v = version(id, version);
        if (m.status() != ManifestStatus.OPEN || v.approved()) {
            throw TransferRefused.closed(m.status());
        }
        if (!v.latest()) {
            throw TransferRefused.versionOutdated(version, m.latestVersion());
        }
        if (v.refused()) {
            throw TransferRefused.versionRefused(version, v.refusedBy());
        }
        repository.insertRefusal(id, version, scope.actorName(), reason, clock.instant());
        journal.append(JournalEntry.of("MANIFEST_VERSION_REFUSED", "manifest", id.toString())
                .withFacility(m.destinationFacility()).withReason(reason).withDetails(Map.of("version", version)));
        return version(id, version);
    }

    /**
     * Boards {@code boarded} (refs) against the latest version, which must be approved; they are vetted once more at
     * the door (REQ-55). Refused with MANIFEST_NOT_APPROVED, MANIFEST_VERSION_OUTDATED ({@code version} is not the
     * latest), NOT_ON_APPROVED_MANIFEST (a ref that is not a travelling line of it), MANIFEST_LINES_DENIED and
     * MANIFEST_CLOSED.
     */
    @Transactional
    public Manifest dispatch(UUID id, int version, List<String> boarded) {
        Manifest m = locked(id);
        if (m.status() != ManifestStatus.OPEN) {
            throw TransferRefused.closed(m.status());
        }
        ManifestVersion v = latestApproved(m, version);
        List<ManifestLine> lines = onVersion(v, boarded);
        List<String> denied = lineVetting.deniedNow(m, lines);
        if (!denied.isEmpty()) {
            throw TransferRefused.linesDenied(denied);
        }
        Instant now = clock.instant();
        for (ManifestLine l : lines) {
            repository.insertBoarding(id, version, l.ref(), now, scope.actorName());
        }
        repository.setManifestStatus(id, ManifestStatus.OPEN, ManifestStatus.DISPATCHED);
        journal.append(JournalEntry.of("MANIFEST_DISPATCHED", "manifest", id.toString())
                .withFacility(m.destinationFacility())
                .withDetails(Map.of("version", version, "boarded", lines.stream().map(ManifestLine::ref).toList())));
        return manifest(id);
    }

    /**
     * Checks in the arrivals of an inbound manifest against its latest approved version and reconciles them. Those
     * on it are registered when new and admitted through custody's bulk admission to the destination facility on
     * the agreement's authority (TRANSFER_AGREEMENT, referenced by the agreement's id); those not on it are listed as
     * unexpected and not admitted. Refused with MANIFEST_NOT_APPROVED, MANIFEST_VERSION_OUTDATED, MANIFEST_CLOSED
     * (an outbound manifest, or one already arrived) and AGREEMENT_EXPIRED (the agreement is not in force today).
     */
    @Transactional
    public Reconciliation checkIn(UUID id, int version, List<String> arrived) {
        Manifest m = locked(id);
        if (m.direction() != ManifestDirection.INBOUND || m.status() == ManifestStatus.ARRIVED) {
            throw TransferRefused.closed(m.status());
        }
        ManifestVersion v = latestApproved(m, version);
        Agreement agreement = agreements.agreement(m.agreement());
        if (!agreement.inForceOn(agreements.today())) {
            throw TransferRefused.agreementExpired(agreement.terms().reference(), agreements.today());
        }
        List<String> boardedRefs = repository.boardedRefs(id);
        List<String> manifested = m.status() == ManifestStatus.DISPATCHED ? boardedRefs
                : v.lines().stream().map(ManifestLine::ref).toList();
        Map<String, ManifestLine> byRef = new LinkedHashMap<>();
        v.lines().stream().filter(l -> manifested.contains(l.ref())).forEach(l -> byRef.put(l.ref(), l));
        Set<String> came = new LinkedHashSet<>(arrived);
        List<String> expected = came.stream().filter(byRef::containsKey).toList();
        List<String> unexpected = came.stream().filter(r -> !byRef.containsKey(r)).toList();
        List<String> missing = manifested.stream().filter(r -> !came.contains(r)).toList();

        List<UUID> persons = new ArrayList<>();
        for (String ref : expected) {
            ManifestLine line = byRef.get(ref);
            persons.add(line.person() != null ? line.person() : register(line.identity(), m));
        }
        List<Admission> admissions = new ArrayList<>();
        for (UUID person : persons) {
            admissions.add(new Admission(new PersonId(person), m.destinationFacility(), LegalStatus.IMMIGRATION,
                    new LegalAuthority(AuthorityType.TRANSFER_AGREEMENT, m.sendingAgency(),
                            agreement.terms().termStart(), agreement.id().toString(),
                            "Arrived on manifest " + m.journey()), null, null, null, null, List.of(), List.of(),
                    null));
        }
        List<AdmissionResult> results = admissions.isEmpty() ? List.of() : custody.admitAll(admissions);
        Instant now = clock.instant();
        List<Reconciliation.Admitted> admitted = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            AdmissionResult r = results.get(i);
            repository.insertArrival(id, version, expected.get(i), true, persons.get(i), r.episode(), r.code(), now,
                    scope.actorName());
            admitted.add(new Reconciliation.Admitted(expected.get(i), persons.get(i), r));
        }
        for (String ref : unexpected) {
            repository.insertArrival(id, version, ref, false, null, null, null, now, scope.actorName());
        }
        repository.setManifestStatus(id, m.status(), ManifestStatus.ARRIVED);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("arrived", expected);
        details.put("missing", missing);
        details.put("unexpected", unexpected);
        journal.append(JournalEntry.of("MANIFEST_ARRIVED", "manifest", id.toString())
                .withFacility(m.destinationFacility()).withDetails(details));
        return new Reconciliation(id, version, manifested, expected, missing, unexpected, admitted);
    }

    /**
     * Records the handover of a boarded person to the foreign authority of an outbound manifest (REQ-40, REQ-48):
     * custody ends by removal to the destination country under the agreement, vetted once more by the engine, with
     * the receiving official, place, time, receipt and non-refoulement assessment kept with the ledger entry and in
     * the manifest's handovers. Refused with MANIFEST_CLOSED (not an outbound manifest that was dispatched),
     * NOT_ON_APPROVED_MANIFEST (a ref that did not board), VALIDATION_FAILED (a required field missing) and the
     * engine's denial (MovementDenied, whose decision and journal entry commit).
     */
    @Transactional(noRollbackFor = MovementDenied.class)
    public HandedOver handOver(UUID id, Handover h) {
        Manifest m = locked(id);
        if (m.direction() != ManifestDirection.OUTBOUND || m.status() != ManifestStatus.DISPATCHED) {
            throw TransferRefused.closed(m.status());
        }
        if (!repository.boardedRefs(id).contains(h.ref())) {
            throw TransferRefused.notOnApproved(List.of(h.ref()), m.approvedVersion());
        }
        ManifestLine line = version(id, m.approvedVersion()).lines().stream().filter(l -> l.ref().equals(h.ref()))
                .findFirst().orElseThrow(() -> TransferRefused.notOnApproved(List.of(h.ref()), m.approvedVersion()));
        Map<String, Object> particulars = new LinkedHashMap<>();
        if (line.basisType() != null) {
            particulars.put(CustodyService.BASIS, line.basisType());
        }
        particulars.put("manifest", id.toString());
        particulars.put("receivingOfficial", h.receivingOfficial());
        particulars.put("place", h.place());
        particulars.put("receiptReference", h.receiptReference());
        particulars.put("nonRefoulementAssessedBy", h.assessment().assessedBy());
        var moved = custody.move(new MoveCommand(new PersonId(line.person()), MovementKind.REMOVED, h.at(), null,
                m.destinationCountry(), m.destinationAuthority(),
                line.basisReference() != null ? line.basisReference() : "agreement " + m.agreement(),
                m.agreement().toString(), "handed over on manifest " + m.journey(), null, List.of(), particulars));
        repository.insertHandover(id, line.person(), m.agreement(), moved.movement().id(), h, clock.instant(),
                scope.actorName());
        journal.append(JournalEntry.of("MANIFEST_HANDOVER_RECORDED", "person", line.person().toString())
                .withDetails(Map.of("manifest", id.toString(), "ref", h.ref(), "receipt", h.receiptReference())));
        return new HandedOver(id, h.ref(), line.person(), moved);
    }

    // ---- the parts

    private ManifestVersion newVersion(Manifest m, int number, String reason, List<LineDraft> lines,
                                       List<LineDraft> alternates) {
        List<LineDraft> all = new ArrayList<>(lines);
        all.addAll(alternates);
        List<LineVetting> vetted = lineVetting.vet(m, all, lines.size());
        List<ManifestLine> stored = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            LineDraft d = all.get(i);
            stored.add(new ManifestLine(i + 1, d.ref().strip(), i < lines.size() ? null : i - lines.size() + 1,
                    d.person(), d.identity(), blankToNull(d.category()), blankToNull(d.basisType()),
                    blankToNull(d.basisReference()), vetted.get(i)));
        }
        repository.insertManifestVersion(m.id(), number, reason, scope.actorName(), clock.instant(), stored);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", number);
        details.put("lines", lines.size());
        details.put("alternates", alternates.size());
        details.put("denied", stored.stream().filter(l -> !l.alternate() && l.vetting().denied())
                .map(ManifestLine::ref).toList());
        journal.append(JournalEntry.of("MANIFEST_VERSION_MADE", "manifest", m.id().toString())
                .withFacility(m.destinationFacility()).withReason(reason).withDetails(details));
        return version(m.id(), number);
    }

    private UUID register(NewArrival n, Manifest m) {
        var identity = new Identity(new PersonName(n.givenNames(), n.firstFamilyName(), n.secondFamilyName(), null),
                List.of(), n.birthDate() == null ? Birth.unknown(null)
                : Birth.parse(n.birthDate().toString(), null, people.today(), "birthDate"), null,
                n.recordedSex() == null ? RecordedSex.UNKNOWN : n.recordedSex(), null,
                n.nationality() == null ? List.of() : List.of(new Nationality(CountryCode.of(n.nationality(),
                        "nationality"), Nationality.Source.SENDING_AGENCY)), List.of(), List.of(), false, null, null);
        // Vetting denied any line resembling a record, so an arrival that reaches here is confirmed new.
        return people.register(new Registration(identity, m.destinationFacility(),
                "arrived on manifest " + m.journey() + " (" + m.id() + ")", null)).person().id().value();
    }

    private ManifestVersion latestApproved(Manifest m, int version) {
        if (m.approvedVersion() == null || m.approvedVersion() != m.latestVersion()) {
            throw TransferRefused.notApproved(m.latestVersion());
        }
        if (version != m.latestVersion()) {
            throw TransferRefused.versionOutdated(version, m.latestVersion());
        }
        return version(m.id(), version);
    }

    private static List<ManifestLine> onVersion(ManifestVersion v, List<String> refs) {
        Map<String, ManifestLine> byRef = new LinkedHashMap<>();
        v.lines().forEach(l -> byRef.put(l.ref(), l));
        List<String> absent = refs.stream().filter(r -> !byRef.containsKey(r)).toList();
        if (!absent.isEmpty()) {
            throw TransferRefused.notOnApproved(absent, v.version());
        }
        return refs.stream().distinct().map(byRef::get).toList();
    }

    private Manifest openForChange(UUID id, int basedOn) {
        Manifest m = locked(id);
        if (m.status() != ManifestStatus.OPEN) {
            throw TransferRefused.closed(m.status());
        }
        if (basedOn != m.latestVersion()) {
            throw TransferRefused.versionOutdated(basedOn, m.latestVersion());
        }
        return m;
    }

    private Manifest locked(UUID id) {
        manifest(id);
        repository.lockManifest(id);
        return manifest(id);
    }

    // An agency's client sees its own manifests; every other reader sees them all.
    private String ownerFilter() {
        return scope.currentUser().filter(u -> u.has(Role.AGENCY)).map(u -> u.username()).orElse(null);
    }

    private static ManifestVersion.Changes changes(ManifestVersion previous, List<ManifestLine> travelling) {
        if (previous == null) {
            return new ManifestVersion.Changes(List.of(), List.of(), List.of());
        }
        Set<String> before = new LinkedHashSet<>(previous.lines().stream().map(ManifestLine::ref).toList());
        Set<String> alternatesBefore = new HashSet<>(previous.alternates().stream().map(ManifestLine::ref).toList());
        Set<String> now = new LinkedHashSet<>(travelling.stream().map(ManifestLine::ref).toList());
        List<String> added = now.stream().filter(r -> !before.contains(r)).toList();
        return new ManifestVersion.Changes(added.stream().filter(r -> !alternatesBefore.contains(r)).toList(),
                before.stream().filter(r -> !now.contains(r)).toList(),
                added.stream().filter(alternatesBefore::contains).toList());
    }

    private void checked(NewManifest m) {
        boolean inbound = m.direction() == ManifestDirection.INBOUND;
        if (inbound && blankToNull(m.destinationFacility()) == null) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "An inbound manifest names its destination facility",
                    "destinationFacility");
        }
        if (!inbound && blankToNull(m.destinationAuthority()) == null) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "An outbound manifest names the foreign authority receiving the people", "destinationAuthority");
        }
        if (!inbound && m.destinationFacility() != null) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "An outbound manifest leaves for a foreign authority, not a facility", "destinationFacility");
        }
        checkedLines(m.lines(), m.alternates());
    }

    private static void checkedLines(List<LineDraft> lines, List<LineDraft> alternates) {
        if (lines.size() + alternates.size() > LONGEST) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "At most %d lines".formatted(LONGEST), "lines");
        }
        Set<String> refs = new HashSet<>();
        Set<UUID> persons = new HashSet<>();
        List<LineDraft> all = new ArrayList<>(lines);
        all.addAll(alternates);
        for (int i = 0; i < all.size(); i++) {
            LineDraft d = all.get(i);
            String field = (i < lines.size() ? "lines[" + i + "]" : "alternates[" + (i - lines.size()) + "]");
            if ((d.person() == null) == (d.identity() == null)) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                        "A line names either a person on the register or a new arrival's identity", field + ".person");
            }
            if (!refs.add(d.ref().strip())) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The ref " + d.ref() + " is used twice",
                        field + ".ref");
            }
            if (d.person() != null && !persons.add(d.person())) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Person " + d.person() + " is listed twice",
                        field + ".person");
            }
            if (d.identity() != null && d.identity().nationality() != null) {
                CountryCode.of(d.identity().nationality(), field + ".identity.nationality");
            }
        }
    }
}

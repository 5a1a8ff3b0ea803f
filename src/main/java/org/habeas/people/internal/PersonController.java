package org.habeas.people.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.habeas.audit.JournalEntry;
import org.habeas.common.CountryCode;
import org.habeas.common.Idempotency;
import org.habeas.common.PageRequest;
import org.habeas.people.Alias;
import org.habeas.people.Birth;
import org.habeas.people.Correction;
import org.habeas.people.DuplicatePair;
import org.habeas.people.Identity;
import org.habeas.people.IdentityDocument;
import org.habeas.people.IdentityStatus;
import org.habeas.people.Merge;
import org.habeas.people.Nationality;
import org.habeas.people.PeopleService;
import org.habeas.people.Person;
import org.habeas.people.PersonId;
import org.habeas.people.PersonName;
import org.habeas.people.PersonQuery;
import org.habeas.people.PersonRevision;
import org.habeas.people.RecordedSex;
import org.habeas.people.Registration;
import org.habeas.people.SearchResults;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Identity records over HTTP. INTAKE registers and corrects; LEGAL and SUPERVISOR merge; INTAKE, HOUSING, LEGAL,
 * SUPERVISOR, DIRECTOR and INSPECTOR read and search within their facility scope. ADMIN administers users, not
 * people, and AGENCY sees nobody until manifests exist: both get 403 (least privilege, REQ-14).
 */
@RestController
@RequestMapping("/api/people")
@Validated
@PreAuthorize(PersonController.READERS)
class PersonController {

    static final String READERS = "hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')";
    static final String MERGERS = "hasAnyRole('LEGAL','SUPERVISOR')";

    private final PeopleService people;
    private final Idempotency idempotency;

    PersonController(PeopleService people, Idempotency idempotency) {
        this.people = people;
        this.idempotency = idempotency;
    }

    record NameRequest(@Size(max = 200) String givenNames, @Size(max = 200) String firstFamilyName,
                       @Size(max = 200) String secondFamilyName, @Size(max = 400) String fullName) {

        PersonName toName() {
            return new PersonName(givenNames, firstFamilyName, secondFamilyName, fullName);
        }
    }

    record AliasRequest(@NotNull Alias.Kind kind, @NotBlank @Size(max = 400) String name) {
    }

    record NationalityRequest(@NotBlank @Size(max = 10) String country, @NotNull Nationality.Source determinedFrom) {
    }

    record DocumentRequest(@NotNull IdentityDocument.Type type, @NotBlank @Size(max = 20) String issuer,
                           @NotBlank @Size(max = 100) String number, LocalDate expiresOn) {
    }

    /** The identity parts shared by registration and correction. */
    record IdentityParts(NameRequest name, List<AliasRequest> aliases, String birthDate, Integer estimatedAge,
                         String birthPlace, RecordedSex recordedSex, String genderIdentity,
                         List<NationalityRequest> nationalities, List<DocumentRequest> documents,
                         List<String> languages, Boolean interpreterNeeded, IdentityStatus identityStatus,
                         String identityNote) {

        List<Alias> aliasList() {
            return aliases == null ? null : aliases.stream().map(a -> new Alias(a.kind(), a.name().strip())).toList();
        }

        List<Nationality> nationalityList() {
            if (nationalities == null) {
                return null;
            }
            List<Nationality> list = new ArrayList<>();
            for (int i = 0; i < nationalities.size(); i++) {
                var n = nationalities.get(i);
                list.add(new Nationality(CountryCode.of(n.country(), "nationalities[" + i + "].country"),
                        n.determinedFrom()));
            }
            return list;
        }

        List<IdentityDocument> documentList() {
            return documents == null ? null : documents.stream().map(d -> new IdentityDocument(d.type(),
                    d.issuer().strip().toUpperCase(Locale.ROOT), d.number().strip(), d.expiresOn())).toList();
        }

        List<String> languageList() {
            return languages == null ? null : languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).toList();
        }
    }

    record RegisterRequest(@Valid NameRequest name, @Size(max = 20) List<@Valid @NotNull AliasRequest> aliases,
                           @Size(max = 10) String birthDate, @Min(0) @Max(120) Integer estimatedAge,
                           @Size(max = 200) String birthPlace, RecordedSex recordedSex,
                           @Size(max = 100) String genderIdentity,
                           @Size(max = 10) List<@Valid @NotNull NationalityRequest> nationalities,
                           @Size(max = 20) List<@Valid @NotNull DocumentRequest> documents,
                           @Size(max = 10) List<@NotBlank @Size(max = 3) String> languages, Boolean interpreterNeeded,
                           IdentityStatus identityStatus, @Size(max = 2000) String identityNote,
                           @Size(max = 20) String facility,
                           @Size(min = 1, max = JournalEntry.MAX_REASON) String newPersonReason, UUID linkTo) {

        Registration toCommand(LocalDate today) {
            var parts = new IdentityParts(name, aliases, birthDate, estimatedAge, birthPlace, recordedSex,
                    genderIdentity, nationalities, documents, languages, interpreterNeeded, identityStatus,
                    identityNote);
            var identity = new Identity(name == null ? null : name.toName(), parts.aliasList(),
                    Birth.parse(birthDate, estimatedAge, today, "birthDate"), birthPlace, recordedSex, genderIdentity,
                    parts.nationalityList(), parts.documentList(), parts.languageList(),
                    Boolean.TRUE.equals(interpreterNeeded), identityStatus, identityNote);
            return new Registration(identity, facility, newPersonReason == null ? null : newPersonReason.strip(),
                    linkTo == null ? null : new PersonId(linkTo));
        }
    }

    record CorrectionRequest(@NotBlank @Size(max = JournalEntry.MAX_REASON) String reason, Integer expectedRevision,
                             @Valid NameRequest name, @Size(max = 20) List<@Valid @NotNull AliasRequest> aliases,
                             @Size(max = 10) String birthDate, @Min(0) @Max(120) Integer estimatedAge,
                             @Size(max = 200) String birthPlace, RecordedSex recordedSex,
                             @Size(max = 100) String genderIdentity,
                             @Size(max = 10) List<@Valid @NotNull NationalityRequest> nationalities,
                             @Size(max = 20) List<@Valid @NotNull DocumentRequest> documents,
                             @Size(max = 10) List<@NotBlank @Size(max = 3) String> languages,
                             Boolean interpreterNeeded, IdentityStatus identityStatus,
                             @Size(max = 2000) String identityNote) {

        Correction toCommand(PersonId person, LocalDate today) {
            var parts = new IdentityParts(name, aliases, birthDate, estimatedAge, birthPlace, recordedSex,
                    genderIdentity, nationalities, documents, languages, interpreterNeeded, identityStatus,
                    identityNote);
            Birth birth = birthDate == null && estimatedAge == null ? null
                    : Birth.parse(birthDate, estimatedAge, today, "birthDate");
            return new Correction(person, reason.strip(), expectedRevision, name == null ? null : name.toName(),
                    parts.aliasList(), birth, birthPlace, recordedSex, genderIdentity, parts.nationalityList(),
                    parts.documentList(), parts.languageList(), interpreterNeeded, identityStatus, identityNote);
        }
    }

    record MergeRequest(@NotNull UUID duplicate, @NotBlank @Size(max = JournalEntry.MAX_REASON) String reason) {
    }

    @PostMapping
    @PreAuthorize("hasRole('INTAKE')")
    ResponseEntity<Person> register(@Valid @RequestBody RegisterRequest request,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/people", request, Person.class, () -> {
            var registered = people.register(request.toCommand(people.today()));
            var person = registered.person();
            return registered.created()
                    ? ResponseEntity.created(URI.create("/api/people/" + person.id())).body(person)
                    : ResponseEntity.status(HttpStatus.OK).body(person);
        });
    }

    @GetMapping
    SearchResults search(@RequestParam(required = false) @Size(max = 200) String q,
                         @RequestParam(required = false) @Size(max = 100) String identifier,
                         @RequestParam(required = false) LocalDate birthDate,
                         @RequestParam(required = false) @Min(Birth.EARLIEST_YEAR) @Max(9999) Integer birthYear,
                         @RequestParam(required = false) @Size(max = 10) String nationality,
                         @RequestParam(required = false) @Size(max = 20) String facility,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var query = new PersonQuery(q, identifier, birthDate, birthYear,
                nationality == null || nationality.isBlank() ? null : CountryCode.of(nationality, "nationality"),
                facility == null || facility.isBlank() ? null : facility.strip().toUpperCase(Locale.ROOT));
        return people.search(query, new PageRequest(page, size));
    }

    @GetMapping("/duplicates")
    @PreAuthorize("hasAnyRole('INTAKE','LEGAL','SUPERVISOR','INSPECTOR')")
    List<DuplicatePair> duplicates(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return people.duplicates(limit);
    }

    @GetMapping("/{id}")
    Person one(@PathVariable UUID id) {
        return people.person(new PersonId(id));
    }

    @GetMapping("/{id}/history")
    List<PersonRevision> history(@PathVariable UUID id) {
        return people.history(new PersonId(id));
    }

    @PostMapping("/{id}/corrections")
    @PreAuthorize("hasRole('INTAKE')")
    Person correct(@PathVariable UUID id, @Valid @RequestBody CorrectionRequest request) {
        return people.correct(request.toCommand(new PersonId(id), people.today()));
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize(MERGERS)
    Person merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        return people.merge(new Merge(new PersonId(id), new PersonId(request.duplicate()), request.reason().strip()));
    }
}

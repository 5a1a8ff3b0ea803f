package org.habeas.people;

import java.util.List;
import java.util.Map;

import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.springframework.http.HttpStatus;

/** Refusals of the people module, each with its own stable code. */
public class PeopleRefused extends HabeasException {

    private final Map<String, Object> properties;

    PeopleRefused(ErrorCode code, HttpStatus status, String detail, Map<String, Object> properties) {
        super(code, status, detail);
        this.properties = properties;
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }

    static PeopleRefused notFound(Object id) {
        return new PeopleRefused(ErrorCode.PERSON_NOT_FOUND, HttpStatus.NOT_FOUND, "No person " + id, Map.of());
    }

    static PeopleRefused invalidBirthDate(String why, String field) {
        return new PeopleRefused(ErrorCode.INVALID_BIRTH_DATE, HttpStatus.BAD_REQUEST, why,
                Map.of("fields", List.of(field)));
    }

    static PeopleRefused documentTaken(IdentityDocument document, String field) {
        return new PeopleRefused(ErrorCode.DOCUMENT_NUMBER_TAKEN, HttpStatus.CONFLICT,
                "A %s issued by %s with this number is already recorded for another person"
                        .formatted(document.type(), document.issuer()), Map.of("fields", List.of(field)));
    }

    /** 409 with the candidates, so intake can confirm a new person with a reason or link to one of them. */
    static PeopleRefused possibleDuplicate(List<DuplicateCandidate> candidates) {
        return new PeopleRefused(ErrorCode.POSSIBLE_DUPLICATE, HttpStatus.CONFLICT,
                "This person may already be registered: confirm a new person with a reason, or link to a candidate",
                Map.of("candidates", candidates));
    }

    static PeopleRefused mergeIntoItself() {
        return new PeopleRefused(ErrorCode.MERGE_INTO_ITSELF, HttpStatus.UNPROCESSABLE_CONTENT,
                "A record cannot be merged into itself", Map.of("fields", List.of("duplicate")));
    }

    static PeopleRefused alreadyMerged(Person person) {
        return new PeopleRefused(ErrorCode.PERSON_ALREADY_MERGED, HttpStatus.CONFLICT,
                "Record %s was already merged into another".formatted(person.registerNumber()),
                Map.of("mergedInto", person.mergedInto().value()));
    }

    static PeopleRefused staleRevision(int current) {
        return new PeopleRefused(ErrorCode.PERSON_REVISION_STALE, HttpStatus.CONFLICT,
                "The record changed since you read it; it is now at revision " + current,
                Map.of("currentRevision", current));
    }
}

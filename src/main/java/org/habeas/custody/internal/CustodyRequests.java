package org.habeas.custody.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.habeas.custody.Admission;
import org.habeas.custody.Arrest;
import org.habeas.custody.AuthorityType;
import org.habeas.custody.Contact;
import org.habeas.custody.CorrectionCommand;
import org.habeas.custody.LegalAuthority;
import org.habeas.custody.LegalStatus;
import org.habeas.custody.MoveCommand;
import org.habeas.custody.MovementKind;
import org.habeas.custody.PropertyItem;
import org.habeas.estate.LocationId;
import org.habeas.people.PersonId;

/** The request bodies of the custody API, validated at the door; the service checks what depends on state. */
final class CustodyRequests {

    private CustodyRequests() {
    }

    record AuthorityRequest(@NotNull AuthorityType type, @NotBlank @Size(max = 300) String issuingAuthority,
                            @NotNull LocalDate issuedOn, @NotBlank @Size(max = 200) String documentReference,
                            @Size(max = 2000) String grounds) {
        LegalAuthority toAuthority() {
            return new LegalAuthority(type, issuingAuthority, issuedOn, documentReference, grounds);
        }
    }

    record ArrestRequest(Instant at, @Size(max = 300) String place, @Size(max = 300) String authority) {
    }

    record PropertyRequest(@NotBlank @Size(max = 300) String description, @Min(1) @Max(10_000) int quantity) {
    }

    record ContactRequest(@NotNull Contact.Relation relation, @NotBlank @Size(max = 200) String name,
                          @Min(0) @Max(130) Integer age, @Size(max = 300) String whereabouts,
                          @Size(max = 300) String guardianship, @Size(max = 50) String phone) {
    }

    record AdmitRequest(@NotBlank @Pattern(regexp = "[A-Z0-9-]{2,20}") String facility,
                        @NotNull LegalStatus legalStatus,
                        @NotNull @Valid AuthorityRequest authority,
                        @Valid ArrestRequest arrest,
                        Instant admittedAt,
                        @Size(max = 4000) String visibleInjuries,
                        @Size(max = 4000) String illTreatmentComplaint,
                        @Size(max = 500) List<@Valid PropertyRequest> property,
                        @Size(max = 100) List<@Valid ContactRequest> contacts,
                        @Size(max = 1000) String reason) {

        Admission toAdmission(PersonId person) {
            return new Admission(person, facility, legalStatus, authority.toAuthority(),
                    arrest == null ? null : new Arrest(arrest.at(), arrest.place(), arrest.authority()), admittedAt,
                    visibleInjuries, illTreatmentComplaint,
                    property == null ? List.of()
                            : property.stream().map(p -> new PropertyItem(p.description(), p.quantity())).toList(),
                    contacts == null ? List.of() : contacts.stream().map(c -> new Contact(c.relation(), c.name(),
                            c.age(), c.whereabouts(), c.guardianship(), c.phone())).toList(),
                    reason);
        }
    }

    record BulkAdmitLine(@NotNull UUID personId, @NotNull @Valid AdmitRequest admission) {
    }

    record MoveRequest(@NotNull MovementKind type,
                       Instant occurredAt,
                       UUID toLocation,
                       @Size(max = 300) String destination,
                       @Size(max = 300) String detail,
                       @Size(max = 300) String authority,
                       @Size(max = 100) String agreement,
                       @Size(max = 1000) String reason,
                       Long expectedVersion,
                       @Size(max = 10) List<@NotNull UUID> overrides,
                       @Size(max = 20) Map<String, Object> particulars) {

        MoveCommand toCommand(PersonId person) {
            return new MoveCommand(person, type, occurredAt, toLocation == null ? null : new LocationId(toLocation),
                    destination, detail, authority, agreement, reason, expectedVersion, overrides, particulars);
        }
    }

    /**
     * A correction of one ledger entry: the right time, the right cell, or that it never happened; always why.
     * Which of them apply to the entry is the service's to check (it names the field).
     */
    record CorrectionRequest(Instant occurredAt,
                             UUID toLocation,
                             Boolean enteredInError,
                             @NotBlank @Size(max = 1000) String reason,
                             Long expectedVersion,
                             @Size(max = 10) List<@NotNull UUID> overrides) {

        CorrectionCommand toCommand(PersonId person, UUID movement) {
            return new CorrectionCommand(person, movement, occurredAt,
                    toLocation == null ? null : new LocationId(toLocation), Boolean.TRUE.equals(enteredInError),
                    reason == null ? null : reason.strip(), expectedVersion, overrides);
        }
    }
}

package org.habeas.people.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.habeas.common.CountryCode;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.people.Alias;
import org.habeas.people.Birth;
import org.habeas.people.Correction;
import org.habeas.people.Identity;
import org.habeas.people.IdentityDocument;
import org.habeas.people.IdentityStatus;
import org.habeas.people.Nationality;
import org.habeas.people.Person;
import org.habeas.people.PersonId;
import org.habeas.people.PersonName;
import org.habeas.people.RecordedSex;

/**
 * The correction form of the person page (REQ-06): the whole identity as it is now, edited, plus the reason. It
 * is sent whole, so every part of the correction is given; a cleared text field clears the value. Rows with an
 * empty name, country or number are dropped, which is how a row is removed; one empty row of each kind is shown
 * to add one. A JavaBean rather than a record because its rows are bound by index ({@code aliases[1].name}).
 */
public class CorrectionForm {

    /** Empty rows offered for adding an alias, nationality or document. */
    static final int NEW_ROWS = 1;

    private Integer revision;
    private String reason;
    private String givenNames;
    private String firstFamilyName;
    private String secondFamilyName;
    private String fullName;
    private String birthDate;
    private Integer estimatedAge;
    private String birthPlace;
    private String recordedSex;
    private String genderIdentity;
    private String identityStatus;
    private String identityNote;
    private String languages;
    private boolean interpreterNeeded;
    private List<AliasRow> aliases = new ArrayList<>();
    private List<NationalityRow> nationalities = new ArrayList<>();
    private List<DocumentRow> documents = new ArrayList<>();

    /** The form filled with the record as it is now. */
    static CorrectionForm of(Person person) {
        Identity i = person.identity();
        var form = new CorrectionForm();
        form.revision = person.revision();
        PersonName n = i.name();
        form.givenNames = n.givenNames();
        form.firstFamilyName = n.firstFamilyName();
        form.secondFamilyName = n.secondFamilyName();
        // A full name that is only the parts joined is left empty, so correcting a part rebuilds it.
        String joined = new PersonName(n.givenNames(), n.firstFamilyName(), n.secondFamilyName(), null).fullName();
        form.fullName = Objects.equals(joined, n.fullName()) ? null : n.fullName();
        form.birthDate = i.birth().text();
        form.estimatedAge = i.birth().estimatedAge();
        form.birthPlace = i.birthPlace();
        form.recordedSex = i.recordedSex().name();
        form.genderIdentity = i.genderIdentity();
        form.identityStatus = i.status().name();
        form.identityNote = i.statusNote();
        form.languages = String.join(", ", i.languages());
        form.interpreterNeeded = i.interpreterNeeded();
        i.aliases().forEach(a -> form.aliases.add(new AliasRow(a.kind().name(), a.name())));
        i.nationalities().forEach(x -> form.nationalities.add(
                new NationalityRow(x.country().value(), x.determinedFrom().name())));
        i.documents().forEach(d -> form.documents.add(new DocumentRow(d.type().name(), d.issuer(), d.number(),
                d.expiresOn() == null ? null : d.expiresOn().toString())));
        form.withEmptyRows();
        return form;
    }

    /** Adds the empty rows again after a refused submission, so the officer can still add one. */
    CorrectionForm withEmptyRows() {
        aliases.removeIf(AliasRow::isEmpty);
        nationalities.removeIf(NationalityRow::isEmpty);
        documents.removeIf(DocumentRow::isEmpty);
        for (int k = 0; k < NEW_ROWS; k++) {
            aliases.add(new AliasRow(Alias.Kind.ALIAS.name(), null));
            nationalities.add(new NationalityRow(null, Nationality.Source.SELF_DECLARED.name()));
            documents.add(new DocumentRow(IdentityDocument.Type.PASSPORT.name(), null, null, null));
        }
        return this;
    }

    /**
     * The correction this form asks for. An unknown choice value (a tampered select) is an
     * {@link IllegalArgumentException}; a missing reason, an impossible date or an unknown country is refused
     * with its code and field.
     */
    Correction toCommand(PersonId person, LocalDate today) {
        if (blank(reason)) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "A correction needs its reason", "reason");
        }
        List<Alias> aliasList = aliases.stream().filter(r -> !r.isEmpty())
                .map(r -> new Alias(choice(Alias.Kind.class, r.getKind()), r.getName().strip())).toList();
        List<Nationality> nationalityList = new ArrayList<>();
        for (int k = 0; k < nationalities.size(); k++) {
            var r = nationalities.get(k);
            if (!r.isEmpty()) {
                nationalityList.add(new Nationality(CountryCode.of(r.getCountry(), "nationalities[" + k + "].country"),
                        choice(Nationality.Source.class, r.getSource())));
            }
        }
        List<IdentityDocument> documentList = new ArrayList<>();
        for (int k = 0; k < documents.size(); k++) {
            var r = documents.get(k);
            if (!r.isEmpty()) {
                documentList.add(new IdentityDocument(choice(IdentityDocument.Type.class, r.getType()),
                        r.getIssuer() == null ? "" : r.getIssuer().strip().toUpperCase(Locale.ROOT),
                        r.getNumber().strip(), expiry(r.getExpiresOn(), "documents[" + k + "].expiresOn")));
            }
        }
        List<String> spoken = blank(languages) ? List.of() : Arrays.stream(languages.split("[,\\s]+"))
                .filter(s -> !s.isBlank()).map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        // Empty strings, not null, for cleared text: null in a correction means "unchanged".
        return new Correction(person, reason.strip(), revision,
                new PersonName(givenNames, firstFamilyName, secondFamilyName, fullName), aliasList,
                Birth.parse(birthDate, estimatedAge, today, "birthDate"), text(birthPlace),
                choice(RecordedSex.class, recordedSex), text(genderIdentity), nationalityList, documentList, spoken,
                interpreterNeeded, choice(IdentityStatus.class, identityStatus), text(identityNote));
    }

    /** A select's value; a missing or unknown one (a tampered form) is an IllegalArgumentException, not a 500. */
    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null) {
            throw new IllegalArgumentException("no " + type.getSimpleName());
        }
        return Enum.valueOf(type, value);
    }

    private static LocalDate expiry(String text, String field) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "An expiry date is YYYY-MM-DD", field);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Integer getRevision() { return revision; }
    public void setRevision(Integer revision) { this.revision = revision; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getGivenNames() { return givenNames; }
    public void setGivenNames(String givenNames) { this.givenNames = givenNames; }
    public String getFirstFamilyName() { return firstFamilyName; }
    public void setFirstFamilyName(String firstFamilyName) { this.firstFamilyName = firstFamilyName; }
    public String getSecondFamilyName() { return secondFamilyName; }
    public void setSecondFamilyName(String secondFamilyName) { this.secondFamilyName = secondFamilyName; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public Integer getEstimatedAge() { return estimatedAge; }
    public void setEstimatedAge(Integer estimatedAge) { this.estimatedAge = estimatedAge; }
    public String getBirthPlace() { return birthPlace; }
    public void setBirthPlace(String birthPlace) { this.birthPlace = birthPlace; }
    public String getRecordedSex() { return recordedSex; }
    public void setRecordedSex(String recordedSex) { this.recordedSex = recordedSex; }
    public String getGenderIdentity() { return genderIdentity; }
    public void setGenderIdentity(String genderIdentity) { this.genderIdentity = genderIdentity; }
    public String getIdentityStatus() { return identityStatus; }
    public void setIdentityStatus(String identityStatus) { this.identityStatus = identityStatus; }
    public String getIdentityNote() { return identityNote; }
    public void setIdentityNote(String identityNote) { this.identityNote = identityNote; }
    public String getLanguages() { return languages; }
    public void setLanguages(String languages) { this.languages = languages; }
    public boolean isInterpreterNeeded() { return interpreterNeeded; }
    public void setInterpreterNeeded(boolean interpreterNeeded) { this.interpreterNeeded = interpreterNeeded; }
    public List<AliasRow> getAliases() { return aliases; }
    public void setAliases(List<AliasRow> aliases) { this.aliases = aliases; }
    public List<NationalityRow> getNationalities() { return nationalities; }
    public void setNationalities(List<NationalityRow> nationalities) { this.nationalities = nationalities; }
    public List<DocumentRow> getDocuments() { return documents; }
    public void setDocuments(List<DocumentRow> documents) { this.documents = documents; }

    public static class AliasRow {
        private String kind;
        private String name;

        public AliasRow() {
        }

        AliasRow(String kind, String name) {
            this.kind = kind;
            this.name = name;
        }

        boolean isEmpty() { return blank(name); }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
    }

    public static class NationalityRow {
        private String country;
        private String source;

        public NationalityRow() {
        }

        NationalityRow(String country, String source) {
            this.country = country;
            this.source = source;
        }

        boolean isEmpty() { return blank(country); }
        public String getCountry() { return country; }
        public void setCountry(String country) { this.country = country; }
        public String getSource() { return source; }
        public void setSource(String source) { this.source = source; }
    }

    public static class DocumentRow {
        private String type;
        private String issuer;
        private String number;
        private String expiresOn;

        public DocumentRow() {
        }

        DocumentRow(String type, String issuer, String number, String expiresOn) {
            this.type = type;
            this.issuer = issuer;
            this.number = number;
            this.expiresOn = expiresOn;
        }

        boolean isEmpty() { return blank(number); }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getIssuer() { return issuer; }
        public void setIssuer(String issuer) { this.issuer = issuer; }
        public String getNumber() { return number; }
        public void setNumber(String number) { this.number = number; }
        public String getExpiresOn() { return expiresOn; }
        public void setExpiresOn(String expiresOn) { this.expiresOn = expiresOn; }
    }
}

package org.habeas.people.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.habeas.common.CountryCode;
import org.habeas.people.Alias;
import org.habeas.people.Birth;
import org.habeas.people.IdentityDocument;
import org.habeas.people.IdentityStatus;
import org.habeas.people.Nationality;
import org.habeas.people.PersonId;
import org.habeas.people.PersonName;
import org.habeas.people.PersonSummary;
import org.habeas.people.RecordedSex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the people module. Rows of aliases, nationalities, documents and languages are retracted, never deleted. */
@Repository
public class PeopleRepository {

    private static final String NEXT_REGISTER_NUMBER = "SELECT nextval('person_register_seq')";

    private static final String PERSON_COLUMNS = """
            id, register_number, given_names, first_family_name, second_family_name, full_name, birth_precision,
            birth_date, estimated_age, birth_place, recorded_sex, gender_identity, interpreter_needed,
            identity_status, identity_note, merged_into, revision, registered_at, updated_at
            """;

    private static final String INSERT_PERSON = """
            INSERT INTO person (id, register_number, given_names, first_family_name, second_family_name, full_name,
                                birth_precision, birth_date, estimated_age, birth_place, recorded_sex, gender_identity,
                                interpreter_needed, identity_status, identity_note, revision, registered_at,
                                updated_at, search_tokens, search_pairs, search_names, birth_years, duplicate_keys)
            VALUES (:id, :registerNumber, :givenNames, :firstFamilyName, :secondFamilyName, :fullName,
                    :birthPrecision, :birthDate, :estimatedAge, :birthPlace, :recordedSex, :genderIdentity,
                    :interpreterNeeded, :identityStatus, :identityNote, 1, :now, :now, :searchTokens, :searchPairs,
                    :searchNames, :birthYears, :duplicateKeys)
            """;

    // The revision check makes a correction a compare-and-set on the row, under the row lock taken before.
    private static final String UPDATE_PERSON = """
            UPDATE person
               SET given_names = :givenNames, first_family_name = :firstFamilyName,
                   second_family_name = :secondFamilyName, full_name = :fullName, birth_precision = :birthPrecision,
                   birth_date = :birthDate, estimated_age = :estimatedAge, birth_place = :birthPlace,
                   recorded_sex = :recordedSex, gender_identity = :genderIdentity,
                   interpreter_needed = :interpreterNeeded, identity_status = :identityStatus,
                   identity_note = :identityNote, revision = revision + 1, updated_at = :now,
                   search_tokens = :searchTokens, search_pairs = :searchPairs, search_names = :searchNames,
                   birth_years = :birthYears, duplicate_keys = :duplicateKeys
             WHERE id = :id AND revision = :revision
            """;

    private static final String MARK_MERGED = """
            UPDATE person
               SET merged_into = :survivor, revision = revision + 1, updated_at = :now,
                   search_tokens = '{}', search_pairs = '{}', search_names = '', duplicate_keys = '{}'
             WHERE id = :id AND merged_into IS NULL
            """;

    // Anyone who was merged into the duplicate now points at the survivor too, so a pointer is never two hops.
    private static final String FOLLOW_MERGED = """
            UPDATE person SET merged_into = :survivor WHERE merged_into = :duplicate
            """;

    private static final String FIND_PERSON = "SELECT " + PERSON_COLUMNS + " FROM person WHERE id = :id";

    private static final String LOCK_PERSON = "SELECT " + PERSON_COLUMNS + " FROM person WHERE id = :id FOR UPDATE";

    private static final String INSERT_REVISION = """
            INSERT INTO person_revision (person_id, revision, supersedes, kind, recorded_at, recorded_by, reason, snapshot)
            VALUES (:person, :revision, :supersedes, :kind, :now, :by, :reason, CAST(:snapshot AS jsonb))
            """;

    private static final String LIST_REVISIONS = """
            SELECT revision, supersedes, kind, recorded_at, recorded_by, reason, CAST(snapshot AS text) AS snapshot
              FROM person_revision
             WHERE person_id = :person
             ORDER BY revision
            """;

    private static final String INSERT_ALIAS = """
            INSERT INTO person_alias (id, person_id, kind, name, added_revision)
            VALUES (:id, :person, :kind, :name, :revision)
            """;

    private static final String ACTIVE_ALIASES = """
            SELECT id, kind, name FROM person_alias
             WHERE person_id = :person AND retracted_revision IS NULL ORDER BY added_revision, name
            """;

    private static final String INSERT_NATIONALITY = """
            INSERT INTO person_nationality (id, person_id, country, determined_from, added_revision)
            VALUES (:id, :person, :country, :determinedFrom, :revision)
            """;

    private static final String ACTIVE_NATIONALITIES = """
            SELECT id, country, determined_from FROM person_nationality
             WHERE person_id = :person AND retracted_revision IS NULL ORDER BY added_revision, country
            """;

    // ON CONFLICT on the partial unique index: a number in force elsewhere inserts nothing, so the caller refuses.
    private static final String INSERT_DOCUMENT = """
            INSERT INTO person_document (id, person_id, type, issuer, number, number_key, expires_on, added_revision)
            VALUES (:id, :person, :type, :issuer, :number, :numberKey, :expiresOn, :revision)
            ON CONFLICT (type, issuer, number_key) WHERE retracted_revision IS NULL DO NOTHING
            """;

    private static final String ACTIVE_DOCUMENTS = """
            SELECT id, type, issuer, number, expires_on FROM person_document
             WHERE person_id = :person AND retracted_revision IS NULL ORDER BY added_revision, type, number_key
            """;

    private static final String INSERT_LANGUAGE = """
            INSERT INTO person_language (id, person_id, language, added_revision)
            VALUES (:id, :person, :language, :revision)
            """;

    private static final String ACTIVE_LANGUAGES = """
            SELECT id, language FROM person_language
             WHERE person_id = :person AND retracted_revision IS NULL ORDER BY added_revision, language
            """;

    private static final String DOCUMENT_HOLDER = """
            SELECT person_id FROM person_document
             WHERE type = :type AND issuer = :issuer AND number_key = :numberKey AND retracted_revision IS NULL
            """;

    // Transaction-scoped advisory locks, taken in sorted order so two registrations cannot deadlock.
    private static final String LOCK_KEYS = """
            SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))
              FROM (SELECT k FROM unnest(CAST(:keys AS text[])) AS k ORDER BY hashtextextended(k, 0)) AS keys
            """;

    private static final String LINK_FACILITY = """
            INSERT INTO person_facility (person_id, facility_code, since) VALUES (:person, :facility, :now)
            ON CONFLICT (person_id, facility_code) DO NOTHING
            """;

    // The bulk read for admission: existence, merge state, scope (a NULL scope is everyone) and the two facts.
    // The exact enquiries of the public locator: a merged record answers with the one it was merged into.
    private static final String BY_REGISTER_NUMBER =
            "SELECT coalesce(merged_into, id) FROM person WHERE register_number = :number";

    private static final String BY_DOCUMENT = """
            SELECT DISTINCT coalesce(p.merged_into, p.id)
              FROM person_document d JOIN person p ON p.id = d.person_id
             WHERE d.number_key = :key AND d.retracted_revision IS NULL
               AND (CAST(:issuer AS text) IS NULL OR d.issuer = :issuer)""";

    private static final String BORN_ON = """
            SELECT id, full_name FROM person
             WHERE birth_date = :birth AND birth_precision = 'FULL' AND merged_into IS NULL AND full_name IS NOT NULL""";

    private static final String ADMISSION_FACTS = """
            SELECT p.id, p.recorded_sex, p.birth_precision, p.birth_date, p.estimated_age
              FROM person p
             WHERE p.id = ANY(CAST(:ids AS uuid[])) AND p.merged_into IS NULL
               AND (CAST(:scope AS text[]) IS NULL
                    OR EXISTS (SELECT 1 FROM person_facility f
                                WHERE f.person_id = p.id AND f.facility_code = ANY(CAST(:scope AS text[]))))
            """;

    // Locks the records in id order (two batches with people in common cannot deadlock), follows a merge to the
    // survivor, links each survivor not yet linked; answers the people newly linked.
    private static final String LINK_ALL_TO_FACILITY = """
            WITH locked AS (
                SELECT id, merged_into FROM person WHERE id = ANY(CAST(:ids AS uuid[])) ORDER BY id FOR UPDATE
            )
            INSERT INTO person_facility (person_id, facility_code, since)
            SELECT DISTINCT coalesce(merged_into, id), :facility, CAST(:now AS timestamptz) FROM locked
            ON CONFLICT (person_id, facility_code) DO NOTHING
            RETURNING person_id
            """;

    private static final String FACILITIES = """
            SELECT facility_code FROM person_facility WHERE person_id = :person ORDER BY facility_code
            """;

    private static final String IN_SCOPE = """
            SELECT EXISTS (SELECT 1 FROM person_facility
                            WHERE person_id = :person AND facility_code = ANY(CAST(:scope AS text[])))
            """;

    // What PeopleService.person decides, without reading the record: it exists and, for a reader limited to some
    // facilities (a NULL scope is everyone), it (a merged record: its survivor) is linked to one of them.
    private static final String VISIBLE = """
            SELECT EXISTS (SELECT 1 FROM person p
                            WHERE p.id = :id
                              AND (CAST(:scope AS text[]) IS NULL
                                   OR EXISTS (SELECT 1 FROM person_facility f
                                               WHERE f.person_id = coalesce(p.merged_into, p.id)
                                                 AND f.facility_code = ANY(CAST(:scope AS text[])))))
            """;

    private static final String ADD_TOKENS = """
            INSERT INTO name_token (token, phonetic)
            SELECT t.token, t.phonetic FROM unnest(CAST(:tokens AS text[]), CAST(:phonetics AS text[])) AS t(token, phonetic)
            ORDER BY t.token
            ON CONFLICT (token) DO NOTHING
            """;

    // Near spellings of each query token from the small vocabulary: same token, same sound key, trigram
    // neighbours, and (for as-you-type) tokens it begins. Weights are decided in Java (NameSearch). Positional, so
    // bench/people runs the very same text as bare SQL.
    public static final String VARIANTS = """
            SELECT q.token AS query, v.token, v.frequency, similarity(v.token, q.token) AS similarity
              FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS q(token, phonetic)
             CROSS JOIN LATERAL (
                   SELECT t.token, t.frequency FROM name_token t WHERE t.token = q.token OR t.phonetic = q.phonetic
                   UNION
                   (SELECT t.token, t.frequency FROM name_token t WHERE t.token % q.token
                     ORDER BY similarity(t.token, q.token) DESC LIMIT 12)
                   UNION
                   (SELECT t.token, t.frequency FROM name_token t
                     WHERE length(q.token) >= 3 AND t.token LIKE q.token || '%'
                     ORDER BY t.frequency DESC LIMIT 6)
             ) v
            """;

    private static final String SUMMARY_COLUMNS = """
            p.id, p.register_number, p.full_name, p.birth_precision, p.birth_date, p.estimated_age,
            p.identity_status, p.search_names,
            ARRAY(SELECT n.country FROM person_nationality n
                   WHERE n.person_id = p.id AND n.retracted_revision IS NULL ORDER BY n.country) AS nationalities
            """;

    // Candidates may number thousands: their nationalities are read later, for the page shown only.
    private static final String CANDIDATES = """
            SELECT p.id, p.register_number, p.full_name, p.birth_precision, p.birth_date, p.estimated_age,
                   p.identity_status, p.search_names, CAST('{}' AS text[]) AS nationalities
              FROM person p
             WHERE p.merged_into IS NULL
            """;

    private static final String NATIONALITIES_OF = """
            SELECT person_id, array_agg(country ORDER BY country) AS countries FROM person_nationality
             WHERE person_id = ANY(CAST(:ids AS uuid[])) AND retracted_revision IS NULL
             GROUP BY person_id
            """;

    private static final String BY_BIRTH_YEAR = """
               AND p.birth_years @> ARRAY[CAST(? AS integer)]
            """;

    // A partial birth date is compatible with any full date inside it; an estimated age only by its years.
    private static final String BY_BIRTH_DATE = """
               AND p.birth_years @> ARRAY[CAST(? AS integer)]
               AND (p.birth_precision <> 'FULL' OR p.birth_date = CAST(? AS date))
               AND (p.birth_precision <> 'YEAR_MONTH' OR p.birth_date = date_trunc('month', CAST(? AS date)))
            """;

    private static final String BY_NATIONALITY = """
               AND EXISTS (SELECT 1 FROM person_nationality n WHERE n.person_id = p.id
                              AND n.country = ? AND n.retracted_revision IS NULL)
            """;

    private static final String BY_FACILITY = """
               AND EXISTS (SELECT 1 FROM person_facility f WHERE f.person_id = p.id AND f.facility_code = ?)
            """;

    private static final String BY_SCOPE = """
               AND EXISTS (SELECT 1 FROM person_facility f WHERE f.person_id = p.id
                              AND f.facility_code = ANY(CAST(? AS text[])))
            """;

    // An identifier is a register number (a merged record's number leads to the survivor) or a document number.
    private static final String BY_IDENTIFIER = "SELECT " + SUMMARY_COLUMNS + """
              FROM person p
             WHERE p.merged_into IS NULL
               AND (p.id IN (SELECT coalesce(r.merged_into, r.id) FROM person r WHERE r.register_number = ?)
                    OR p.id IN (SELECT d.person_id FROM person_document d
                                 WHERE d.number_key = ? AND d.retracted_revision IS NULL))
            """;

    private static final String SUMMARIES = "SELECT " + SUMMARY_COLUMNS + " FROM person p WHERE p.id = ANY(CAST(:ids AS uuid[]))";

    private static final String HOLDERS_OF_NUMBERS = """
            SELECT DISTINCT d.person_id FROM person_document d
             WHERE d.number_key = ANY(CAST(:keys AS text[])) AND d.retracted_revision IS NULL
            """;

    // Blocking: two records sharing three or more sound-key pairs of their own names (with the same birth year or
    // both unknown) are likely one person; so are two records with the same document number under any type.
    private static final String DUPLICATE_PAIRS = """
            WITH keys AS (
                SELECT p.id, unnest(p.duplicate_keys) AS k FROM person p
                 WHERE p.merged_into IS NULL %s
            ), by_name AS (
                SELECT a.id AS first, b.id AS second, count(*) AS shared
                  FROM keys a JOIN keys b ON a.k = b.k AND a.id < b.id
                 GROUP BY a.id, b.id HAVING count(*) >= 3
            ), by_document AS (
                SELECT DISTINCT least(a.person_id, b.person_id) AS first, greatest(a.person_id, b.person_id) AS second
                  FROM person_document a JOIN person_document b
                    ON a.number_key = b.number_key AND a.person_id <> b.person_id
                  JOIN person pa ON pa.id = a.person_id AND pa.merged_into IS NULL
                  JOIN person pb ON pb.id = b.person_id AND pb.merged_into IS NULL
                 WHERE a.retracted_revision IS NULL AND b.retracted_revision IS NULL %s
            )
            SELECT coalesce(n.first, d.first) AS first, coalesce(n.second, d.second) AS second,
                   coalesce(n.shared, 0) AS shared, d.first IS NOT NULL AS same_document
              FROM by_name n FULL JOIN by_document d ON d.first = n.first AND d.second = n.second
             ORDER BY same_document DESC, shared DESC, first, second
             LIMIT :limit
            """;

    private static final String SCOPE_FILTER_FOR_KEYS = """
            AND EXISTS (SELECT 1 FROM person_facility f WHERE f.person_id = p.id
                           AND f.facility_code = ANY(CAST(:scope AS text[])))
            """;

    // Both people of a document pair must be in scope, as both of a name pair are (the keys are filtered).
    private static final String SCOPE_FILTER_FOR_DOCUMENTS = """
            AND EXISTS (SELECT 1 FROM person_facility f WHERE f.person_id = pa.id
                           AND f.facility_code = ANY(CAST(:scope AS text[])))
            AND EXISTS (SELECT 1 FROM person_facility f WHERE f.person_id = pb.id
                           AND f.facility_code = ANY(CAST(:scope AS text[])))
            """;

    private static final String REFRESH_FREQUENCIES = """
            UPDATE name_token t SET frequency = c.n
              FROM (SELECT token, count(*) AS n FROM person, unnest(search_tokens) AS token
                     WHERE merged_into IS NULL GROUP BY token) c
             WHERE t.token = c.token AND t.frequency <> c.n
            """;

    private static final String REPOINT_ALIASES = "UPDATE person_alias SET person_id = :survivor WHERE person_id = :duplicate";
    private static final String REPOINT_NATIONALITIES = """
            UPDATE person_nationality b SET person_id = :survivor
             WHERE b.person_id = :duplicate
               AND NOT EXISTS (SELECT 1 FROM person_nationality a WHERE a.person_id = :survivor
                                  AND a.country = b.country AND a.retracted_revision IS NULL AND b.retracted_revision IS NULL)
            """;
    // Nationalities the survivor already has stay with the pointer record, retracted by the merge revision.
    private static final String RETRACT_LEFTOVER_NATIONALITIES = """
            UPDATE person_nationality
               SET retracted_revision = (SELECT revision + 1 FROM person WHERE id = :duplicate)
             WHERE person_id = :duplicate AND retracted_revision IS NULL
            """;
    private static final String REPOINT_DOCUMENTS = "UPDATE person_document SET person_id = :survivor WHERE person_id = :duplicate";
    private static final String REPOINT_LANGUAGES = "UPDATE person_language SET person_id = :survivor WHERE person_id = :duplicate";
    private static final String REPOINT_FACILITIES = """
            INSERT INTO person_facility (person_id, facility_code, since)
            SELECT :survivor, facility_code, since FROM person_facility WHERE person_id = :duplicate
            ON CONFLICT (person_id, facility_code) DO UPDATE SET since = least(person_facility.since, EXCLUDED.since)
            """;
    // The one delete in this module: a facility link is a projection of where the person was held, not an entry
    // of the record, and the same link now exists on the survivor.
    private static final String DROP_DUPLICATE_FACILITIES = "DELETE FROM person_facility WHERE person_id = :duplicate";

    private final JdbcClient jdbc;

    PeopleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long nextRegisterNumber() {
        return jdbc.sql(NEXT_REGISTER_NUMBER).query(Long.class).single();
    }

    public void insertPerson(PersonId id, String registerNumber, StoredIdentity identity, SearchKeys keys, Instant now) {
        identity.bind(jdbc.sql(INSERT_PERSON)).param("id", id.value()).param("registerNumber", registerNumber)
                .param("now", utc(now)).params(keys.parameters()).update();
    }

    /** Writes the new current state; false when the revision moved on meanwhile. */
    public boolean updatePerson(PersonId id, int revision, StoredIdentity identity, SearchKeys keys, Instant now) {
        return identity.bind(jdbc.sql(UPDATE_PERSON)).param("id", id.value()).param("revision", revision)
                .param("now", utc(now)).params(keys.parameters()).update() == 1;
    }

    public boolean markMerged(PersonId duplicate, PersonId survivor, Instant now) {
        boolean marked = jdbc.sql(MARK_MERGED).param("id", duplicate.value()).param("survivor", survivor.value())
                .param("now", utc(now)).update() == 1;
        jdbc.sql(FOLLOW_MERGED).param("survivor", survivor.value()).param("duplicate", duplicate.value()).update();
        return marked;
    }

    public Optional<StoredPerson> findPerson(PersonId id) {
        return jdbc.sql(FIND_PERSON).param("id", id.value()).query(PeopleRepository::person).optional();
    }

    public Optional<StoredPerson> lockPerson(PersonId id) {
        return jdbc.sql(LOCK_PERSON).param("id", id.value()).query(PeopleRepository::person).optional();
    }

    public void insertRevision(PersonId person, int revision, String kind, Instant now, String by, String reason,
                               String snapshot) {
        jdbc.sql(INSERT_REVISION).param("person", person.value()).param("revision", revision)
                .param("supersedes", revision == 1 ? null : revision - 1).param("kind", kind).param("now", utc(now))
                .param("by", by).param("reason", reason).param("snapshot", snapshot).update();
    }

    public List<StoredRevision> revisions(PersonId person) {
        return jdbc.sql(LIST_REVISIONS).param("person", person.value()).query((rs, n) -> new StoredRevision(
                rs.getInt("revision"), (Integer) rs.getObject("supersedes"), rs.getString("kind"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                rs.getString("reason"), rs.getString("snapshot"))).list();
    }

    public List<Row<Alias>> aliases(PersonId person) {
        return jdbc.sql(ACTIVE_ALIASES).param("person", person.value()).query((rs, n) -> new Row<>(
                rs.getObject("id", UUID.class), new Alias(Alias.Kind.valueOf(rs.getString("kind")),
                rs.getString("name")))).list();
    }

    public void insertAlias(PersonId person, Alias alias, int revision) {
        jdbc.sql(INSERT_ALIAS).param("id", UUID.randomUUID()).param("person", person.value())
                .param("kind", alias.kind().name()).param("name", alias.name()).param("revision", revision).update();
    }

    public List<Row<Nationality>> nationalities(PersonId person) {
        return jdbc.sql(ACTIVE_NATIONALITIES).param("person", person.value()).query((rs, n) -> new Row<>(
                rs.getObject("id", UUID.class), new Nationality(new CountryCode(rs.getString("country")),
                Nationality.Source.valueOf(rs.getString("determined_from"))))).list();
    }

    public void insertNationality(PersonId person, Nationality nationality, int revision) {
        jdbc.sql(INSERT_NATIONALITY).param("id", UUID.randomUUID()).param("person", person.value())
                .param("country", nationality.country().value())
                .param("determinedFrom", nationality.determinedFrom().name()).param("revision", revision).update();
    }

    public List<Row<IdentityDocument>> documents(PersonId person) {
        return jdbc.sql(ACTIVE_DOCUMENTS).param("person", person.value()).query((rs, n) -> new Row<>(
                rs.getObject("id", UUID.class), new IdentityDocument(IdentityDocument.Type.valueOf(rs.getString("type")),
                rs.getString("issuer"), rs.getString("number"), rs.getObject("expires_on", LocalDate.class)))).list();
    }

    /** Inserts the document; false when the number is in force for the same type and issuer. */
    public boolean insertDocument(PersonId person, IdentityDocument document, int revision) {
        return jdbc.sql(INSERT_DOCUMENT).param("id", UUID.randomUUID()).param("person", person.value())
                .param("type", document.type().name()).param("issuer", document.issuer())
                .param("number", document.number()).param("numberKey", document.numberKey())
                .param("expiresOn", document.expiresOn()).param("revision", revision).update() == 1;
    }

    public List<Row<String>> languages(PersonId person) {
        return jdbc.sql(ACTIVE_LANGUAGES).param("person", person.value())
                .query((rs, n) -> new Row<>(rs.getObject("id", UUID.class), rs.getString("language"))).list();
    }

    public void insertLanguage(PersonId person, String language, int revision) {
        jdbc.sql(INSERT_LANGUAGE).param("id", UUID.randomUUID()).param("person", person.value())
                .param("language", language).param("revision", revision).update();
    }

    /** Retracts rows of one of the identifier tables by id, naming the revision that did it. */
    public void retract(String table, Collection<UUID> ids, int revision) {
        if (ids.isEmpty()) {
            return;
        }
        String sql = switch (table) {
            case "person_alias", "person_nationality", "person_document", "person_language" ->
                    "UPDATE " + table + " SET retracted_revision = :revision WHERE id = ANY(CAST(:ids AS uuid[]))";
            default -> throw new IllegalArgumentException(table);
        };
        jdbc.sql(sql).param("revision", revision).param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    public Optional<PersonId> documentHolder(IdentityDocument document) {
        return jdbc.sql(DOCUMENT_HOLDER).param("type", document.type().name()).param("issuer", document.issuer())
                .param("numberKey", document.numberKey()).query(UUID.class).optional().map(PersonId::new);
    }

    public void lockKeys(List<String> keys) {
        if (!keys.isEmpty()) {
            jdbc.sql(LOCK_KEYS).param("keys", keys.toArray(String[]::new)).query(Long.class).single();
        }
    }

    public void linkFacility(PersonId person, String facility, Instant now) {
        jdbc.sql(LINK_FACILITY).param("person", person.value()).param("facility", facility).param("now", utc(now))
                .update();
    }

    /** The admission facts of those of {@code ids} that exist, are not merged and are linked to {@code scope}. */
    public List<PersonId> byRegisterNumber(String number) {
        return jdbc.sql(BY_REGISTER_NUMBER).param("number", number).query(UUID.class).list().stream()
                .map(PersonId::new).toList();
    }

    public List<PersonId> byDocument(String numberKey, String issuer) {
        return jdbc.sql(BY_DOCUMENT).param("key", numberKey).param("issuer", issuer).query(UUID.class).list()
                .stream().map(PersonId::new).toList();
    }

    /** The people with a full birth date of {@code birth}, each with their full name. */
    public Map<PersonId, String> bornOn(LocalDate birth) {
        Map<PersonId, String> born = new java.util.LinkedHashMap<>();
        jdbc.sql(BORN_ON).param("birth", birth).query((rs, n) -> born.put(new PersonId(rs.getObject("id", UUID.class)),
                rs.getString("full_name"))).list();
        return born;
    }

    public List<org.habeas.people.AdmissionFacts> admissionFacts(Collection<PersonId> ids, Collection<String> scope) {
        return jdbc.sql(ADMISSION_FACTS).param("ids", ids.stream().map(PersonId::value).toArray(UUID[]::new))
                .param("scope", scope == null ? null : scope.toArray(String[]::new))
                .query((rs, n) -> new org.habeas.people.AdmissionFacts(new PersonId(rs.getObject("id", UUID.class)),
                        RecordedSex.valueOf(rs.getString("recorded_sex")),
                        new Birth(Birth.Precision.valueOf(rs.getString("birth_precision")),
                                rs.getObject("birth_date", LocalDate.class), (Integer) rs.getObject("estimated_age"))))
                .list();
    }

    /** Links every one of {@code ids} (a merged record: its survivor) to the facility; answers those newly linked. */
    public List<PersonId> linkAllToFacility(Collection<PersonId> ids, String facility, Instant now) {
        return jdbc.sql(LINK_ALL_TO_FACILITY).param("ids", ids.stream().map(PersonId::value).toArray(UUID[]::new))
                .param("facility", facility).param("now", utc(now))
                .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class))).list();
    }

    public List<String> facilities(PersonId person) {
        return jdbc.sql(FACILITIES).param("person", person.value()).query(String.class).list();
    }

    /** Whether the record exists and is in {@code scope} (null: every facility), in one statement; reads no identity. */
    public boolean visible(PersonId id, Collection<String> scope) {
        return jdbc.sql(VISIBLE).param("id", id.value())
                .param("scope", scope == null ? null : scope.toArray(String[]::new)).query(Boolean.class).single();
    }

    public boolean linkedToAny(PersonId person, Collection<String> facilities) {
        return jdbc.sql(IN_SCOPE).param("person", person.value()).param("scope", facilities.toArray(String[]::new))
                .query(Boolean.class).single();
    }

    public void addTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        List<String> sorted = tokens.stream().distinct().sorted().toList();
        jdbc.sql(ADD_TOKENS).param("tokens", sorted.toArray(String[]::new))
                .param("phonetics", sorted.stream().map(NameKeys::phonetic).toArray(String[]::new)).update();
    }

    public List<Variant> variants(List<String> tokens) {
        return jdbc.sql(VARIANTS).param(tokens.toArray(String[]::new))
                .param(tokens.stream().map(NameKeys::phonetic).toArray(String[]::new))
                .query((rs, n) -> variant(rs)).list();
    }

    public static Variant variant(ResultSet rs) throws SQLException {
        return new Variant(rs.getString("query"), rs.getString("token"), rs.getInt("frequency"),
                rs.getDouble("similarity"));
    }

    /**
     * How the search statements are planned, for the rest of the transaction ({@link #SEARCH_SETTINGS}). They
     * differ only in their keys, yet one key is shared by three people and another by thirty thousand:
     * <ul>
     *     <li>a plan cached for the one is wrong for the other (after five runs PgJDBC prepares server-side and
     *         PostgreSQL may switch to a generic plan: 1.2 s instead of 4 ms for a name with a birth year);</li>
     *     <li>element statistics cannot know a million rare keys, so each unknown one is guessed at a few hundred
     *         rows; with a hundred keys and a LIMIT the planner then expects to fill the LIMIT early by reading
     *         person in order, and reads all of it (30 s) for the dozen people who match. The name indexes are
     *         always the way in;</li>
     *     <li>no JIT compilation: it costs tens of milliseconds to save microseconds on index reads, and a plan
     *         priced with a disabled sequential scan always looks expensive enough to trigger it.</li>
     * </ul>
     */
    public void planEachSearch() {
        jdbc.sql(SEARCH_SETTINGS).query((rs, n) -> n).list();
    }

    /** The settings of {@link #planEachSearch()}, as one statement (the benchmark runs it too). */
    public static final String SEARCH_SETTINGS = """
            SELECT set_config('plan_cache_mode', 'force_custom_plan', true), set_config('enable_seqscan', 'off', true),
                   set_config('jit', 'off', true)
            """;

    public List<Candidate> candidates(Statement statement) {
        return jdbc.sql(statement.sql()).params(statement.params()).query(PeopleRepository::candidate).list();
    }

    /** One index condition of a candidate search: {@code column} shares a key with {@code keys}, or holds them all. */
    public record KeySet(String column, boolean all, Collection<String> keys) {

        public KeySet {
            if (!column.equals("search_pairs") && !column.equals("search_tokens")) {
                throw new IllegalArgumentException(column);
            }
            keys = List.copyOf(keys);
        }

        public static KeySet any(String column, Collection<String> keys) {
            return new KeySet(column, false, keys);
        }

        public static KeySet all(String column, Collection<String> keys) {
            return new KeySet(column, true, keys);
        }
    }

    /** SQL text with positional parameters, the same for the service and for the bare-SQL benchmark. */
    public record Statement(String sql, List<Object> params) {
    }

    /**
     * People matching every key condition of at least one of {@code alternatives}, narrowed by {@code filter}; at
     * most {@code cap}. The cap is a literal, not a parameter, so the planner always knows it reads a few thousand
     * rows at most.
     */
    public static Statement candidateStatement(List<List<KeySet>> alternatives, Filter filter, int cap) {
        var sql = new StringBuilder(CANDIDATES);
        List<Object> params = new java.util.ArrayList<>();
        sql.append("   AND (");
        for (int a = 0; a < alternatives.size(); a++) {
            sql.append(a == 0 ? "(" : "\n        OR (");
            List<KeySet> conditions = alternatives.get(a);
            for (int i = 0; i < conditions.size(); i++) {
                KeySet c = conditions.get(i);
                sql.append(i == 0 ? "" : " AND ").append("p.").append(c.column()).append(c.all() ? " @> " : " && ")
                        .append("CAST(? AS text[])");
                params.add(c.keys().toArray(String[]::new));
            }
            sql.append(")");
        }
        sql.append(")\n");
        filter.appendTo(sql, params);
        sql.append(" LIMIT ").append(cap);
        return new Statement(sql.toString(), params);
    }

    public List<Candidate> byIdentifier(String registerNumber, String numberKey, Filter filter) {
        var sql = new StringBuilder(BY_IDENTIFIER);
        List<Object> params = new java.util.ArrayList<>(List.of(registerNumber, numberKey));
        filter.appendTo(sql, params);
        return jdbc.sql(sql.toString()).params(params).query(PeopleRepository::candidate).list();
    }

    /** The nationalities in force of each person named, by id. */
    public Map<UUID, List<String>> nationalitiesOf(Collection<UUID> ids) {
        Map<UUID, List<String>> byPerson = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(NATIONALITIES_OF).param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                    .query((rs, n) -> byPerson.put(rs.getObject("person_id", UUID.class),
                            strings(rs.getArray("countries")))).list();
        }
        return byPerson;
    }

    public List<Candidate> summaries(Collection<UUID> ids) {
        return jdbc.sql(SUMMARIES).param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(PeopleRepository::candidate).list();
    }

    public List<UUID> holdersOfNumbers(Collection<String> numberKeys) {
        return jdbc.sql(HOLDERS_OF_NUMBERS).param("keys", numberKeys.toArray(String[]::new)).query(UUID.class).list();
    }

    public List<StoredPair> duplicatePairs(Collection<String> scope, int limit) {
        String sql = scope == null ? DUPLICATE_PAIRS.formatted("", "")
                : DUPLICATE_PAIRS.formatted(SCOPE_FILTER_FOR_KEYS, SCOPE_FILTER_FOR_DOCUMENTS);
        var query = jdbc.sql(sql).param("limit", limit);
        if (scope != null) {
            query = query.param("scope", scope.toArray(String[]::new));
        }
        return query.query((rs, n) -> new StoredPair(rs.getObject("first", UUID.class),
                rs.getObject("second", UUID.class), rs.getInt("shared"), rs.getBoolean("same_document"))).list();
    }

    public int refreshFrequencies() {
        return jdbc.sql(REFRESH_FREQUENCIES).update();
    }

    /** Moves the people module's own rows of {@code duplicate} to {@code survivor}; answers how many moved. */
    public int repointIdentifiers(PersonId duplicate, PersonId survivor) {
        int moved = 0;
        for (String sql : List.of(REPOINT_ALIASES, REPOINT_NATIONALITIES, REPOINT_DOCUMENTS, REPOINT_LANGUAGES)) {
            moved += jdbc.sql(sql).param("duplicate", duplicate.value()).param("survivor", survivor.value()).update();
        }
        jdbc.sql(RETRACT_LEFTOVER_NATIONALITIES).param("duplicate", duplicate.value()).update();
        return moved;
    }

    public int repointFacilities(PersonId duplicate, PersonId survivor) {
        int moved = jdbc.sql(REPOINT_FACILITIES).param("duplicate", duplicate.value())
                .param("survivor", survivor.value()).update();
        jdbc.sql(DROP_DUPLICATE_FACILITIES).param("duplicate", duplicate.value()).update();
        return moved;
    }

    private static StoredPerson person(ResultSet rs, int n) throws SQLException {
        var precision = Birth.Precision.valueOf(rs.getString("birth_precision"));
        var birth = new Birth(precision, rs.getObject("birth_date", LocalDate.class),
                (Integer) rs.getObject("estimated_age"));
        UUID merged = rs.getObject("merged_into", UUID.class);
        return new StoredPerson(new PersonId(rs.getObject("id", UUID.class)), rs.getString("register_number"),
                new StoredIdentity(new PersonName(rs.getString("given_names"), rs.getString("first_family_name"),
                        rs.getString("second_family_name"), rs.getString("full_name")), birth,
                        rs.getString("birth_place"), RecordedSex.valueOf(rs.getString("recorded_sex")),
                        rs.getString("gender_identity"), rs.getBoolean("interpreter_needed"),
                        IdentityStatus.valueOf(rs.getString("identity_status")), rs.getString("identity_note")),
                merged == null ? null : new PersonId(merged), rs.getInt("revision"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    public static Candidate candidate(ResultSet rs, int n) throws SQLException {
        var precision = Birth.Precision.valueOf(rs.getString("birth_precision"));
        var birth = new Birth(precision, rs.getObject("birth_date", LocalDate.class),
                (Integer) rs.getObject("estimated_age"));
        var summary = new PersonSummary(new PersonId(rs.getObject("id", UUID.class)), rs.getString("register_number"),
                rs.getString("full_name"), birth.text(), IdentityStatus.valueOf(rs.getString("identity_status")),
                strings(rs.getArray("nationalities")));
        return new Candidate(summary, birth, rs.getString("search_names"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The scalar part of an identity as stored on the person row. */
    public record StoredIdentity(PersonName name, Birth birth, String birthPlace, RecordedSex recordedSex,
                                 String genderIdentity, boolean interpreterNeeded, IdentityStatus status,
                                 String statusNote) {

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.param("givenNames", name.givenNames()).param("firstFamilyName", name.firstFamilyName())
                    .param("secondFamilyName", name.secondFamilyName()).param("fullName", name.fullName())
                    .param("birthPrecision", birth.precision().name()).param("birthDate", birth.date())
                    .param("estimatedAge", birth.estimatedAge()).param("birthPlace", birthPlace)
                    .param("recordedSex", recordedSex.name()).param("genderIdentity", genderIdentity)
                    .param("interpreterNeeded", interpreterNeeded).param("identityStatus", status.name())
                    .param("identityNote", statusNote);
        }
    }

    public record StoredPerson(PersonId id, String registerNumber, StoredIdentity identity, PersonId mergedInto,
                               int revision, Instant registeredAt, Instant updatedAt) {
    }

    public record StoredRevision(int revision, Integer supersedes, String kind, Instant recordedAt, String recordedBy,
                                 String reason, String snapshot) {
    }

    public record Row<T>(UUID id, T value) {
    }

    public record Variant(String query, String token, int frequency, double similarity) {
    }

    public record Candidate(PersonSummary summary, Birth birth, String searchNames) {
    }

    public record StoredPair(UUID first, UUID second, int sharedKeys, boolean sameDocument) {
    }

    /** The derived search columns of a person row (see V21). */
    public record SearchKeys(List<String> tokens, List<String> pairs, String names, List<Integer> birthYears,
                             List<String> duplicateKeys) {

        Map<String, Object> parameters() {
            return Map.of("searchTokens", tokens.toArray(String[]::new), "searchPairs", pairs.toArray(String[]::new),
                    "searchNames", names, "birthYears", birthYears.toArray(Integer[]::new),
                    "duplicateKeys", duplicateKeys.toArray(String[]::new));
        }
    }

    /** The narrowing parts of a search, each appended as its own named SQL fragment when present. */
    public record Filter(Integer birthYear, LocalDate birthDate, String nationality, String facility,
                         Collection<String> scope) {

        /** The year every match must be born in (of the birth date when one is given), or null. */
        public Integer year() {
            return birthDate != null ? Integer.valueOf(birthDate.getYear()) : birthYear;
        }

        void appendTo(StringBuilder sql, List<Object> params) {
            if (birthDate != null) {
                sql.append(BY_BIRTH_DATE);
                params.add(birthDate.getYear());
                params.add(birthDate);
                params.add(birthDate);
            } else if (birthYear != null) {
                sql.append(BY_BIRTH_YEAR);
                params.add(birthYear);
            }
            if (nationality != null) {
                sql.append(BY_NATIONALITY);
                params.add(nationality);
            }
            if (facility != null) {
                sql.append(BY_FACILITY);
                params.add(facility);
            }
            if (scope != null) {
                sql.append(BY_SCOPE);
                params.add(scope.toArray(String[]::new));
            }
        }
    }
}

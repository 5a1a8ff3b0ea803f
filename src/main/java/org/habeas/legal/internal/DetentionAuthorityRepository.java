package org.habeas.legal.internal;

import static org.habeas.common.SqlTimes.instant;
import static org.habeas.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.legal.DetentionAuthority;
import org.habeas.legal.DetentionStanding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Detention authority documents' SQL (REQ-02), and the one definition of a detention's standing: the governing
 * document of each open episode (the latest recorded after admission, else the admission's authority from custody's
 * published view custody_open_episode) judged on the facility's own date. Nothing here updates or deletes.
 */
@Repository
public class DetentionAuthorityRepository {

    private static final String DOCUMENT_COLUMNS = """
            id, person_id, episode_id, type, issued_by, issued_on, document_reference, valid_until, review_due,
            recorded_at, recorded_by
            """;

    private static final String INSERT_DOCUMENT = """
            INSERT INTO legal_detention_authority (id, person_id, episode_id, type, issued_by, issued_on,
                   document_reference, valid_until, review_due, recorded_at, recorded_by)
            VALUES (:id, :person, :episode, :type, :issuedBy, :issuedOn, :reference, :validUntil, :reviewDue, :at, :by)
            """;
    private static final String SELECT_DOCUMENTS_OF_PERSON = "SELECT " + DOCUMENT_COLUMNS + """
             FROM legal_detention_authority WHERE person_id = :person ORDER BY issued_on DESC, recorded_at DESC
            """;

    private static final String SELECT_ADMISSION_OF_OPEN_EPISODE = """
            SELECT episode_id, person_id, authority_type, issuing_authority, authority_date, authority_reference,
                   admitted_at
              FROM custody_open_episode WHERE person_id = :person
            """;

    // Every open episode in the reader's facilities with its governing document and its standing on the
    // facility's date. A renewal replaces what it renews, so the latest document governs, by date of issue and
    // then by when it was recorded; the admission's authority governs until one is recorded, with no end or
    // review date of its own.
    private static final String STANDINGS = """
            SELECT e.episode_id, e.person_id, e.facility_code, e.legal_status, e.admitted_at, e.authority_type,
                   e.issuing_authority, e.authority_date, e.authority_reference,
                   d.id, d.type, d.issued_by, d.issued_on, d.document_reference, d.valid_until, d.review_due,
                   d.recorded_at, d.recorded_by, t.today,
                   CASE WHEN d.valid_until < t.today THEN 'EXPIRED'
                        WHEN d.review_due < t.today THEN 'REVIEW_OVERDUE'
                        ELSE 'VALID' END AS standing
              FROM custody_open_episode e
              LEFT JOIN estate_facility_zone z ON z.facility_code = e.facility_code
             CROSS JOIN LATERAL (SELECT CAST(CAST(:now AS timestamptz) AT TIME ZONE coalesce(z.time_zone, 'UTC')
                                             AS date) AS today) t
              LEFT JOIN LATERAL (SELECT a.id, a.type, a.issued_by, a.issued_on, a.document_reference, a.valid_until,
                                        a.review_due, a.recorded_at, a.recorded_by
                                   FROM legal_detention_authority a
                                  WHERE a.episode_id = e.episode_id
                                  ORDER BY a.issued_on DESC, a.recorded_at DESC LIMIT 1) d ON true
             WHERE (CAST(:facilities AS text[]) IS NULL OR e.facility_code = ANY (CAST(:facilities AS text[])))
            """;
    private static final String DUE = " AND (d.valid_until < t.today OR d.review_due < t.today)";
    // Only an episode with a document past a date can be due: found from the documents (V93's indexes), the open
    // episodes read by their key. :cutoff is a day after today anywhere, so no facility's today is missed; the
    // governing document then decides.
    private static final String STANDINGS_OF_CANDIDATES = STANDINGS.replace("FROM custody_open_episode e", """
            FROM (SELECT episode_id FROM legal_detention_authority WHERE valid_until < :cutoff
                  UNION SELECT episode_id FROM legal_detention_authority WHERE review_due < :cutoff) c
              JOIN custody_open_episode e ON e.episode_id = c.episode_id""");
    private static final String SELECT_STANDINGS_DUE_IN_SCOPE = STANDINGS_OF_CANDIDATES + DUE
            + " ORDER BY least(d.valid_until, d.review_due), e.admitted_at LIMIT :limit";
    private static final String COUNT_STANDINGS_DUE_IN_SCOPE = "SELECT count(*) FROM (" + STANDINGS_OF_CANDIDATES
            + DUE + ") due";
    private static final String SELECT_STANDING_OF_PERSON = STANDINGS + " AND e.person_id = :person";

    private final JdbcClient jdbc;

    DetentionAuthorityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DetentionAuthority a) {
        int inserted = jdbc.sql(INSERT_DOCUMENT).param("id", a.id()).param("person", a.person())
                .param("episode", a.episode()).param("type", a.type().name()).param("issuedBy", a.issuedBy())
                .param("issuedOn", a.issuedOn()).param("reference", a.documentReference())
                .param("validUntil", a.validUntil()).param("reviewDue", a.reviewDue())
                .param("at", utc(a.recordedAt())).param("by", a.recordedBy()).update();
        if (inserted != 1) {
            throw new IllegalStateException("insert detention authority " + a.id() + ": " + inserted + " rows");
        }
    }

    public List<DetentionAuthority> documents(UUID person) {
        return jdbc.sql(SELECT_DOCUMENTS_OF_PERSON).param("person", person).query((rs, n) -> new DetentionAuthority(
                rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getObject("episode_id", UUID.class), DetentionAuthority.Type.valueOf(rs.getString("type")),
                rs.getString("issued_by"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("document_reference"), rs.getObject("valid_until", LocalDate.class),
                rs.getObject("review_due", LocalDate.class), instant(rs, "recorded_at"), rs.getString("recorded_by"),
                false)).list();
    }

    /** The admission's authority of the person's open episode, as the episode's first document. */
    public Optional<DetentionAuthority> admission(UUID person) {
        return jdbc.sql(SELECT_ADMISSION_OF_OPEN_EPISODE).param("person", person).query((rs, n) -> admission(rs))
                .optional();
    }

    /** The person's open episode and its standing, whatever the reader's scope (the service checks it). */
    public Optional<DetentionStanding> standing(UUID person, Instant now) {
        return jdbc.sql(SELECT_STANDING_OF_PERSON).param("now", utc(now)).param("facilities", null)
                .param("person", person).query((rs, n) -> standing(rs)).optional();
    }

    /** Held people whose detention is past its review date or has no valid authority, most overdue first. */
    public List<DetentionStanding> due(Set<String> facilities, Instant now, int limit) {
        return jdbc.sql(SELECT_STANDINGS_DUE_IN_SCOPE).param("now", utc(now)).param("cutoff", cutoff(now))
                .param("facilities", facilities == null ? null : facilities.toArray(String[]::new))
                .param("limit", limit).query((rs, n) -> standing(rs)).list();
    }

    public int countDue(Set<String> facilities, Instant now) {
        return jdbc.sql(COUNT_STANDINGS_DUE_IN_SCOPE).param("now", utc(now)).param("cutoff", cutoff(now))
                .param("facilities", facilities == null ? null : facilities.toArray(String[]::new))
                .query(Integer.class).single();
    }

    // A day after the latest today anywhere (UTC+14): a document past its date in some facility's zone is before it.
    private static LocalDate cutoff(Instant now) {
        return now.atOffset(java.time.ZoneOffset.ofHours(14)).toLocalDate().plusDays(1);
    }

    // custody's authority types are all among ours (DetentionAuthority.Type begins with them).
    private static DetentionAuthority admission(ResultSet rs) throws SQLException {
        UUID episode = rs.getObject("episode_id", UUID.class);
        return new DetentionAuthority(episode, rs.getObject("person_id", UUID.class), episode,
                DetentionAuthority.Type.valueOf(rs.getString("authority_type")), rs.getString("issuing_authority"),
                rs.getObject("authority_date", LocalDate.class), rs.getString("authority_reference"), null, null,
                instant(rs, "admitted_at"), null, true);
    }

    private static DetentionStanding standing(ResultSet rs) throws SQLException {
        UUID person = rs.getObject("person_id", UUID.class);
        UUID episode = rs.getObject("episode_id", UUID.class);
        UUID document = rs.getObject("id", UUID.class);
        DetentionAuthority current = document == null ? admission(rs) : new DetentionAuthority(document, person, episode, DetentionAuthority.Type.valueOf(rs.getString("type")),
                        rs.getString("issued_by"), rs.getObject("issued_on", LocalDate.class),
                        rs.getString("document_reference"), rs.getObject("valid_until", LocalDate.class),
                        rs.getObject("review_due", LocalDate.class), instant(rs, "recorded_at"),
                        rs.getString("recorded_by"), false);
        return new DetentionStanding(person, episode, rs.getString("facility_code"), rs.getString("legal_status"),
                instant(rs, "admitted_at"), current, rs.getObject("today", LocalDate.class),
                DetentionStanding.Standing.valueOf(rs.getString("standing")));
    }
}

package org.habeas.oversight.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.oversight.Incident;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.habeas.common.SqlTimes.instant;
import static org.habeas.common.SqlTimes.utc;

/** Incidents (custody's deaths and escapes, V92 custody_death_or_escape, and the serious injuries) and reports. */
@Repository
public class IncidentRepository {

    private static final String INCIDENTS = """
            SELECT i.id, i.kind, i.person_id, i.facility_code, i.occurred_at, r.authority, r.reference, r.reported_on,
                   r.recorded_at, r.recorded_by
              FROM (SELECT movement_id AS id, CASE kind WHEN 'DIED' THEN 'DEATH' ELSE 'ESCAPE' END AS kind, person_id,
                           facility_code, occurred_at
                      FROM custody_death_or_escape
                     UNION ALL
                    SELECT id, 'SERIOUS_INJURY', person_id, facility_code, occurred_at
                      FROM oversight_serious_injury) i
              LEFT JOIN oversight_incident_report r ON r.incident_id = i.id
            """;

    private static final String IN_FACILITIES = INCIDENTS + """
             WHERE (CAST(:everyFacility AS boolean) OR i.facility_code = ANY (CAST(:codes AS text[])))
               AND (NOT :unreportedOnly OR r.incident_id IS NULL)
             ORDER BY i.occurred_at DESC, i.id
             LIMIT :limit""";

    private static final String ONE = INCIDENTS + " WHERE i.id = :id";

    private static final String INSERT_INJURY = """
            INSERT INTO oversight_serious_injury (id, person_id, facility_code, occurred_at, description, recorded_at,
                                                  recorded_by)
            VALUES (:id, :person, :facility, :occurredAt, :description, :now, :by)""";

    private static final String INJURY_DESCRIPTION = "SELECT description FROM oversight_serious_injury WHERE id = :id";

    // One report per incident: of two officers reporting at once, the second finds the first's and is refused.
    private static final String INSERT_REPORT = """
            INSERT INTO oversight_incident_report (incident_id, incident_kind, authority, reference, reported_on,
                                                   recorded_at, recorded_by)
            VALUES (:id, :kind, :authority, :reference, :reportedOn, :now, :by)
            ON CONFLICT (incident_id) DO NOTHING""";

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The incidents of {@code facilities} (empty: every facility), the latest first. */
    public List<Incident> incidents(Optional<Set<String>> facilities, boolean unreportedOnly, int limit) {
        return jdbc.sql(IN_FACILITIES).param("everyFacility", facilities.isEmpty())
                .param("codes", facilities.orElse(Set.of()).toArray(String[]::new))
                .param("unreportedOnly", unreportedOnly).param("limit", limit).query((rs, n) -> incident(rs)).list();
    }

    public Optional<Incident> incident(UUID id) {
        return jdbc.sql(ONE).param("id", id).query((rs, n) -> incident(rs)).optional();
    }

    public void insertInjury(UUID id, UUID person, String facility, Instant occurredAt, String description,
                             Instant now, String by) {
        jdbc.sql(INSERT_INJURY).param("id", id).param("person", person).param("facility", facility)
                .param("occurredAt", utc(occurredAt)).param("description", description).param("now", utc(now))
                .param("by", by).update();
    }

    public Optional<String> injuryDescription(UUID id) {
        return jdbc.sql(INJURY_DESCRIPTION).param("id", id).query(String.class).optional();
    }

    public boolean insertReport(Incident incident, Incident.Report report) {
        return jdbc.sql(INSERT_REPORT).param("id", incident.id()).param("kind", incident.kind().name())
                .param("authority", report.authority()).param("reference", report.reference())
                .param("reportedOn", report.reportedOn()).param("now", utc(report.recordedAt()))
                .param("by", report.recordedBy()).update() == 1;
    }

    private static Incident incident(java.sql.ResultSet rs) throws java.sql.SQLException {
        Incident.Report report = rs.getString("authority") == null ? null
                : new Incident.Report(rs.getString("authority"), rs.getString("reference"),
                        rs.getObject("reported_on", java.time.LocalDate.class), instant(rs, "recorded_at"),
                        rs.getString("recorded_by"));
        return new Incident(rs.getObject("id", UUID.class), Incident.Kind.valueOf(rs.getString("kind")),
                rs.getObject("person_id", UUID.class), rs.getString("facility_code"), instant(rs, "occurred_at"),
                report);
    }
}

package org.habeas.rights.internal;

import static org.habeas.common.SqlTimes.instant;
import static org.habeas.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.habeas.people.PersonId;
import org.habeas.rights.LocatorRestriction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The locator's SQL: its enquiries (the rate limit counts them), its key, and the restrictions on its answers. */
@Repository
public class LocatorRepository {

    // One client's enquiries are counted and recorded one at a time: two at once must not both pass the last one.
    private static final String LOCK_CLIENT = "SELECT pg_advisory_xact_lock(hashtextextended(:client, 16))";

    private static final String COUNT_SINCE = """
            SELECT count(*) FILTER (WHERE asked_at > :minuteAgo) AS in_minute, count(*) AS in_day,
                   min(asked_at) FILTER (WHERE asked_at > :minuteAgo) AS oldest_in_minute,
                   min(asked_at) AS oldest_in_day
              FROM rights_locator_enquiry
             WHERE client_key = :client AND asked_at > :dayAgo AND outcome <> 'RATE_LIMITED'""";

    private static final String INSERT_ENQUIRY = """
            INSERT INTO rights_locator_enquiry (id, asked_at, client_key, kind, outcome, person_id)
            VALUES (:id, :at, :client, :kind, :outcome, :person)""";

    private static final String KEY = "SELECT key FROM rights_locator_key";

    private static final String RESTRICTION_COLUMNS = """
            id, person_id, ground, ordered_by, reference, recorded_at, recorded_by, lifted_at, lifted_by""";

    private static final String RESTRICTIONS_OF_PERSON = "SELECT " + RESTRICTION_COLUMNS + """

              FROM rights_locator_restriction WHERE person_id = :person ORDER BY recorded_at DESC, id""";

    private static final String RESTRICTION_IN_FORCE = "SELECT " + RESTRICTION_COLUMNS + """

              FROM rights_locator_restriction WHERE person_id = :person AND lifted_at IS NULL
             ORDER BY recorded_at DESC LIMIT 1""";

    private static final String INSERT_RESTRICTION = """
            INSERT INTO rights_locator_restriction (id, person_id, ground, ordered_by, reference, recorded_at,
                                                    recorded_by)
            VALUES (:id, :person, :ground, :orderedBy, :reference, :at, :by)""";

    private static final String LIFT_RESTRICTION = """
            UPDATE rights_locator_restriction SET lifted_at = :at, lifted_by = :by
             WHERE id = :id AND person_id = :person AND lifted_at IS NULL
            RETURNING\s""" + RESTRICTION_COLUMNS;

    private final JdbcClient jdbc;

    LocatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One client's enquiries that were answered, in the last minute and the last day, and the oldest of each. */
    public record Counted(long inMinute, long inDay, Instant oldestInMinute, Instant oldestInDay) {
    }

    public String key() {
        return jdbc.sql(KEY).query(String.class).single();
    }

    public void lockClient(String client) {
        jdbc.sql(LOCK_CLIENT).param("client", client).query((rs, n) -> 1).list();
    }

    public Counted counted(String client, Instant now) {
        return jdbc.sql(COUNT_SINCE).param("client", client).param("minuteAgo", utc(now.minusSeconds(60)))
                .param("dayAgo", utc(now.minusSeconds(86_400)))
                .query((rs, n) -> new Counted(rs.getLong("in_minute"), rs.getLong("in_day"),
                        instant(rs, "oldest_in_minute"), instant(rs, "oldest_in_day"))).single();
    }

    public void recordEnquiry(UUID id, Instant at, String client, String kind, String outcome, PersonId person) {
        jdbc.sql(INSERT_ENQUIRY).param("id", id).param("at", utc(at)).param("client", client).param("kind", kind)
                .param("outcome", outcome).param("person", person == null ? null : person.value()).update();
    }

    public List<LocatorRestriction> restrictions(PersonId person) {
        return jdbc.sql(RESTRICTIONS_OF_PERSON).param("person", person.value()).query(this::restriction).list();
    }

    public Optional<LocatorRestriction> restrictionInForce(PersonId person) {
        return jdbc.sql(RESTRICTION_IN_FORCE).param("person", person.value()).query(this::restriction).optional();
    }

    public void insertRestriction(UUID id, PersonId person, String ground, String orderedBy, String reference,
                                  Instant at, String by) {
        jdbc.sql(INSERT_RESTRICTION).param("id", id).param("person", person.value()).param("ground", ground)
                .param("orderedBy", orderedBy).param("reference", reference).param("at", utc(at)).param("by", by)
                .update();
    }

    /** Lifts the restriction if it is the person's and in force; empty otherwise. */
    public Optional<LocatorRestriction> lift(PersonId person, UUID id, Instant at, String by) {
        return jdbc.sql(LIFT_RESTRICTION).param("id", id).param("person", person.value()).param("at", utc(at))
                .param("by", by).query(this::restriction).optional();
    }

    private LocatorRestriction restriction(ResultSet rs, int n) throws SQLException {
        return new LocatorRestriction(rs.getObject("id", UUID.class),
                new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("ground"),
                rs.getString("ordered_by"), rs.getString("reference"), instant(rs, "recorded_at"),
                rs.getString("recorded_by"), instant(rs, "lifted_at"), rs.getString("lifted_by"));
    }
}

package org.habeas.rights.internal;

import static org.habeas.common.SqlTimes.instant;
import static org.habeas.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.habeas.rights.Representation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The verified representatives of people: who may see whom. */
@Repository
public class RepresentationRepository {

    private static final String COLUMNS = """
            r.id, r.user_id, u.username, r.person_id, r.kind, r.evidence, r.verified_at, r.verified_by, r.revoked_at,
            r.revoked_by""";

    private static final String OF_PERSON = "SELECT " + COLUMNS + """

              FROM rights_representation r JOIN app_user u ON u.id = r.user_id
             WHERE r.person_id = :person ORDER BY r.verified_at DESC, r.id""";

    private static final String IN_FORCE_OF_USER = "SELECT " + COLUMNS + """

              FROM rights_representation r JOIN app_user u ON u.id = r.user_id
             WHERE r.user_id = :user AND r.revoked_at IS NULL ORDER BY r.verified_at, r.id""";

    private static final String INSERT = """
            INSERT INTO rights_representation (id, user_id, person_id, kind, evidence, verified_at, verified_by)
            VALUES (:id, :user, :person, :kind, :evidence, :at, :by)
            ON CONFLICT DO NOTHING""";

    private static final String REVOKE = """
            UPDATE rights_representation SET revoked_at = :at, revoked_by = :by
             WHERE id = :id AND person_id = :person AND revoked_at IS NULL""";

    private final JdbcClient jdbc;

    RepresentationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Representation> ofPerson(UUID person) {
        return jdbc.sql(OF_PERSON).param("person", person).query(RepresentationRepository::row).list();
    }

    public List<Representation> inForceOfUser(UUID user) {
        return jdbc.sql(IN_FORCE_OF_USER).param("user", user).query(RepresentationRepository::row).list();
    }

    public Optional<Representation> inForce(UUID user, UUID person) {
        return inForceOfUser(user).stream().filter(r -> r.person().equals(person)).findFirst();
    }

    /** Inserts the verification; false when one is already in force for this representative and person. */
    public boolean insert(UUID id, UUID user, UUID person, Representation.Kind kind, String evidence, Instant at,
                          String by) {
        return jdbc.sql(INSERT).param("id", id).param("user", user).param("person", person)
                .param("kind", kind.name()).param("evidence", evidence).param("at", utc(at)).param("by", by)
                .update() == 1;
    }

    public boolean revoke(UUID person, UUID id, Instant at, String by) {
        return jdbc.sql(REVOKE).param("id", id).param("person", person).param("at", utc(at)).param("by", by)
                .update() == 1;
    }

    private static Representation row(ResultSet rs, int n) throws SQLException {
        return new Representation(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("username"), rs.getObject("person_id", UUID.class),
                Representation.Kind.valueOf(rs.getString("kind")), rs.getString("evidence"),
                instant(rs, "verified_at"), rs.getString("verified_by"), instant(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }
}

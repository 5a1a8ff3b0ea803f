package org.habeas.custody.placement.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.people.PersonId;
import org.habeas.people.PersonReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When duplicate B is merged into A, B's allegations and non-associations become A's. A non-association between A
 * and B themselves means nothing once they are one person: it is closed, with the merge as the reason in its
 * history. Custody's own rows (episodes, the ledger, whereabouts) move with custody's merge, in the same transaction.
 */
@Component
class AssociationMerge implements PersonReferences {

    private static final String PAIRS_WITH_EACH_OTHER = """
            SELECT id FROM non_association
             WHERE status = 'OPEN'
               AND ((person_a = :duplicate AND person_b = :survivor) OR (person_a = :survivor AND person_b = :duplicate))
            """;

    private static final String CLOSE_PAIR = "UPDATE non_association SET status = 'CLOSED' WHERE id = :id";

    // Rows whose person is the duplicate; a pair with the survivor keeps the duplicate's id (it is closed above).
    private static final List<String> REPOINT = List.of(
            "UPDATE allegation SET person_id = :survivor WHERE person_id = :duplicate",
            "UPDATE non_association SET person_a = :survivor WHERE person_a = :duplicate AND person_b <> :survivor",
            "UPDATE non_association SET person_b = :survivor WHERE person_b = :duplicate AND person_a <> :survivor");

    private final JdbcClient jdbc;
    private final AssociationRepository associations;
    private final FacilityScope scope;
    private final Clock clock;

    AssociationMerge(JdbcClient jdbc, AssociationRepository associations, FacilityScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.associations = associations;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "custody.placement";
    }

    @Override
    public int repoint(PersonId duplicate, PersonId survivor) {
        UUID from = duplicate.value();
        UUID to = survivor.value();
        var now = clock.instant();
        for (UUID pair : jdbc.sql(PAIRS_WITH_EACH_OTHER).param("duplicate", from).param("survivor", to)
                .query(UUID.class).list()) {
            jdbc.sql(CLOSE_PAIR).param("id", pair).update();
            associations.insertHistory(pair, "NON_ASSOCIATION", now, scope.actorName(), "OPEN", "CLOSED",
                    "the two people were merged into one record");
        }
        int moved = 0;
        for (String sql : REPOINT) {
            moved += jdbc.sql(sql).param("duplicate", from).param("survivor", to).update();
        }
        return moved;
    }
}

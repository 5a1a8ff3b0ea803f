package org.habeas.custody.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.common.Conflict;
import org.habeas.common.ErrorCode;
import org.habeas.people.PersonId;
import org.habeas.people.PersonReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When duplicate B is merged into A, B's custody becomes A's: episodes, the ledger, the current whereabouts,
 * ill-treatment referrals, allegations and non-associations (issue 4; DESIGN.md invariant 1). Two records held at
 * the same time cannot be one person's: that merge is refused with {@code MERGE_CUSTODY_OVERLAP}, so one human
 * never has two whereabouts. A non-association between A and B themselves means nothing once they are one person:
 * it is closed, with the merge as the reason in its history.
 */
@Component
class CustodyMerge implements PersonReferences {

    private static final String LOCK_WHEREABOUTS = """
            SELECT person_id FROM whereabouts WHERE person_id IN (:duplicate, :survivor) ORDER BY person_id FOR UPDATE
            """;

    private static final String OVERLAPPING_EPISODES = """
            SELECT count(*)
              FROM custody_episode d
              JOIN custody_episode s ON s.person_id = :survivor
                   AND tstzrange(s.admitted_at, s.ended_at, '[)') && tstzrange(d.admitted_at, d.ended_at, '[)')
             WHERE d.person_id = :duplicate
            """;

    private static final String PAIRS_WITH_EACH_OTHER = """
            SELECT id FROM non_association
             WHERE status = 'OPEN'
               AND ((person_a = :duplicate AND person_b = :survivor) OR (person_a = :survivor AND person_b = :duplicate))
            """;

    private static final String CLOSE_PAIR = "UPDATE non_association SET status = 'CLOSED' WHERE id = :id";

    // Rows whose person is the duplicate; a pair with the survivor keeps the duplicate's id (it is closed above).
    private static final List<String> REPOINT = List.of(
            "UPDATE custody_episode SET person_id = :survivor WHERE person_id = :duplicate",
            "UPDATE movement SET person_id = :survivor WHERE person_id = :duplicate",
            "UPDATE whereabouts SET person_id = :survivor WHERE person_id = :duplicate",
            "UPDATE ill_treatment_referral SET person_id = :survivor WHERE person_id = :duplicate",
            "UPDATE allegation SET person_id = :survivor WHERE person_id = :duplicate",
            "UPDATE non_association SET person_a = :survivor WHERE person_a = :duplicate AND person_b <> :survivor",
            "UPDATE non_association SET person_b = :survivor WHERE person_b = :duplicate AND person_a <> :survivor");

    private final JdbcClient jdbc;
    private final AssociationRepository associations;
    private final FacilityScope scope;
    private final Clock clock;

    CustodyMerge(JdbcClient jdbc, AssociationRepository associations, FacilityScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.associations = associations;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "custody";
    }

    @Override
    public int repoint(PersonId duplicate, PersonId survivor) {
        UUID from = duplicate.value();
        UUID to = survivor.value();
        // A movement of either person waits for the merge, and sees the merged record after it.
        jdbc.sql(LOCK_WHEREABOUTS).param("duplicate", from).param("survivor", to).query(UUID.class).list();
        long overlapping = jdbc.sql(OVERLAPPING_EPISODES).param("duplicate", from).param("survivor", to)
                .query(Long.class).single();
        if (overlapping > 0) {
            throw new Conflict(ErrorCode.MERGE_CUSTODY_OVERLAP, "Both records were in custody at the same time ("
                    + overlapping + " overlapping episode(s)); one person cannot be in two places. End or correct "
                    + "one record's custody before merging.");
        }
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

package org.habeas.custody.internal;

import java.util.List;
import java.util.UUID;

import org.habeas.common.Conflict;
import org.habeas.common.ErrorCode;
import org.habeas.people.PersonId;
import org.habeas.people.PersonReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When duplicate B is merged into A, B's custody becomes A's: episodes, the ledger, the current whereabouts,
 * and ill-treatment referrals (invariant 1, docs/architecture.md); placement moves the allegations and
 * non-associations. Two records held at the same time cannot be one person's: that merge is refused with
 * {@code MERGE_CUSTODY_OVERLAP}, so one human never has two whereabouts.
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


    private static final List<String> REPOINT = List.of(
            "UPDATE custody_episode SET person_id = :survivor WHERE person_id = :duplicate",
            "UPDATE movement SET person_id = :survivor WHERE person_id = :duplicate",
            "UPDATE whereabouts SET person_id = :survivor WHERE person_id = :duplicate",
            "UPDATE ill_treatment_referral SET person_id = :survivor WHERE person_id = :duplicate");

    private final JdbcClient jdbc;

    CustodyMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        int moved = 0;
        for (String sql : REPOINT) {
            moved += jdbc.sql(sql).param("duplicate", from).param("survivor", to).update();
        }
        return moved;
    }
}

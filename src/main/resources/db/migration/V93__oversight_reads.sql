-- Why: the oversight reads at the national size (10 facilities, 150,000 held, 10,000,000 movements).
--
-- Population statistics read the movements that change who is on a facility's roll: placements, cell moves,
-- temporary absences and returns never do (they start and end on the same facility's roll, by the transition model
-- of custody.MovementKind), and they are most of the ledger. This index holds only the others, with every column the
-- statistics read, so a year of a facility's figures is one range of one small index, read without the table.
CREATE INDEX movement_roll_changes ON movement (facility_code, occurred_at)
    INCLUDE (episode_id, kind, corrected_kind, to_state, from_facility, from_state)
    WHERE kind NOT IN ('PLACED', 'MOVED', 'TEMPORARILY_OUT', 'RETURNED');

-- The detentions due (REQ-02) are found from the documents past a date, not by reading every open episode: an
-- episode with no document after its admission is never due.
CREATE INDEX legal_detention_authority_by_review ON legal_detention_authority (review_due);
CREATE INDEX legal_detention_authority_by_validity ON legal_detention_authority (valid_until);

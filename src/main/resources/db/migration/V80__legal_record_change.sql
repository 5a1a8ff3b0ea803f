-- What the legal rules read for a batch of removals, kept cheap at a million orders and holds (docs/performance.md,
-- "Legal: vetting 300 removals").

-- When each person's legal record last changed: an order or hold entered, an order's status changed, a hold
-- verified or withdrawn, another record's orders merged in. LEGAL_REVIEW_STALE compares it with the last review
-- (REQ-56). Written by the service in the same transaction as the change, so it is never behind the record; it
-- replaces a union over the orders, the holds and every status change of every order of the person.
CREATE TABLE legal_record_change (
    person_id          uuid        PRIMARY KEY REFERENCES person (id),
    changed_at         timestamptz NOT NULL
);
INSERT INTO legal_record_change (person_id, changed_at)
SELECT person_id, max(at) FROM (
    SELECT person_id, recorded_at AS at FROM legal_order
    UNION ALL
    SELECT person_id, greatest(recorded_at, decided_at) FROM legal_hold
    UNION ALL
    SELECT o.person_id, c.changed_at FROM legal_order o JOIN legal_status_change c ON c.record_id = o.id
) changes GROUP BY person_id;

-- Only the orders and holds that can still block are read per removal; the ended ones are most of them.
CREATE INDEX legal_order_binding_by_person ON legal_order (person_id) WHERE status IN ('ACTIVE', 'APPEALED');
CREATE INDEX legal_hold_blocking_by_person ON legal_hold (person_id) WHERE status <> 'WITHDRAWN';

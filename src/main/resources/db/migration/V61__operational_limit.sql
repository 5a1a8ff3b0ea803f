-- How far a place may be filled without an override (REQ-23, REQ-29), in one place: its operational capacity,
-- raised by the largest temporary capacity override in force at that moment, never above its maximum. The UPDATE
-- that counts a person in, the CAPACITY rule and the figures of a refusal all read it, so they cannot disagree.
CREATE FUNCTION estate_operational_limit(place uuid, operational integer, maximum integer, at timestamptz)
    RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT least(maximum, greatest(operational, (SELECT max(o.capacity) FROM capacity_override o
                                               WHERE o.location_id = place AND o.revoked_at IS NULL
                                                 AND o.expires_at > at)))
$$;

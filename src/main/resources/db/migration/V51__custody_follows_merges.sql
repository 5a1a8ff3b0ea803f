-- Merging duplicate person B into A moves B's custody to A (issue 4, DESIGN.md invariant 1). The ledger stays
-- append-only: the only change it accepts is a row's person following a merge recorded on the person (B's
-- merged_into = A), every other column unchanged. Deleting stays refused.
CREATE FUNCTION movement_follows_merge_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.person_id IS DISTINCT FROM OLD.person_id
       AND NEW.person_id = (SELECT merged_into FROM person WHERE id = OLD.person_id)
       AND (to_jsonb(NEW) - 'person_id') = (to_jsonb(OLD) - 'person_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;

DROP TRIGGER movement_append_only ON movement;
CREATE TRIGGER movement_append_only BEFORE UPDATE OR DELETE ON movement
    FOR EACH ROW EXECUTE FUNCTION movement_follows_merge_only();

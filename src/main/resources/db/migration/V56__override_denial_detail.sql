-- Why: the override queue shows the denial an override would lift in the reader's language (issue 6), so the
-- denial is kept as the rule's message key and arguments too. Nullable: overrides requested before this, or for a
-- rule that gives no key, keep only the English text in denial and are shown as it is.
ALTER TABLE vetting_override
    ADD COLUMN denial_key  text,
    ADD COLUMN denial_args text[],
    ADD CHECK (denial_key IS NULL OR denial_args IS NOT NULL);

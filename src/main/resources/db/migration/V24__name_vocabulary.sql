-- Why: typo-tolerant search looks up near spellings in the vocabulary of distinct name tokens (tens of
-- thousands of rows, not millions), then uses exact keys on person. phonetic is NameKeys' Spanish sound key;
-- frequency (people per token, refreshed by PeopleService.refreshNameStatistics) only steers which keys the
-- search starts from, so a stale count costs speed, never results.
CREATE TABLE name_token (
    token      text    PRIMARY KEY CHECK (token ~ '^[a-z0-9]{1,60}$'),
    phonetic   text    NOT NULL,
    frequency  integer NOT NULL DEFAULT 0 CHECK (frequency >= 0)
);
CREATE INDEX name_token_trigram ON name_token USING gin (token gin_trgm_ops);
CREATE INDEX name_token_phonetic ON name_token (phonetic);
CREATE INDEX name_token_prefix ON name_token (token text_pattern_ops);

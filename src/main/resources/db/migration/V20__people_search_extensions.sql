-- Why: name search must be forgiving (REQ-07: people get lost under a misspelt name). pg_trgm finds near
-- spellings in the small token vocabulary; unaccent and fuzzystrmatch are there for hand-run checks and for
-- the naive comparison in bench/people. All three are trusted extensions, so the owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

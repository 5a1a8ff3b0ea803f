-- Why (issue 4, search latency): a GIN index with fastupdate keeps new entries in an unsorted pending list that
-- every search scans until VACUUM merges it. After new names arrive (a bulk load, a busy intake day) each trigram
-- look-up of the name vocabulary scanned thousands of pending tokens: the variants step of a misspelt name took
-- 37 ms instead of 2 ms until autovacuum came by. Searches far outnumber registrations, so the search indexes
-- take each new entry in place (a registration pays a few index page writes) and never have a pending list.
ALTER INDEX name_token_trigram SET (fastupdate = off);
ALTER INDEX person_search_pairs SET (fastupdate = off);
ALTER INDEX person_search_tokens SET (fastupdate = off);
SELECT gin_clean_pending_list('name_token_trigram');
SELECT gin_clean_pending_list('person_search_pairs');
SELECT gin_clean_pending_list('person_search_tokens');

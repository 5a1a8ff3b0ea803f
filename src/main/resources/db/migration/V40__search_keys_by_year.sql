-- Why (issue 4, search latency at 1,000,000 people):
-- 1. person_birth_years is dropped. No search starts from a birth year, but with it in place a generic plan (a
--    prepared statement after five runs) read the ~20,000 people born that year and filtered them by name: 1.2 s
--    for "partial name + birth year" against 4 ms for the same SQL planned with its values.
-- 2. search_pairs gains the whole-name key of each name ('=garcia jose') and every key again tagged with each
--    birth year ('garcia jose@1990', NameKeys.searchPairs), so a crowded name with a year, or a name asked for
--    exactly, reads the few rows it can mean. Existing rows get the same keys here; new ones from PeopleService.
DROP INDEX person_birth_years;

UPDATE person p
   SET search_pairs = ARRAY(
           SELECT DISTINCT k COLLATE "C" FROM (
               SELECT base.k FROM (
                   SELECT unnest(p.search_pairs) AS k
                   UNION
                   SELECT '=' || (SELECT string_agg(t, ' ' ORDER BY t COLLATE "C")
                                    FROM unnest(string_to_array(n, ' ')) AS t)
                     FROM unnest(string_to_array(p.search_names, '|')) AS n WHERE n <> ''
               ) AS base
               UNION
               SELECT base.k || '@' || y FROM (
                   SELECT unnest(p.search_pairs) AS k
                   UNION
                   SELECT '=' || (SELECT string_agg(t, ' ' ORDER BY t COLLATE "C")
                                    FROM unnest(string_to_array(n, ' ')) AS t)
                     FROM unnest(string_to_array(p.search_names, '|')) AS n WHERE n <> ''
               ) AS base, unnest(p.birth_years) AS y
           ) AS all_keys ORDER BY 1)
 WHERE p.merged_into IS NULL AND p.search_names <> '';

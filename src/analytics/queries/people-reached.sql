-- The people a dataset reaches in the configured places, counted six ways in one pass over the
-- dataset: by national IMD quintile of the LSOA they live in (`quintile`), by place (`place`), those
-- living in the Core20 by place (`core20Place`), by broad and by detailed ethnic group (`broad`,
-- `detailed`), and those living in the Core20 by broad ethnic group (`core20Broad`; rows whose group
-- is not recorded are left out of these three). Each person is counted once in each group they were
-- seen in, at the youngest ESP2013 age band they were seen at there. People are distinct person
-- identifiers: rows without one are left out, unless the dataset has none at all, when its rows are
-- counted instead. Rows: `reach`, `grp` (the group, as text; NULL for an LSOA without a quintile),
-- `esp_band` and `all_ages` (1: the group's people of all ages; 0: its people by band, `esp_band`
-- NULL when their age is not known), `people`. Portable SQL like indicator-aggregates.sql; filled by
-- people-reached.ts.
--
-- Why in two steps: most people are seen in one LSOA with one ethnic code. The rows are first
-- grouped by LSOA, ethnic code and person, once; a person with one such group is then counted
-- directly in each of the six ways, and only those seen in several (who moved, or whose ethnic code
-- changed) are counted again person by person. Four queries that each told apart the people of every
-- group took 2.2 times as long for 10 million rows in DuckDB, 1.65 times for 2 million in PostgreSQL.
-- The geography is joined again in `labelled` rather than through `area`: PostgreSQL materialises a
-- common table expression used twice, and then misjudged its size and hashed the whole dataset.
WITH area AS (
  SELECT lsoa_code FROM {{geography}} WHERE vintage = {{vintage}} AND in_area = 1
), people AS (
  SELECT a.lsoa_code, a.ethnic_code, a.person_id, MIN(a.esp_band) AS esp_band, COUNT(*) AS row_count
  FROM {{activity}} a
  JOIN area ON area.lsoa_code = a.lsoa_code
  WHERE a.person_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM {{activity}} i WHERE i.person_id IS NOT NULL)
  GROUP BY a.lsoa_code, a.ethnic_code, a.person_id, CASE WHEN a.person_id IS NULL THEN a.esp_band END
), several AS (
  SELECT person_id FROM people WHERE person_id IS NOT NULL GROUP BY person_id HAVING COUNT(*) > 1
), labelled AS (
  SELECT
    p.person_id,
    p.esp_band,
    p.row_count,
    CASE WHEN s.person_id IS NULL THEN 0 ELSE 1 END AS several,
    CAST(CAST(g.imd_quintile AS INTEGER) AS VARCHAR(200)) AS quintile,
    g.place,
    g.core20,
    CASE WHEN p.ethnic_code IS NULL OR p.ethnic_code IN ('Z', '99') THEN NULL ELSE {{broad}} END AS broad,
    CASE WHEN p.ethnic_code IS NULL OR p.ethnic_code IN ('Z', '99') THEN NULL ELSE {{detailed}} END AS detailed
  FROM people p
  JOIN {{geography}} g ON g.lsoa_code = p.lsoa_code AND g.vintage = {{vintage}} AND g.in_area = 1
  LEFT JOIN several s ON s.person_id = p.person_id
), seen AS (
  SELECT 'quintile' AS reach, quintile AS grp, person_id, esp_band, row_count FROM labelled WHERE several = 0
  UNION ALL
  SELECT 'place', place, person_id, esp_band, row_count FROM labelled WHERE several = 0
  UNION ALL
  SELECT 'core20Place', place, person_id, esp_band, row_count FROM labelled WHERE several = 0 AND core20 = 1
  UNION ALL
  SELECT 'broad', broad, person_id, esp_band, row_count FROM labelled WHERE several = 0 AND broad IS NOT NULL
  UNION ALL
  SELECT 'detailed', detailed, person_id, esp_band, row_count
  FROM labelled WHERE several = 0 AND detailed IS NOT NULL
  UNION ALL
  SELECT 'core20Broad', broad, person_id, esp_band, row_count
  FROM labelled WHERE several = 0 AND broad IS NOT NULL AND core20 = 1
  UNION ALL
  SELECT 'quintile', quintile, person_id, MIN(esp_band), SUM(row_count)
  FROM labelled WHERE several = 1 GROUP BY quintile, person_id
  UNION ALL
  SELECT 'place', place, person_id, MIN(esp_band), SUM(row_count)
  FROM labelled WHERE several = 1 GROUP BY place, person_id
  UNION ALL
  SELECT 'core20Place', place, person_id, MIN(esp_band), SUM(row_count)
  FROM labelled WHERE several = 1 AND core20 = 1 GROUP BY place, person_id
  UNION ALL
  SELECT 'broad', broad, person_id, MIN(esp_band), SUM(row_count)
  FROM labelled WHERE several = 1 AND broad IS NOT NULL GROUP BY broad, person_id
  UNION ALL
  SELECT 'detailed', detailed, person_id, MIN(esp_band), SUM(row_count)
  FROM labelled WHERE several = 1 AND detailed IS NOT NULL GROUP BY detailed, person_id
  UNION ALL
  SELECT 'core20Broad', broad, person_id, MIN(esp_band), SUM(row_count)
  FROM labelled WHERE several = 1 AND broad IS NOT NULL AND core20 = 1 GROUP BY broad, person_id
)
SELECT
  reach,
  grp,
  esp_band,
  GROUPING(esp_band) AS all_ages,
  CASE WHEN COUNT(person_id) = 0 THEN SUM(row_count) ELSE COUNT(person_id) END AS people
FROM seen
GROUP BY GROUPING SETS ((reach, grp), (reach, grp, esp_band))

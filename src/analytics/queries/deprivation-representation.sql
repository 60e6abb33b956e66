-- The people of a dataset living in the configured places, by national IMD quintile of the LSOA they
-- live in (quintile 1, deciles 1–2, is the Core20) or by place, beside the places' residents in the
-- same groups from the population estimates of one mid-year. People are distinct person identifiers
-- (rows, when the dataset has none). One pass over the dataset; portable SQL like
-- indicator-aggregates.sql. Filled by deprivation-representation.ts.
WITH area AS (
  SELECT lsoa_code, {{group}} AS area_group FROM {{geography}} WHERE vintage = {{vintage}} AND in_area = 1
), reached AS (
  SELECT
    area.area_group,
    CASE WHEN COUNT(a.person_id) = 0 THEN COUNT(*) ELSE COUNT(DISTINCT a.person_id) END AS people
  FROM {{activity}} a
  JOIN area ON area.lsoa_code = a.lsoa_code
  GROUP BY area.area_group
), residents AS (
  SELECT area.area_group, SUM(p.population) AS residents
  FROM {{population}} p
  JOIN area ON area.lsoa_code = p.lsoa_code
  WHERE p.vintage = {{vintage}} AND {{mid_year}}
  GROUP BY area.area_group
)
SELECT r.area_group, COALESCE(p.people, 0) AS people, r.residents
FROM residents r
LEFT JOIN reached p ON p.area_group = r.area_group
ORDER BY r.area_group

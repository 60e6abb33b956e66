-- The people of a dataset living in the configured places, by national IMD quintile of the LSOA they
-- live in (quintile 1, deciles 1–2, is the Core20) or by place, beside the places' residents in the
-- same groups from the population estimates of one mid-year; both also by ESP2013 five-year age band,
-- so that the comparison can allow for age. People are distinct person identifiers (rows, when the
-- dataset has none). One pass over the dataset; portable SQL like indicator-aggregates.sql. Filled by
-- deprivation-representation.ts. Rows: `counted` 'reached' (all_ages 1: the group's people; 0: its
-- people by the youngest age band they were seen at, esp_band NULL when their age is not known) or
-- 'residents' (by age band).
WITH area AS (
  SELECT lsoa_code, {{group}} AS area_group FROM {{geography}} WHERE vintage = {{vintage}} AND in_area = 1
), seen AS (
  -- Each person once in each group, at the youngest age band they were seen at; rows without a
  -- person identifier stay apart by age band, to be counted as rows.
  SELECT
    area.area_group,
    a.person_id,
    MIN(a.esp_band) AS esp_band,
    COUNT(*) AS row_count
  FROM {{activity}} a
  JOIN area ON area.lsoa_code = a.lsoa_code
  GROUP BY area.area_group, a.person_id, CASE WHEN a.person_id IS NULL THEN a.esp_band END
), reached AS (
  SELECT
    area_group,
    esp_band,
    GROUPING(esp_band) AS all_ages,
    CASE WHEN COUNT(person_id) = 0 THEN SUM(row_count) ELSE COUNT(person_id) END AS people
  FROM seen
  GROUP BY GROUPING SETS ((area_group), (area_group, esp_band))
), residents AS (
  SELECT area_group, esp_band, SUM(population) AS residents
  FROM (
    SELECT
      area.area_group,
      CASE WHEN p.age >= 90 THEN 18 ELSE CAST(FLOOR(p.age / 5.0) AS INTEGER) END AS esp_band,
      p.population
    FROM {{population}} p
    JOIN area ON area.lsoa_code = p.lsoa_code
    WHERE p.vintage = {{vintage}} AND {{mid_year}}
  ) banded
  GROUP BY area_group, esp_band
)
SELECT 'reached' AS counted, area_group, esp_band, all_ages, people AS n FROM reached
UNION ALL
SELECT 'residents' AS counted, area_group, esp_band, 0 AS all_ages, residents AS n FROM residents

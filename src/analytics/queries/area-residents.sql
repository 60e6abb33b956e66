-- The residents of the configured places by national IMD quintile of the LSOA they live in (quintile
-- 1, deciles 1–2, is the Core20) or by place, and by ESP2013 five-year age band, from the population
-- estimates of one mid-year: set beside the people a dataset reaches (people-reached.sql). Reads the
-- reference tables only. Filled by deprivation-representation.ts.
WITH area AS (
  SELECT lsoa_code, {{group}} AS area_group FROM {{geography}} WHERE vintage = {{vintage}} AND in_area = 1
)
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

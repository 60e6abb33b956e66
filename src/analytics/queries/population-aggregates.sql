-- Population denominators by the breakdowns LSOA population estimates support, by ESP2013 band and
-- mid-year, for one age range; when some LSOAs are outside the configured places, of the places only.
-- Portable SQL like indicator-aggregates.sql.
SELECT
  {{dimension_label}} AS dimension,
  {{group_value}} AS group_value,
  esp_band,
  mid_year,
  SUM(population) AS population
FROM (
  SELECT
    p.population,
    CAST(p.mid_year AS INTEGER) AS mid_year,
    CASE WHEN p.age >= 90 THEN 18 ELSE CAST(FLOOR(p.age / 5.0) AS INTEGER) END AS esp_band,
    {{age_band}} AS age_band,
    p.sex,
    g.imd_decile,
    g.imd_quintile,
    CASE WHEN g.core20 = 1 THEN 'Core20' WHEN g.core20 = 0 THEN 'Rest of the population' END AS core20_group,
    g.place,
    {{domain_columns}}g.ward_name || ', ' || g.la_name AS ward_label
  FROM {{population}} p
  JOIN {{geography}} g ON g.lsoa_code = p.lsoa_code AND g.vintage = p.vintage
  WHERE p.vintage = {{vintage}} AND p.age >= {{age_from}} AND p.age <= {{age_to}}{{residents}}
) linked
GROUP BY GROUPING SETS ({{grouping_sets}})

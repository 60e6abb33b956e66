-- Every indicator of a pack, by every breakdown, in two phases (same result columns as
-- indicator-aggregates.sql, which it is tested against):
--   1. one pass over the dataset to a small table of fine strata: COUNT(*) and value sums by
--      period × LSOA, period × age band and period × ethnic code × sex × flags (GROUPING SETS), each
--      also by the row's pattern of indicator conditions (one bit per condition, measure-bits.ts);
--      rows counted by a directly standardised rate are keyed by their ESP2013 band as well (esp_key,
--      NULL for every other row), so the LSOA and age-band strata also give the DSR's band counts;
--      when the geography has LSOAs outside the configured places, a rate's events are those of
--      rows whose LSOA is in them (resident_join), as its population is theirs;
--   2. labels (deprivation, place, ward, ethnic group) joined to that small table, and the
--      breakdowns added up from the strata whose pattern has each measure's bit set.
-- Portable SQL (DuckDB, PostgreSQL, Spark / Databricks SQL): see docs/analytics-sql.md.
-- Placeholders in double braces are filled by indicator-strata.ts.
WITH fine AS (
  SELECT
    {{stratum}} AS stratum,
    period,
    {{keys}},
    {{esp_column}} AS esp_band,
    {{pattern_columns}},
    COUNT(*) AS n{{value_sums}}
  FROM (
    SELECT a.*, {{patterns}},
      {{esp_key}} AS esp_key
    FROM {{activity}} a{{resident_join}}
  ) coded
  GROUP BY GROUPING SETS ({{fine_sets}})
), linked AS (
  {{linked}}
), masked AS (
  SELECT
    period,
    esp_band,
    {{masked_groups}},
    {{decoded}}
  FROM linked
)
SELECT dimension, group_value, esp_band, period, {{measure_names}}
FROM (
  SELECT
    {{dimension_label}} AS dimension,
    {{group_value}} AS group_value,
    {{esp_band}} AS esp_band,
    period,
    {{measure_sums}}
  FROM masked
  GROUP BY GROUPING SETS ({{grouping_sets}})
) breakdowns
WHERE group_value IS NOT NULL

-- Every indicator of a pack, by every breakdown, in three phases (same result columns as
-- indicator-aggregates.sql, which it is tested against):
--   1. one pass over the dataset to a small table of fine strata: COUNT(*) and value sums by
--      period × LSOA, period × age band and period × ethnic code × sex × flags (GROUPING SETS), and
--      period × LSOA × ethnic code when ethnic group in the Core20 and the rest is asked for, each
--      also by the row's pattern of indicator conditions (one bit per condition, measure-bits.ts);
--      rows counted by a directly standardised rate are keyed by their ESP2013 band as well (esp_key,
--      NULL for every other row), so the LSOA and age-band strata also give the DSR's band counts;
--      when the geography has LSOAs outside the configured places, a rate's events are those of
--      rows whose LSOA is in them (resident_join), as its population is theirs;
--   2. labels (deprivation, place, ward, ethnic group) joined to that small table, and the
--      breakdowns added up by pattern (a count and each mean's two sums, whatever the number of
--      measures);
--   3. each breakdown group's measures added up from its patterns that have the measure's bit set
--      (a few dozen patterns a group, so the many measure sums are taken over a small table).
--      Decoded before the breakdowns, every fine stratum carried every measure into each of them:
--      phases 2 and 3 on the benchmark's 125,000 fine strata took 0.51-0.93 s that way, 0.38-0.43 s so.
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
    {{carried}}
  FROM linked
)
SELECT dimension, group_value, esp_band, period,
  {{decoded_sums}}
FROM (
  SELECT
    {{dimension_label}} AS dimension,
    {{group_value}} AS group_value,
    {{esp_band}} AS esp_band,
    period,
    {{carried_sums}}
  FROM masked
  GROUP BY GROUPING SETS ({{grouping_sets}})
) breakdowns
WHERE group_value IS NOT NULL
GROUP BY dimension, group_value, esp_band, period

-- One median indicator by every breakdown, exactly, with the values at the ranks of its
-- distribution-free confidence limits (src/stats/median.ts), in two phases like the first two of
-- indicator-strata.sql:
--   1. one pass over the rows that have the value: counts by value within fine strata (period ×
--      LSOA, period × age band, period × ethnic code × sex × flags);
--   2. labels joined to those strata, counts by breakdown group and value, and running totals in
--      value order: the value at rank k is the smallest value whose running total reaches k.
-- The ranks of each group come from its count, which the strata query has already given, so they are
-- passed in as a VALUES list. Portable SQL (see docs/analytics-sql.md); filled by median-strata.ts.
WITH fine AS (
  SELECT
    {{stratum}} AS stratum,
    period,
    {{keys}},
    v,
    COUNT(*) AS n
  FROM (
    SELECT a.*, {{value}} AS v
    FROM {{activity}} a
    WHERE {{where}}
  ) valued
  GROUP BY GROUPING SETS ({{fine_sets}})
), linked AS (
  {{linked}}
), masked AS (
  SELECT
    period,
    v,
    n,
    {{masked_groups}}
  FROM linked
), counts AS (
  SELECT
    {{dimension_label}} AS dimension,
    {{group_value}} AS group_value,
    period,
    v,
    SUM(n) AS n
  FROM masked
  GROUP BY GROUPING SETS ({{grouping_sets}})
), running AS (
  SELECT
    dimension,
    group_value,
    period,
    v,
    SUM(n) OVER (PARTITION BY dimension, group_value, period ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative
  FROM counts
  WHERE group_value IS NOT NULL
), ranks (dimension, group_value, period, n, middle_low, middle_high, {{limit_ranks}}) AS (
  VALUES {{ranks}}
)
SELECT
  r.dimension,
  r.group_value,
  r.period,
  r.n,
  (MIN(CASE WHEN c.cumulative >= r.middle_low THEN c.v END)
    + MIN(CASE WHEN c.cumulative >= r.middle_high THEN c.v END)) / 2.0 AS median,
  {{limit_values}}
FROM running c
JOIN ranks r ON r.dimension = c.dimension AND r.group_value = c.group_value AND r.period = c.period
GROUP BY r.dimension, r.group_value, r.period, r.n

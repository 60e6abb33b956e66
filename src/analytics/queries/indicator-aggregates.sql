-- Every indicator of a pack, by every breakdown, in one pass over the dataset (GROUPING SETS):
-- the straightforward form, used for medians and as the reference for indicator-strata.sql.
-- Portable SQL: the same text runs on DuckDB (over Parquet), PostgreSQL (over a table) and a
-- Spark / Databricks SQL warehouse (see docs/analytics-sql.md). Placeholders in double braces are
-- filled by indicator-aggregates.ts with names and expressions it has checked itself.
SELECT
  {{dimension_label}} AS dimension,
  {{group_value}} AS group_value,
  {{esp_band}} AS esp_band,
  period,
  {{measures}}
FROM (
  SELECT
    a.*,
    g.imd_decile,
    g.imd_quintile,
    CASE WHEN g.core20 = 1 THEN 'Core20' WHEN g.core20 = 0 THEN 'Rest of the population' END AS core20_group,
    {{place}} AS place,
    {{ward_label}} AS ward_label,
    {{domain_columns}}
    {{ethnic_broad}} AS ethnic_broad,
    {{ethnic_detailed}} AS ethnic_detailed{{resident}}
  FROM {{activity}} a
  LEFT JOIN {{geography}} g ON g.lsoa_code = a.lsoa_code AND g.vintage = {{vintage}}
  WHERE {{where}}
) linked
GROUP BY GROUPING SETS ({{grouping_sets}})

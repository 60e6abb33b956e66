-- The labels of the fine strata in `fine` (indicator-strata.sql, median-strata.sql): deprivation,
-- place and ward from the LSOA (one "Elsewhere" group for LSOAs outside the configured places),
-- ethnic group names from the code. Filled by strata-common.ts.
SELECT
    f.*,
    g.imd_decile,
    g.imd_quintile,
    CASE WHEN g.core20 = 1 THEN 'Core20' WHEN g.core20 = 0 THEN 'Rest of the population' END AS core20_group,
    {{place}} AS place,
    {{ward_label}} AS ward_label,
    {{domain_columns}}
    {{ethnic_broad}} AS ethnic_broad,
    {{ethnic_detailed}} AS ethnic_detailed
  FROM fine f
  LEFT JOIN {{geography}} g ON g.lsoa_code = f.lsoa_code AND g.vintage = {{vintage}}

-- The people of a dataset living in the configured places, by ethnic group (broad or detailed; the
-- groups recorded: not stated and not known are left out), beside the places' usual residents in
-- the Census 2021 by the same groups: from the LSOA table (broad groups), or the local authority
-- table (detailed groups, or broad ones without the LSOA table), whose areas make up the places.
-- People are distinct person identifiers (rows, when the dataset has none), living in the places by
-- the dataset's LSOA codes (area: 2011 or 2021); the census counts residents in 2021 LSOAs
-- (census_area), so a dataset on 2011 codes is set beside the residents of the same places' 2021
-- areas. A group no resident is counted in ("Asian or Asian British: category not recorded", by
-- detailed group) comes with no residents. One pass over the dataset; portable SQL like
-- indicator-aggregates.sql. Filled by ethnic-representation.ts.
WITH area AS (
  SELECT lsoa_code FROM {{geography}} WHERE vintage = {{vintage}} AND in_area = 1
), census_area AS (
  SELECT lsoa_code, la_code FROM {{geography}} WHERE vintage = '2021' AND in_area = 1
), reached AS (
  SELECT
    {{label}} AS ethnic_group,
    CASE WHEN COUNT(a.person_id) = 0 THEN COUNT(*) ELSE COUNT(DISTINCT a.person_id) END AS people
  FROM {{activity}} a
  JOIN area ON area.lsoa_code = a.lsoa_code
  WHERE a.ethnic_code IS NOT NULL AND a.ethnic_code NOT IN ('Z', '99')
  GROUP BY {{label}}
), residents AS (
  {{residents}}
)
SELECT
  COALESCE(r.ethnic_group, p.ethnic_group) AS ethnic_group,
  COALESCE(p.people, 0) AS people,
  COALESCE(r.residents, 0) AS residents
FROM residents r
FULL JOIN reached p ON p.ethnic_group = r.ethnic_group
ORDER BY 1

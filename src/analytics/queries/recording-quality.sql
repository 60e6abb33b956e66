-- How completely a dataset records who and where each row is about: the rows whose area of
-- residence, ethnic group, sex, age or date is not recorded, or recorded as not known. NHS England's
-- statement on health inequalities asks that such recording be identified and improved. For the
-- whole dataset (all_periods 1) and for each period, so that a change in recording can be seen. One
-- pass; portable SQL like indicator-aggregates.sql. Filled by recording-quality.ts. (A blank or
-- unreadable ethnic group is imported as 99, not known, so the two are one count. A group recorded
-- without its category, "Asian", is recorded, and counted apart.)
SELECT
  a.period,
  GROUPING(a.period) AS all_periods,
  COUNT(*) AS total,
  SUM(CASE WHEN a.lsoa_code IS NULL THEN 1 ELSE 0 END) AS lsoa_missing,
  SUM(CASE WHEN a.lsoa_code IS NOT NULL AND g.lsoa_code IS NULL THEN 1 ELSE 0 END) AS lsoa_unknown,
  SUM(CASE WHEN a.ethnic_code = 'Z' THEN 1 ELSE 0 END) AS ethnicity_not_stated,
  SUM(CASE WHEN a.ethnic_code = '99' OR a.ethnic_code IS NULL THEN 1 ELSE 0 END) AS ethnicity_not_known,
  SUM(CASE WHEN a.ethnic_code IN ({{group_only_codes}}) THEN 1 ELSE 0 END) AS ethnicity_group_only,
  SUM(CASE WHEN a.sex IS NULL OR a.sex = 'U' THEN 1 ELSE 0 END) AS sex_not_known,
  SUM(CASE WHEN a.age IS NULL AND a.age_band IS NULL THEN 1 ELSE 0 END) AS age_missing,
  SUM(CASE WHEN a.event_date IS NULL THEN 1 ELSE 0 END) AS date_missing
FROM {{activity}} a
LEFT JOIN (SELECT lsoa_code FROM {{geography}} WHERE vintage = {{vintage}}) g ON g.lsoa_code = a.lsoa_code
GROUP BY GROUPING SETS ((), (a.period))

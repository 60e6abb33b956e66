// Deterministic synthetic service activity, generated inside DuckDB so millions of rows stream
// straight to Parquet: each row is one event (outpatient appointment, waiting-list entry, cancer
// diagnosis, register review…) with plausible gradients by deprivation, ethnicity and age. The
// deprivation gap in missed appointments narrows year by year and the one in continuity of carer
// widens, so that the demo shows gaps changing as well as gaps standing still.
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import type { LsoaGeographyRow } from '../geography/model.ts';
import { ethnicityMix } from './ethnicity-mix.ts';
import type { SyntheticPostcode } from './postcodes.ts';

/** The seed of the demo and the benchmark; another seed gives another (equally deterministic) file. */
export const ACTIVITY_SEED = 1;

/**
 * A uniform number in [0, 1) from a deterministic hash of a row (or person) number and a salt.
 * `{{seed}}` is replaced by the seed when the whole query is built.
 */
const u = (of: string, salt: number): string => `((hash(${of}, ${salt}, {{seed}}) % 1000003) / 1000003.0)`;

function ethnicityCase(): string {
  const branches = Object.entries(ethnicityMix).map(([place, mix]) => {
    const total = mix.reduce((a, [, w]) => a + w, 0);
    let cumulative = 0;
    const whens = mix.map(([code, weight]) => {
      cumulative += weight / total;
      return `WHEN u_ethnicity < ${cumulative.toFixed(6)} THEN ${literal(code)}`;
    });
    return `WHEN place = ${literal(place)} THEN CASE ${whens.join(' ')} ELSE 'Z' END`;
  });
  return `CASE ${branches.join(' ')} ELSE 'Z' END`;
}

// Activity thresholds depend on deprivation so that event rates per population show a gradient.
const activities = [
  ['outpatient', '0.46'],
  ['waiting_list', '0.60'],
  ['cancer', '0.63'],
  ['smi', '0.66'],
  ['hypertension', '0.76'],
  ['maternity', '0.80'],
  ['copd', '0.83'],
  ['cyp_asthma', '0.86'],
  ['cyp_diabetes', '0.875'],
  ['cyp_dental', '0.885 + 0.004 * (10 - g.imd_decile)'],
  ['emergency', '0.925 + 0.006 * (10 - g.imd_decile)'],
  ['cyp_epilepsy', '0.929 + 0.006 * (10 - g.imd_decile)'],
  ['cyp_mental_health', '0.937 + 0.0066 * (10 - g.imd_decile)'],
] as const;

function activityCase(): string {
  const whens = activities.map(([name, upTo]) => `WHEN u_activity < ${upTo} THEN '${name}'`);
  return `CASE ${whens.join(' ')} ELSE 'outpatient' END`;
}

/** Probability that an outcome is favourable, adjusted by deprivation (d), ethnicity and year. */
const outcome = (salt: number, probability: string): string =>
  `CASE WHEN ${u('i', salt)} < ${probability} THEN 1 ELSE 0 END`;

const gap = '(10 - imd_decile)';
const minority =
  "(CASE WHEN ethnic_code IN ('M','N','P') THEN 1 WHEN ethnic_code IN ('H','J','K','L') THEN 0.5 ELSE 0 END)";

const type2 = `${u('i', 39)} < 0.125`;

function measures(): string {
  const when = (activity: string, value: string, otherwise = 'NULL') =>
    `CASE WHEN activity = '${activity}' THEN ${value} ELSE ${otherwise} END`;
  return [
    `${when('outpatient', outcome(21, `0.035 + (0.013 - 0.002 * (year - 2022)) * ${gap} + 0.025 * ${minority} + CASE WHEN age < 25 THEN 0.02 ELSE 0 END - 0.004 * (year - 2022)`))} AS dna`,
    `${when('waiting_list', `round(-ln(1 - ${u('i', 22)}) * (12 + 0.8 * ${gap} + 1.5 * ${minority}), 1)`)} AS wait_weeks`,
    `${when('cancer', `CASE WHEN ${u('i', 23)} < 0.06 THEN NULL WHEN ${u('i', 24)} < 0.64 - 0.022 * ${gap} + 0.01 * (year - 2022) THEN 1 + floor(${u('i', 25)} * 2) ELSE 3 + floor(${u('i', 25)} * 2) END`)} AS cancer_stage`,
    `${when('smi', outcome(26, `0.66 - 0.02 * ${gap} - 0.04 * ${minority} + 0.02 * (year - 2022)`))} AS smi_check_complete`,
    `${when('hypertension', outcome(27, `0.74 - 0.012 * ${gap} - 0.02 * ${minority}`))} AS bp_to_target`,
    // Over half of those on the hypertension register also have cardiovascular disease or a high risk.
    `CASE WHEN activity = 'hypertension' AND ${u('i', 37)} < 0.55 THEN ${outcome(38, `0.64 - 0.015 * ${gap} - 0.03 * ${minority} + 0.01 * (year - 2022)`)} END AS on_lipid_lowering_therapy`,
    `${when('maternity', outcome(28, `0.34 - (0.009 + 0.008 * (year - 2022)) * ${gap} - 0.05 * ${minority}`))} AS continuity_of_carer`,
    `${when('copd', outcome(29, `0.82 - 0.018 * ${gap} - 0.03 * ${minority}`))} AS copd_vaccinated`,
    `${when('cyp_asthma', outcome(30, `0.12 + 0.012 * ${gap}`))} AS saba_over_reliance`,
    // One in eight children with diabetes has type 2: their annual health checks, not rtCGM.
    `CASE WHEN activity = 'cyp_diabetes' AND NOT ${type2} THEN ${outcome(31, `0.55 - 0.03 * ${gap} - 0.05 * ${minority} + 0.04 * (year - 2022)`)} END AS rtcgm`,
    `CASE WHEN activity = 'cyp_diabetes' AND ${type2} THEN ${outcome(40, `0.45 - 0.025 * ${gap} - 0.05 * ${minority} + 0.03 * (year - 2022)`)} END AS t2d_health_checks_complete`,
    `${when('cyp_dental', '1')} AS tooth_extraction`,
    `${when('emergency', '1')} AS emergency_admission`,
    `CASE WHEN activity = 'emergency' AND age >= 35 THEN ${outcome(34, `0.16 + 0.02 * ${gap}`)} END AS copd_emergency_admission`,
    `CASE WHEN activity = 'emergency' AND age <= 17 THEN ${outcome(35, `0.2 + 0.025 * ${gap}`)} END AS asthma_emergency_admission`,
    `${when('cyp_epilepsy', outcome(36, `0.72 - 0.025 * ${gap} - 0.06 * ${minority}`))} AS esn_input`,
    `${when('cyp_mental_health', '1')} AS mh_service_contact`,
    // The measures of NHS England's statement on health inequalities, from rows of the activities
    // they belong with: detentions of people with SMI, Talking Therapies among outpatient contacts,
    // diabetes care among people with hypertension, births after maternity bookings, and health
    // checks of people aged 14 and over with a learning disability.
    `CASE WHEN activity = 'smi' AND ${u('i', 42)} < 0.02 + 0.003 * ${gap} + 0.04 * ${minority} THEN 1 END AS mha_detention`,
    `CASE WHEN activity = 'outpatient' AND ${u('i', 43)} < 0.05 THEN ${outcome(44, `0.53 - 0.012 * ${gap} - 0.03 * ${minority}`)} END AS talking_therapies_recovered`,
    `CASE WHEN activity = 'hypertension' AND ${u('i', 45)} < 0.3 THEN ${outcome(46, `0.58 - 0.015 * ${gap} - 0.02 * ${minority} + 0.02 * (year - 2022)`)} END AS t2d_eight_care_processes`,
    `${when('maternity', `GREATEST(22, round(41.5 + ln(1 - ${u('i', 47)}) * (1.6 + 0.05 * ${gap} + 0.2 * ${minority}), 1))`)} AS gestation_weeks`,
    `CASE WHEN ${u('p', 33)} < 0.006 AND age >= 14 AND ${u('i', 48)} < 0.3 THEN ${outcome(49, `0.8 - 0.012 * ${gap}`)} END AS ld_health_check`,
    `CASE WHEN activity = 'smi' OR ${u('p', 32)} < 0.008 THEN 1 ELSE 0 END AS flag_smi`,
    `CASE WHEN ${u('p', 33)} < 0.006 THEN 1 ELSE 0 END AS flag_learning_disability`,
  ].join(',\n  ');
}

function ageExpression(): string {
  // Ages follow the LSOA's shape: older in less deprived areas; children for CYP activity.
  return `CASE
    WHEN activity IN ('cyp_asthma', 'cyp_diabetes', 'cyp_epilepsy', 'cyp_mental_health') THEN CAST(floor(${u('i', 41)} * 18) AS INTEGER)
    WHEN activity = 'cyp_dental' THEN CAST(floor(${u('i', 41)} * 11) AS INTEGER)
    WHEN activity = 'maternity' THEN 18 + CAST(floor(${u('i', 41)} * 27) AS INTEGER)
    ELSE LEAST(95, CAST(floor(-ln(1 - ${u('p', 4)}) * (30 + 2.5 * imd_decile)) AS INTEGER)) END`;
}

export interface SyntheticActivityOptions {
  /** Another seed gives another (equally deterministic) file. */
  seed?: number;
  /**
   * The postcodes of the LSOAs: given, each person gets one of their LSOA's postcodes, and the
   * file has a postcode column instead of the LSOA code, as many extracts do.
   */
  postcodes?: SyntheticPostcode[];
}

/** A DuckDB list literal of the postcodes of each LSOA, indexed 1 … n in the query. */
function postcodeLists(lsoas: LsoaGeographyRow[], postcodes: SyntheticPostcode[]): string {
  const byLsoa = new Map<string, string[]>();
  for (const { postcode, lsoa_code } of postcodes) {
    const own = byLsoa.get(lsoa_code) ?? [];
    own.push(postcode);
    byLsoa.set(lsoa_code, own);
  }
  const lists = lsoas.map((l) => {
    const own = byLsoa.get(l.lsoa_code);
    if (!own?.length) throw new Error(`LSOA ${l.lsoa_code} has no synthetic postcode`);
    return `[${own.map((p) => literal(p)).join(', ')}]`;
  });
  return `[${lists.join(', ')}]`;
}

/** One of the LSOA's postcodes, the same for all of a person's rows. */
const postcodeOfPerson =
  'postcodes_here[CAST(hash(p, 8, {{seed}}) % CAST(len(postcodes_here) AS UBIGINT) AS INTEGER) + 1] AS postcode';

/** A DuckDB list literal of one attribute of every LSOA, indexed 1 … n in the query. */
const listOf = (values: (string | number)[]): string => `[${values.map((v) => literal(v)).join(', ')}]`;

/**
 * The SELECT producing `rows` events; `syn_rows(i)` (the row numbers 0 … rows − 1) must exist. Row
 * numbers come from a table rather than range() because DuckDB scans a table on every thread but a
 * table function on one; LSOAs are looked up in list literals rather than joined so that the rows
 * keep their order (and the file its bytes) whatever the threads do. Uniforms tested in several
 * CASE branches are drawn once per row; those used in one branch only stay inline.
 */
export function activitySql(
  rows: number,
  lsoas: LsoaGeographyRow[],
  { seed = ACTIVITY_SEED, postcodes }: SyntheticActivityOptions = {},
): string {
  const persons = Math.max(1, Math.floor(rows / 3));
  const sql = `WITH drawn AS (
  SELECT i, hash(i, 1, {{seed}}) % ${persons} AS p FROM syn_rows
), located AS (
  SELECT i, p,
    (${listOf(lsoas.map((l) => l.lsoa_code))})[k] AS lsoa_code,
    (${listOf(lsoas.map((l) => l.imd_decile))})[k] AS imd_decile,
    (${listOf(lsoas.map((l) => l.place))})[k] AS place,${
      postcodes
        ? `
    ${postcodeLists(lsoas, postcodes)}[k] AS postcodes_here,`
        : ''
    }
    ${u('p', 5)} AS u_ethnicity,
    CAST(DATE '2022-04-01' + CAST(floor(${u('i', 6)} * 1096) AS INTEGER) AS DATE) AS event_date
  FROM (SELECT i, p, CAST(hash(p, 2, {{seed}}) % ${lsoas.length} AS INTEGER) + 1 AS k FROM drawn) d
), typed AS (
  SELECT *, ${ethnicityCase()} AS ethnic_code,
    ${activityCase().replaceAll('g.imd_decile', 'imd_decile')} AS activity,
    CASE WHEN month(event_date) >= 4 THEN year(event_date) ELSE year(event_date) - 1 END AS year
  FROM (SELECT *, ${u('i', 7)} AS u_activity FROM located) l
), aged AS (
  SELECT *, ${ageExpression()} AS age FROM typed
)
SELECT 'SYN' || lpad(CAST(p AS VARCHAR), 9, '0') AS person_id, ${postcodes ? postcodeOfPerson : 'lsoa_code'}, age,
  CASE WHEN activity = 'maternity' OR ${u('p', 3)} < 0.51 THEN 'F' ELSE 'M' END AS sex,
  ethnic_code, event_date, activity,
  ${measures()}
FROM aged`;
  return sql.replaceAll('{{seed}}', String(Math.trunc(seed)));
}

/**
 * Writes `rows` synthetic events to a Parquet file, or a CSV file when `outFile` ends in .csv;
 * returns the number written.
 */
export async function writeSyntheticActivity(
  store: AnalyticsStore,
  lsoas: LsoaGeographyRow[],
  rows: number,
  outFile: string,
  options: SyntheticActivityOptions = {},
): Promise<number> {
  const format = /\.csv$/i.test(outFile)
    ? 'FORMAT csv, HEADER true'
    : 'FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880';
  await store.run(`CREATE OR REPLACE TEMP TABLE syn_rows AS SELECT range AS i FROM range(${rows})`);
  await store.run(`COPY (${activitySql(rows, lsoas, options)}) TO ${literal(outFile)} (${format})`);
  await store.run('DROP TABLE syn_rows');
  return rows;
}

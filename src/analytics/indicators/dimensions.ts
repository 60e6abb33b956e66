// The breakdowns every indicator is computed by. `column` is a column of the linked relation built
// in queries/indicator-aggregates.sql; `population` says whether LSOA population estimates have it.
// `stratum` names the fine stratum the two-phase query (queries/indicator-strata.sql) builds it
// from: the LSOA (every geographical breakdown), the age band, the person (ethnicity, sex, flags),
// or the LSOA and the person together (ethnic group within the Core20 and the rest); `keys` are the
// dataset columns that stratum is grouped by.
import { NOT_KNOWN_BROAD } from '../datasets/ethnicity.ts';
import { deprivationDomains } from '../geography/domains.ts';
import { literal } from '../sql-text.ts';

export type Stratum = 'geo' | 'age' | 'person' | 'geo_person';

export interface Dimension {
  id: string;
  label: string;
  column: string | null;
  /** Ordered by deprivation (1 = most deprived): SII/RII apply. */
  ordered?: boolean;
  population: boolean;
  stratum: Stratum;
  keys: string[];
}

export const standardDimensions: Dimension[] = [
  { id: 'overall', label: 'overall', column: null, population: true, stratum: 'geo', keys: ['lsoa_code'] },
  {
    id: 'imd_decile',
    label: 'IMD decile (1 = most deprived)',
    column: 'imd_decile',
    ordered: true,
    population: true,
    stratum: 'geo',
    keys: ['lsoa_code'],
  },
  {
    id: 'imd_quintile',
    label: 'IMD quintile (1 = most deprived)',
    column: 'imd_quintile',
    ordered: true,
    population: true,
    stratum: 'geo',
    keys: ['lsoa_code'],
  },
  {
    id: 'core20',
    label: 'Core20 (national IMD deciles 1–2) or the rest',
    column: 'core20_group',
    population: true,
    stratum: 'geo',
    keys: ['lsoa_code'],
  },
  {
    id: 'ethnic_broad',
    label: 'ethnic group (broad)',
    column: 'ethnic_broad',
    population: false,
    stratum: 'person',
    keys: ['ethnic_code'],
  },
  {
    id: 'ethnic_detailed',
    label: 'ethnic group (detailed)',
    column: 'ethnic_detailed',
    population: false,
    stratum: 'person',
    keys: ['ethnic_code'],
  },
  { id: 'sex', label: 'sex', column: 'sex', population: false, stratum: 'person', keys: ['sex'] },
  {
    id: 'age_band',
    label: 'age band',
    column: 'age_band',
    population: true,
    stratum: 'age',
    keys: ['age_band'],
  },
  { id: 'place', label: 'place', column: 'place', population: true, stratum: 'geo', keys: ['lsoa_code'] },
  { id: 'ward', label: 'ward', column: 'ward_label', population: true, stratum: 'geo', keys: ['lsoa_code'] },
];

/**
 * Breakdowns by the decile of each domain of the Indices of Deprivation (income, health …), given
 * only when asked for (`--by income_decile`) and where the deprivation file had its domains.
 */
export const domainDimensions: Dimension[] = deprivationDomains.map((d) => ({
  id: `${d.id}_decile`,
  label: `${d.label.charAt(0).toLowerCase()}${d.label.slice(1)} domain decile (1 = most deprived)`,
  column: `${d.id}_decile`,
  ordered: true,
  population: true,
  stratum: 'geo',
  keys: ['lsoa_code'],
}));

/**
 * SQL: "Core20: White" or "Rest of the population: Riverside" from a column of 'Core20' or 'Rest of
 * the population' (core20_group in queries/strata-labels.sql) and one of the groups it is set within;
 * NULL when either is not known (or the group is `notKnown`).
 */
export function core20PairSql(core20Group: string, within: string, notKnown?: string): string {
  const known = notKnown === undefined ? `${within} IS NOT NULL` : `${within} <> ${literal(notKnown)}`;
  return `CASE WHEN ${core20Group} IS NOT NULL AND ${known} THEN ${core20Group} || ': ' || ${within} END`;
}

const CORE20_PREFIX = 'Core20: ';
const REST_PREFIX = 'Rest of the population: ';

/**
 * Each broad ethnic group in the Core20 and in the rest of the population ("Core20: Black, Black
 * British, Caribbean or African"): the PLUS groups where deprivation is highest. Given only when
 * asked for (`--by core20_ethnic`). People whose area or ethnic group is not known are "Not known".
 */
export const core20EthnicDimension: Dimension = {
  id: 'core20_ethnic',
  label: 'ethnic group (broad) in the Core20 and in the rest',
  column: core20PairSql('core20_group', 'ethnic_broad', NOT_KNOWN_BROAD),
  population: false,
  stratum: 'geo_person',
  keys: ['lsoa_code', 'ethnic_code'],
};

/**
 * Each place's Core20 areas and the rest of it ("Core20: Riverside"): where in the system the most
 * deprived fare worse. From the LSOA alone, so rates are given by it from the population estimates.
 * Given only when asked for (`--by core20_place`).
 */
export const core20PlaceDimension: Dimension = {
  id: 'core20_place',
  label: 'place, in the Core20 and in the rest',
  column: core20PairSql('core20_group', 'place'),
  population: true,
  stratum: 'geo',
  keys: ['lsoa_code'],
};

/** The breakdowns that set the Core20 beside the rest within each group of another breakdown. */
export const core20PairDimensions: Dimension[] = [core20EthnicDimension, core20PlaceDimension];

export const isCore20Pair = (dimension: string): boolean =>
  core20PairDimensions.some((d) => d.id === dimension);

/** "Core20: White" → the Core20 and "White"; null for a group of another form ("Not known"). */
export function core20Parts(group: string): { series: 'Core20' | 'rest'; within: string } | null {
  const [series, within] = group.startsWith(CORE20_PREFIX)
    ? (['Core20', group.slice(CORE20_PREFIX.length)] as const)
    : group.startsWith(REST_PREFIX)
      ? (['rest', group.slice(REST_PREFIX.length)] as const)
      : [null, ''];
  return series && within ? { series, within } : null;
}

const domainIds = new Set(domainDimensions.map((d) => d.id));
export const isDomainDimension = (d: Dimension): boolean => domainIds.has(d.id);

/** The geography columns the chosen domain breakdowns read, as a SELECT-list prefix ('' for none). */
export function domainColumnsSql(dimensions: Dimension[], alias: string): string {
  return dimensions
    .filter(isDomainDimension)
    .map((d) => `${alias}.${d.column}, `)
    .join('');
}

/** Flag names common in NHS extracts (the PLUS groups of Core20PLUS5), written out in full. */
const flagWords: Record<string, string> = {
  smi: 'severe mental illness (SMI)',
  ld: 'learning disability',
  sen: 'special educational needs',
  send: 'special educational needs and disability',
  lac: 'looked-after child',
};

/** "flag_smi" → "severe mental illness (SMI)", "flag_learning_disability" → "learning disability". */
export function flagLabel(flag: string): string {
  const name = flag.replace(/^flag_/, '');
  return flagWords[name.toLowerCase()] ?? name.replaceAll('_', ' ');
}

export function flagDimension(flag: string): Dimension {
  const words = flagLabel(flag);
  // Published as Yes and No; a value that could not be read is "Not known", not a No.
  const column = `CASE WHEN ${flag} = 1 THEN 'Yes' WHEN ${flag} = 0 THEN 'No' END`;
  return { id: flag, label: `flag: ${words}`, column, population: false, stratum: 'person', keys: [flag] };
}

/**
 * The dimensions for a dataset with these flags, optionally only those named in `only`. Sex is a
 * population breakdown (rates by sex) only where the population estimates are by sex.
 */
export function dimensionsFor(flags: string[], only?: string[], populationBySex = false): Dimension[] {
  const standard = standardDimensions.map((d) =>
    d.id === 'sex' && populationBySex ? { ...d, population: true } : d,
  );
  const usual = [...standard, ...flags.map(flagDimension)];
  if (!only?.length) return usual;
  const all = [...usual, ...domainDimensions, ...core20PairDimensions];
  const unknown = only.filter((id) => !all.some((d) => d.id === id));
  if (unknown.length)
    throw new Error(
      `Unknown breakdown: ${unknown.join(', ')}. Choose from ${all.map((d) => d.id).join(', ')}`,
    );
  return all.filter((d) => d.id === 'overall' || only.includes(d.id));
}

/**
 * Sort key of a group within its dimension: deciles (of the IMD or a domain) numerically, "Not known"
 * last. U+FFFF sorts after every letter and digit both by code unit and by `localeCompare`.
 */
export function groupOrder(dimension: string, group: string): string {
  if (group === 'Not known') return '\uffff';
  if (/_(decile|quintile)$/.test(dimension)) return group.padStart(3, '0');
  return group;
}

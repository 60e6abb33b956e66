// Computes an indicator pack: aggregate queries where the data is (DuckDB or PostgreSQL), then
// the statistics engine for limits and inequality measures, then disclosure control.
import type { Relations } from '../queries/indicator-aggregates.ts';
import type { ResidentArea } from '../geography/model.ts';
import { addMedians, loadCounts, type SqlRunner } from './aggregates.ts';
import { residentsCaveat } from './residents.ts';
import { domainDimensions, type Dimension } from './dimensions.ts';
import { estimatesFor } from './estimates.ts';
import { heatFor, siiFor, type Inequality } from './inequality.ts';
import { publishBreakdown } from './disclose.ts';
import { publishedBasis, type LimitsBasis } from './rounded-basis.ts';
import { trendFor } from './trend.ts';
import { comparedWithOf } from './compared-with.ts';
import type { GroupEstimate, IndicatorResult, PublishedRow, SummaryMeasure, SummaryNote } from './result.ts';
import {
  defaultMultiplier,
  fieldsUsed,
  numericFieldsUsed,
  usesPopulation,
  type IndicatorDefinition,
} from './schema.ts';

export type { SqlRunner } from './aggregates.ts';

export interface PackInput {
  run: SqlRunner;
  relations: Relations;
  vintage: string;
  indicators: IndicatorDefinition[];
  dimensions: Dimension[];
  /** Whether LSOA population estimates exist (rates need them). */
  hasPopulation: boolean;
  /** What published proportions, crude rates and their limits come from (default: exact counts). */
  limitsFrom?: LimitsBasis;
  /** The configured places, when some LSOAs are outside them: rates count their residents only. */
  residentArea?: ResidentArea | null;
  /** The Census 2021 broad ethnic groups by LSOA, where the data is: rates of all ages by those groups. */
  ethnicity?: string | null;
  /** The Census 2021 detailed ethnic groups by local authority, where the data is: likewise. */
  ethnicityDetailed?: string | null;
}

export const standardFields = [
  'person_id',
  'lsoa_code',
  'age',
  'age_band',
  'sex',
  'ethnic_code',
  'event_date',
  'period',
];

/** The fields a dataset offers: its standard fields, its measures and flags (numbers) and attributes (text). */
export interface AvailableFields {
  standard: string[];
  numbers: string[];
  text: string[];
}

/** The fields of an imported or linked dataset as its record describes them. */
export function fieldsOfDataset(f: {
  measures: string[];
  flags: string[];
  attributes: string[];
  hasAge: boolean;
  hasAgeInYears?: boolean;
  hasEspBand?: boolean;
}): AvailableFields {
  const age = f.hasAgeInYears ?? f.hasAge;
  return {
    // esp_band stands for what direct standardisation needs: five-year bands, or ages to make them.
    standard: [
      ...standardFields.filter((s) => s !== 'age' || age),
      ...((f.hasEspBand ?? age) ? ['esp_band'] : []),
    ],
    numbers: [...f.measures, ...f.flags],
    text: f.attributes,
  };
}

/**
 * What a dataset lacks for an indicator: fields it reads (a field compared with a number must hold
 * numbers), ages or five-year bands for standardising, or populations for a rate; null if nothing.
 */
export function unmetNeeds(
  indicator: IndicatorDefinition,
  fields: AvailableFields,
  hasPopulation: boolean,
): { missingFields: string[]; textFields: string[]; population: boolean } | null {
  const numbers = new Set([...fields.standard, ...fields.numbers]);
  const available = new Set([...numbers, ...fields.text]);
  const needed = [...fieldsUsed(indicator), ...(indicator.statistic === 'dsr' ? ['esp_band'] : [])];
  const missingFields = [...new Set(needed)].filter((f) => !available.has(f));
  const textFields = numericFieldsUsed(indicator).filter((f) => available.has(f) && !numbers.has(f));
  const population = usesPopulation(indicator) && !hasPopulation;
  return missingFields.length || textFields.length || population
    ? { missingFields, textFields, population }
    : null;
}

/** The indicators a dataset can answer: every field they read exists, and rates have populations. */
export function applicableIndicators(
  indicators: IndicatorDefinition[],
  fields: AvailableFields,
  hasPopulation: boolean,
): IndicatorDefinition[] {
  return indicators.filter((i) => unmetNeeds(i, fields, hasPopulation) === null);
}

const byPeriod = (a: string, b: string): number =>
  a === 'Not known' ? 1 : b === 'Not known' ? -1 : a.localeCompare(b);

/**
 * The inequality measures of one period. The SII (a regression, exempt from disclosure control)
 * takes every decile's exact estimate; the WHO measures compare published values directly, so they
 * take the estimates the published figures come from, of published groups only.
 */
const domainIds = new Set(domainDimensions.map((d) => d.id));

function summariesFor(
  indicator: IndicatorDefinition,
  period: string,
  exact: GroupEstimate[],
  basis: GroupEstimate[],
  published: PublishedRow[],
): Inequality {
  const of = (list: GroupEstimate[], dimension: string) => list.filter((e) => e.dimension === dimension);
  const hidden = new Set(published.filter((r) => r.value === null).map((r) => `${r.dimension}|${r.group}`));
  const shown = (e: GroupEstimate) => !hidden.has(`${e.dimension}|${e.group}`);
  const domains = [...new Set(exact.map((e) => e.dimension))].filter((d) => domainIds.has(d));
  const parts = [
    siiFor(indicator, period, of(exact, 'imd_decile')),
    ...domains.map((d) => siiFor(indicator, period, of(exact, d), d)),
    heatFor(indicator, period, 'imd_decile', of(basis, 'imd_decile'), { ordered: true, shown }),
    heatFor(indicator, period, 'core20', of(basis, 'core20'), { ordered: true, shown }),
    heatFor(indicator, period, 'ethnic_broad', of(basis, 'ethnic_broad'), { ordered: false, shown }),
  ];
  return { measures: parts.flatMap((p) => p.measures), notes: parts.flatMap((p) => p.notes) };
}

/**
 * What a rate by ethnic group is compared with: the rate of all its groups together, the events of
 * people whose ethnic group is known over the census residents. The overall rate also counts the
 * events of people whose group is not known, so every group would look better than it.
 */
function knownGroupsRate(
  indicator: IndicatorDefinition,
  dimension: string,
  groups: GroupEstimate[],
): number | null {
  if (comparedWithOf(indicator, dimension) !== 'all groups') return null;
  const events = groups.reduce((sum, g) => sum + g.numerator, 0);
  const residents = groups.reduce((sum, g) => sum + g.denominator, 0);
  return residents > 0 ? (events / residents) * defaultMultiplier(indicator) : null;
}

/** One indicator's result from its estimates: published rows, inequality measures and trend. */
export function resultFor(
  indicator: IndicatorDefinition,
  estimates: GroupEstimate[],
  dimensions: Dimension[],
  limitsFrom: LimitsBasis = 'exact',
): IndicatorResult {
  const periods = [...new Set(estimates.map((e) => e.period))].sort(byPeriod);
  const basis = publishedBasis(indicator, estimates, limitsFrom);
  const rows: PublishedRow[] = [];
  const summaries: SummaryMeasure[] = [];
  const summaryNotes: SummaryNote[] = [];
  for (const period of periods) {
    const inPeriod = basis.filter((e) => e.period === period);
    const overall = inPeriod.filter((e) => e.dimension === 'overall');
    const overallRows = overall.length ? publishBreakdown(indicator, overall, null) : [];
    const overallValue = overallRows[0]?.value ?? null;
    const published = dimensions.flatMap((dimension) => {
      if (dimension.id === 'overall') return overallRows;
      const group = inPeriod.filter((e) => e.dimension === dimension.id);
      const comparedWith = knownGroupsRate(indicator, dimension.id, group) ?? overallValue;
      return group.length ? publishBreakdown(indicator, group, comparedWith) : [];
    });
    rows.push(...published);
    const exact = estimates.filter((e) => e.period === period);
    const inequality = summariesFor(indicator, period, exact, inPeriod, published);
    summaries.push(...inequality.measures);
    summaryNotes.push(...inequality.notes);
  }
  const known = periods.filter((p) => p !== 'Not known');
  return {
    indicatorId: indicator.id,
    title: indicator.title,
    programme: indicator.programme,
    area: indicator.area,
    statistic: indicator.statistic,
    unit: indicator.unit,
    multiplier: defaultMultiplier(indicator),
    polarity: indicator.polarity,
    definition: indicator.definition,
    numeratorText: indicator.numerator.description,
    denominatorText: indicator.denominator.description,
    caveats: indicator.caveats,
    source: indicator.source ?? null,
    periods,
    latestPeriod: known.at(-1) ?? periods.at(-1) ?? 'All',
    dimensions: dimensions
      .filter((d) => rows.some((r) => r.dimension === d.id))
      .map((d) => ({ id: d.id, label: d.label })),
    rows,
    summaries,
    summaryNotes,
    trend: trendFor(indicator, periods, basis, rows),
    limitsFrom,
  };
}

/** Said of a rate given by ethnic group (ratesByEthnicGroup). */
export const CENSUS_ETHNICITY_CAVEAT =
  "Rates by ethnic group are over the places' usual residents of each group, of every age, as the 2021 Census counted them, for every period: the population estimates by mid-year have no ethnic groups. Events of people whose ethnic group is not stated or not known (and, by detailed group, recorded without its category, such as \"Asian\") are in no group's rate, so where it is not recorded the groups' rates are lower than they are; each group is compared with the rate of all the groups together, not with the overall rate, which counts those events too.";

/**
 * Every indicator of the pack, disclosure-controlled and ready to store. The median queries run
 * where the data is while the other indicators' statistics are worked out here.
 */
export async function computePack(input: PackInput): Promise<IndicatorResult[]> {
  if (input.indicators.length === 0) return [];
  const aggregates = await loadCounts(input);
  const medians = addMedians(input, aggregates.groups);
  // Its failure is awaited below; until then it must not count as unhandled.
  medians.catch(() => undefined);
  // Let the median statement start before the synchronous work below takes the thread.
  await new Promise((resolve) => setImmediate(resolve));
  const isMedian = (i: IndicatorDefinition) => i.statistic === 'median';
  const results = input.indicators.map((indicator, k) =>
    isMedian(indicator)
      ? null
      : resultFor(indicator, estimatesFor(indicator, k, aggregates), input.dimensions, input.limitsFrom),
  );
  await medians;
  const area = input.residentArea;
  return input.indicators.map((indicator, k) => {
    const computed =
      results[k] ??
      resultFor(indicator, estimatesFor(indicator, k, aggregates), input.dimensions, input.limitsFrom);
    const byEthnicGroup = computed.rows.some((r) => comparedWithOf(indicator, r.dimension) === 'all groups');
    const result = byEthnicGroup
      ? { ...computed, caveats: [...computed.caveats, CENSUS_ETHNICITY_CAVEAT] }
      : computed;
    if (!area || !usesPopulation(indicator)) return result;
    return { ...result, caveats: [...result.caveats, residentsCaveat(area, k, aggregates.groups)] };
  });
}

// Inequality summary measures from the statistics engine: SII and RII across deprivation deciles
// (PHE method), the gap and ratio between the ends of the scale (WHO HEAT D and R), and the WHO
// measures for non-ordered groups (ethnic group).
import { calculateSii, type SiiRow } from '../../stats/sii.ts';
import { heatMeasures, type HeatSubgroup } from '../../stats/heat.ts';
import { StatsInputError } from '../../stats/errors.ts';
import type { GroupEstimate, SummaryMeasure, SummaryNote } from './result.ts';
import { groupOrder } from './dimensions.ts';
import { defaultMultiplier, type IndicatorDefinition } from './schema.ts';
import { listInWords } from '../in-words.ts';

export const SII_REPETITIONS = 10_000;
export const SII_SEED = 20_260_101;

const heatLabels: Record<string, string> = {
  d: 'Difference between the ends (WHO D)',
  r: 'Ratio between the ends (WHO R)',
  bgv: 'Between-group variance',
  mdmw: 'Mean difference from the mean (weighted)',
  idisw: 'Index of disparity (weighted)',
};

/** Groups whose people are not placed on the scale: left out of every summary measure. */
export const unknownGroups: ReadonlySet<string> = new Set([
  'Not known',
  'Not stated or not known',
  'Not stated',
]);

const isKnownGroup = (e: GroupEstimate): boolean => !unknownGroups.has(e.group);

const hasLimits = (e: GroupEstimate): boolean =>
  Number.isFinite(e.value) && Number.isFinite(e.lower95) && Number.isFinite(e.upper95);

/** "decile 2", "deciles 2 and 7", "Asian or Asian British": which groups kept a measure from being calculated. */
function groupList(dimension: string, groups: string[]): string {
  const names = [...groups].sort((a, b) => groupOrder(dimension, a).localeCompare(groupOrder(dimension, b)));
  const list = listInWords(names);
  if (dimension.endsWith('_decile')) return `${names.length === 1 ? 'decile' : 'deciles'} ${list}`;
  return list;
}

export interface Inequality {
  measures: SummaryMeasure[];
  notes: SummaryNote[];
}

const none: Inequality = { measures: [], notes: [] };

/** The engine's result, or its reason for refusing the input (a StatsInputError's message). */
function attempt<T>(work: () => T): T | { refused: string } {
  try {
    return work();
  } catch (error) {
    if (error instanceof StatsInputError) return { refused: error.message };
    throw error;
  }
}

const refused = (outcome: object): outcome is { refused: string } => 'refused' in outcome;

function siiRow(indicator: IndicatorDefinition, e: GroupEstimate): SiiRow {
  const scale = indicator.statistic === 'proportion' ? defaultMultiplier(indicator) : 1;
  const population = e.denominatorIsPopulation || indicator.statistic === 'proportion' ? e.denominator : e.n;
  return {
    quantile: Number(e.group),
    population,
    value: e.value / scale,
    lowerCl: e.lower95 / scale,
    upperCl: e.upper95 / scale,
  };
}

/**
 * SII and RII across IMD deciles (or a domain's deciles) for one period. Like the PHE reference, it needs a value with
 * limits for every decile present (at least five): leaving one out would move every other decile's
 * rank. A regression over every decile, it may use values that disclosure control hides (the NHS
 * England rule exempts regression models).
 */
export function siiFor(
  indicator: IndicatorDefinition,
  period: string,
  estimates: GroupEstimate[],
  dimension = 'imd_decile',
): Inequality {
  const deciles = estimates.filter(isKnownGroup);
  if (deciles.length === 0) return none;
  const note = (text: string): Inequality => ({
    measures: [],
    notes: [{ period, dimension, measure: 'sii', text }],
  });
  const missing = deciles.filter((e) => !hasLimits(e));
  if (missing.length)
    return note(
      `Not calculated: every decile needs a value with confidence limits, and ${groupList(
        dimension,
        missing.map((e) => e.group),
      )} ${missing.length === 1 ? 'has' : 'have'} none${missing[0]?.note ? ` (${missing[0].note.toLowerCase()})` : ''}.`,
    );
  if (deciles.length < 5) return note('Not calculated: fewer than five deciles have data.');
  const rows = deciles.map((e) => siiRow(indicator, e));
  const proportion = indicator.statistic === 'proportion';
  const valueType = proportion
    ? 2
    : indicator.statistic === 'mean' || indicator.statistic === 'median'
      ? 0
      : 1;
  const multiplier = proportion ? defaultMultiplier(indicator) : 1;
  // Rates' uncertainty is taken on the log scale and proportions' on the logit scale, where a
  // limit of 0 (or 100%) has no value: the reference drops such an area.
  const offScale = deciles.filter((e) => e.lower95 <= 0 || (proportion && e.upper95 >= multiplier));
  if (valueType !== 0 && offScale.length)
    return note(
      `Not calculated: the method takes each decile's uncertainty on a ${proportion ? 'logit' : 'log'} scale, and ${groupList(
        dimension,
        offScale.map((e) => e.group),
      )} ${offScale.length === 1 ? 'has a confidence limit' : 'have confidence limits'} of ${proportion ? '0% or 100%' : '0'}.`,
    );
  const output = attempt(() =>
    calculateSii([{ key: period, rows }], {
      valueType,
      multiplier,
      rii: true,
      repetitions: SII_REPETITIONS,
      seed: SII_SEED,
      confidence: 0.95,
    }),
  );
  if (refused(output)) return note(`Not calculated: ${output.refused}.`);
  const fit = output.results[0]?.fit;
  if (!fit) return note("Not calculated: the deciles' values or populations are incomplete.");
  const sii: SummaryMeasure = {
    period,
    dimension,
    measure: 'sii',
    label: 'Slope index of inequality (SII)',
    value: fit.sii,
    lower: fit.siiLimits[0]?.lower ?? null,
    upper: fit.siiLimits[0]?.upper ?? null,
    intercept: fit.intercept * multiplier,
  };
  const riiNote = riiRefusal(fit.intercept * multiplier, fit.sii);
  if (riiNote) return { measures: [sii], notes: [{ period, dimension, measure: 'rii', text: riiNote }] };
  const rii: SummaryMeasure = {
    period,
    dimension,
    measure: 'rii',
    label: 'Relative index of inequality (RII)',
    value: fit.rii,
    lower: fit.riiLimits[0]?.lower ?? null,
    upper: fit.riiLimits[0]?.upper ?? null,
  };
  return { measures: [sii, rii], notes: [] };
}

/**
 * Why the RII (the ratio of the fitted line's two ends) is not shown, or null. A straight line fitted
 * to rates can reach zero or below at one end, where the reference's formula gives a ratio with no
 * meaning (negative, or dividing by about zero); the SII is still a valid difference.
 */
function riiRefusal(mostDeprivedEnd: number, sii: number): string | null {
  const ends = [
    { end: 'most', value: mostDeprivedEnd },
    { end: 'least', value: mostDeprivedEnd + sii },
  ];
  const below = ends.find((e) => e.value <= 0);
  if (!below) return null;
  return `Not calculated: the line fitted across the deciles falls to ${Number(below.value.toPrecision(3))} at the ${below.end} deprived end, and a ratio of its two ends means something only when both are above zero.`;
}

/** A group's place on the deprivation scale, 1 = most deprived: a decile's number, or Core20 first. */
const deprivationOrder = (dimension: string, group: string): number =>
  dimension === 'core20' ? (group === 'Core20' ? 1 : 2) : Number(group);

/**
 * Groups for the WHO measures. These compare group values directly (a difference of two means gives
 * both back), so a group whose value is hidden by disclosure control counts as missing, and the
 * engine's own rules decide: ordered dimensions need every group, others 85% of them.
 */
function subgroups(
  dimension: string,
  estimates: GroupEstimate[],
  ordered: boolean,
  shown: (e: GroupEstimate) => boolean,
): HeatSubgroup[] {
  return estimates.filter(isKnownGroup).map((e) => ({
    subgroup: e.group,
    estimate: hasLimits(e) && shown(e) ? e.value : NaN,
    lower: e.lower95,
    upper: e.upper95,
    population:
      e.weight ?? (e.denominatorIsPopulation || Number.isFinite(e.denominator) ? e.denominator : e.n),
    ...(ordered ? { order: deprivationOrder(dimension, e.group) } : {}),
  }));
}

/**
 * WHO HEAT measures for one breakdown: D and R for deprivation (deciles, or Core20 and the rest,
 * `ordered`: signed so that a positive D means the more deprived fare worse); more for non-ordered
 * groups, where D and R compare the best and worst.
 */
export function heatFor(
  indicator: IndicatorDefinition,
  period: string,
  dimension: string,
  estimates: GroupEstimate[],
  options: { ordered: boolean; shown: (e: GroupEstimate) => boolean },
): Inequality {
  const groups = subgroups(dimension, estimates, options.ordered, options.shown);
  if (groups.length < 2) return none;
  const present = groups.filter((g) => Number.isFinite(g.estimate));
  const measures = options.ordered || groups.length === 2 ? ['d', 'r'] : ['d', 'r', 'bgv', 'mdmw', 'idisw'];
  const scale = indicator.statistic === 'proportion' && defaultMultiplier(indicator) === 100 ? 100 : 1;
  const setting = {
    subgroups: groups,
    favourable: indicator.polarity === 'high-is-good',
    ordered: options.ordered,
    scale,
  };
  const results = attempt(() => heatMeasures(setting, measures, { seed: SII_SEED }));
  if (refused(results)) {
    const absent = groups.filter((g) => !Number.isFinite(g.estimate)).map((g) => g.subgroup ?? '');
    const needs = setting.ordered
      ? 'every group needs a published value'
      : present.length < 2
        ? 'at least two groups need published values'
        : 'at least 85% of the groups need published values';
    // The engine refuses too few estimates in its own words; say which groups were missing.
    const text = /missing|at least two/.test(results.refused)
      ? `Not calculated: ${needs}, and ${groupList(dimension, absent)} ${absent.length === 1 ? 'has' : 'have'} none.`
      : `Not calculated: ${results.refused}.`;
    return { measures: [], notes: [{ period, dimension, measure: 'heat', text }] };
  }
  return {
    measures: results
      .filter((r) => Number.isFinite(r.estimate))
      .map((r) => ({
        period,
        dimension,
        measure: r.measure,
        label: heatLabels[r.measure] ?? r.measure,
        value: r.estimate,
        lower: Number.isFinite(r.lower) ? r.lower : null,
        upper: Number.isFinite(r.upper) ? r.upper : null,
      })),
    notes: [],
  };
}

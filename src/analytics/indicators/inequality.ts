// Inequality summary measures from the statistics engine: SII and RII across deprivation deciles
// (PHE method), the gap and ratio between the ends of the scale (WHO HEAT D and R), and the WHO
// measures for non-ordered groups (ethnic group).
import { calculateSii, type SiiRow } from '../../stats/sii.ts';
import { heatMeasures, type HeatSubgroup } from '../../stats/heat.ts';
import { StatsInputError } from '../../stats/errors.ts';
import type { GroupEstimate, SummaryMeasure } from './result.ts';
import { defaultMultiplier, type IndicatorDefinition } from './schema.ts';

export const SII_REPETITIONS = 10_000;
export const SII_SEED = 20_260_101;

const heatLabels: Record<string, string> = {
  d: 'Difference between the ends (WHO D)',
  r: 'Ratio between the ends (WHO R)',
  bgv: 'Between-group variance',
  mdmw: 'Mean difference from the mean (weighted)',
  idisw: 'Index of disparity (weighted)',
};

function safely<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (error instanceof StatsInputError) return undefined;
    throw error;
  }
}

const usable = (e: GroupEstimate): boolean =>
  e.group !== 'Not known' &&
  Number.isFinite(e.value) &&
  Number.isFinite(e.lower95) &&
  Number.isFinite(e.upper95);

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

/** SII and RII across IMD deciles for one period (needs at least five deciles with data). */
export function siiFor(
  indicator: IndicatorDefinition,
  period: string,
  deciles: GroupEstimate[],
): SummaryMeasure[] {
  const rows = deciles.filter(usable).map((e) => siiRow(indicator, e));
  if (rows.length < 5) return [];
  const proportion = indicator.statistic === 'proportion';
  const valueType = proportion
    ? 2
    : indicator.statistic === 'mean' || indicator.statistic === 'median'
      ? 0
      : 1;
  const multiplier = proportion ? defaultMultiplier(indicator) : 1;
  const output = safely(() =>
    calculateSii([{ key: period, rows }], {
      valueType,
      multiplier,
      rii: true,
      repetitions: SII_REPETITIONS,
      seed: SII_SEED,
      confidence: 0.95,
    }),
  );
  const fit = output?.results[0]?.fit;
  if (!fit) return [];
  return [
    {
      period,
      dimension: 'imd_decile',
      measure: 'sii',
      label: 'Slope index of inequality (SII)',
      value: fit.sii,
      lower: fit.siiLimits[0]?.lower ?? null,
      upper: fit.siiLimits[0]?.upper ?? null,
      intercept: fit.intercept * multiplier,
    },
    {
      period,
      dimension: 'imd_decile',
      measure: 'rii',
      label: 'Relative index of inequality (RII)',
      value: fit.rii,
      lower: fit.riiLimits[0]?.lower ?? null,
      upper: fit.riiLimits[0]?.upper ?? null,
    },
  ];
}

function subgroups(estimates: GroupEstimate[], ordered: boolean): HeatSubgroup[] {
  return estimates.filter(usable).map((e) => ({
    subgroup: e.group,
    estimate: e.value,
    lower: e.lower95,
    upper: e.upper95,
    population: e.denominatorIsPopulation
      ? e.denominator
      : Number.isFinite(e.denominator)
        ? e.denominator
        : e.n,
    ...(ordered ? { order: Number(e.group) } : {}),
  }));
}

/** WHO HEAT measures for one breakdown: D and R for deprivation; more for non-ordered groups. */
export function heatFor(
  indicator: IndicatorDefinition,
  period: string,
  dimension: string,
  estimates: GroupEstimate[],
  ordered: boolean,
): SummaryMeasure[] {
  const groups = subgroups(estimates, ordered);
  if (groups.length < 2) return [];
  const measures = ordered || groups.length === 2 ? ['d', 'r'] : ['d', 'r', 'bgv', 'mdmw', 'idisw'];
  const scale = indicator.statistic === 'proportion' && defaultMultiplier(indicator) === 100 ? 100 : 1;
  const setting = {
    subgroups: groups,
    favourable: indicator.polarity === 'high-is-good',
    ordered: ordered && groups.length > 2,
    scale,
  };
  const results = safely(() => heatMeasures(setting, measures, { seed: SII_SEED }));
  return (results ?? [])
    .filter((r) => Number.isFinite(r.estimate))
    .map((r) => ({
      period,
      dimension,
      measure: r.measure,
      label: heatLabels[r.measure] ?? r.measure,
      value: r.estimate,
      lower: Number.isFinite(r.lower) ? r.lower : null,
      upper: Number.isFinite(r.upper) ? r.upper : null,
    }));
}

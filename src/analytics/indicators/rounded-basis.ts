// Proportions and crude rates worked out again from the rounded counts that are published, for an
// organisation whose information governance asks that no published figure depend on an exact count
// (DISCLOSURE_LIMITS=rounded; docs/methods/disclosure.md, "What the rule leaves open"). The
// methods are the same (Wilson, Byar/exact); only their inputs are the published counts.
import type { DisclosedValue } from '../../stats/disclosure.ts';
import { proportions } from '../../stats/proportion.ts';
import { crudeRates } from '../../stats/rate.ts';
import { CONFIDENCE } from './confidence.ts';
import { breakdownCounts } from './disclose.ts';
import { withLimits } from './estimates.ts';
import type { GroupEstimate } from './result.ts';
import { defaultMultiplier, type IndicatorDefinition } from './schema.ts';

/** What published limits and rates are worked out from: the exact counts, or the rounded ones. */
export type LimitsBasis = 'exact' | 'rounded';

const published = (v: DisclosedValue | undefined): number => v?.published ?? NaN;

/** One period × breakdown: each group's value and limits from its published counts. */
function onRoundedCounts(indicator: IndicatorDefinition, group: GroupEstimate[]): GroupEstimate[] {
  const proportion = indicator.statistic === 'proportion';
  const counts = breakdownCounts(group, proportion);
  const isShown = (v: DisclosedValue | undefined) => Number.isFinite(published(v));
  const rows = group
    .map((_e, i) => i)
    .filter((i) => isShown(counts.numerators[i]) && (!proportion || isShown(counts.denominators[i])));
  const x = rows.map((i) => published(counts.numerators[i]));
  const n = rows.map((i) =>
    proportion ? published(counts.denominators[i]) : (group[i] as GroupEstimate).denominator,
  );
  const options = { confidence: CONFIDENCE, multiplier: defaultMultiplier(indicator) };
  const set = proportion ? proportions(x, n, options) : crudeRates(x, n, options);
  const redone = withLimits(
    rows.map((i) => group[i] as GroupEstimate),
    set,
  );
  const out = [...group];
  rows.forEach((i, j) => {
    const e = redone[j] as GroupEstimate;
    // The overall row's counts feed the trend test of proportions, and every group's denominator
    // weights the WHO measures: there, too, the published ones.
    if (!proportion) out[i] = e;
    else if (e.dimension === 'overall')
      out[i] = { ...e, numerator: x[j] as number, denominator: n[j] as number };
    else out[i] = { ...e, weight: n[j] };
  });
  return out;
}

/**
 * The estimates the published figures are worked out from. With `rounded`, a proportion's or crude
 * rate's value and limits come from the counts as published (rounded to 5; suppressed groups keep
 * theirs, which are never shown); the counts themselves stay exact, so suppression decides as
 * before, except the overall row's, which the trend test then takes as published. Standardised
 * rates, means and medians are unchanged.
 */
export function publishedBasis(
  indicator: IndicatorDefinition,
  estimates: GroupEstimate[],
  basis: LimitsBasis,
): GroupEstimate[] {
  if (basis === 'exact') return estimates;
  if (indicator.statistic !== 'proportion' && indicator.statistic !== 'crude-rate') return estimates;
  const groups = new Map<string, number[]>();
  estimates.forEach((e, i) => {
    const k = `${e.period}\u0000${e.dimension}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  const out = [...estimates];
  for (const indexes of groups.values()) {
    const redone = onRoundedCounts(
      indicator,
      indexes.map((i) => estimates[i] as GroupEstimate),
    );
    indexes.forEach((i, j) => (out[i] = redone[j] as GroupEstimate));
  }
  return out;
}

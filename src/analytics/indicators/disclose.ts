// Disclosure control before anything is stored for display or exported (stats/disclosure.ts: NHS
// England secondary-care rule, percentages from rounded figures, secondary suppression where the
// rounded total would still give a hidden count away, ONS thresholds for rates). Only PublishedRow
// values leave this module.
import { compareAtBothLevels, type ComparisonOutcome, type Polarity } from '../../stats/comparison.ts';
import {
  discloseCount,
  disclosePercentage,
  discloseRate,
  discloseSimpleStatistic,
  type DisclosedValue,
} from '../../stats/disclosure.ts';
import { discloseTable } from '../../stats/disclosure-table.ts';
import { groupOrder } from './dimensions.ts';
import type { GroupEstimate, PublishedRow } from './result.ts';
import { defaultMultiplier, type IndicatorDefinition } from './schema.ts';

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The counts of one period × breakdown as published (rounded, suppressed where they must be). */
export function breakdownCounts(
  estimates: GroupEstimate[],
  withDenominator: boolean,
): { numerators: DisclosedValue[]; denominators: DisclosedValue[] } {
  const cells = estimates.map((e) => (withDenominator ? [e.numerator, e.denominator] : [e.numerator]));
  const table = discloseTable({ cells, level: 'subnational', columnTotals: true });
  return {
    numerators: table.cells.map((row) => row[0] as DisclosedValue),
    denominators: table.cells.map((row) =>
      withDenominator ? (row[1] as DisclosedValue) : discloseCount(NaN, 'subnational'),
    ),
  };
}

function publishedValue(
  indicator: IndicatorDefinition,
  e: GroupEstimate,
  numerator: DisclosedValue,
  denominator: DisclosedValue,
): DisclosedValue {
  switch (indicator.statistic) {
    case 'proportion': {
      const percentage = disclosePercentage(numerator, denominator);
      if (percentage.published === null) return percentage;
      const scaled = (percentage.published / 100) * defaultMultiplier(indicator);
      return { ...percentage, published: scaled, display: scaled.toFixed(1) };
    }
    case 'crude-rate':
    case 'dsr': {
      if (numerator.reason) return { ...numerator, display: numerator.display, reason: 'derived' };
      const rate = discloseRate(e.value, e.numerator, indicator.statistic === 'dsr' ? 'dsr' : 'crude');
      return rate.published === null ? rate : { ...rate, display: rate.published.toFixed(1) };
    }
    default: {
      const simple = discloseSimpleStatistic(e.value, e.n, 'subnational');
      return simple.published === null ? simple : { ...simple, display: simple.published.toFixed(1) };
    }
  }
}

function comparison(e: GroupEstimate, overallValue: number | null, polarity: Polarity): ComparisonOutcome {
  if (overallValue === null || e.dimension === 'overall') return 'not compared';
  return compareAtBothLevels(
    { value: e.value, lower95: e.lower95, upper95: e.upper95, lower998: e.lower998, upper998: e.upper998 },
    overallValue,
    polarity,
  ).at95;
}

/**
 * Disclosure-controlled rows of one period × breakdown, in display order (deciles 1 to 10, "Not
 * known" last). Each group's interval is compared with `overallValue`, the same period's overall
 * value as published (a percentage from rounded counts), so that the comparison agrees with the
 * figures a reader sees; null when that value is hidden.
 */
export function publishBreakdown(
  indicator: IndicatorDefinition,
  estimates: GroupEstimate[],
  overallValue: number | null,
): PublishedRow[] {
  const countable =
    indicator.statistic === 'proportion' ||
    indicator.statistic === 'crude-rate' ||
    indicator.statistic === 'dsr';
  const { numerators, denominators } = countable
    ? breakdownCounts(estimates, indicator.statistic === 'proportion')
    : {
        numerators: estimates.map(() => discloseCount(NaN, 'subnational')),
        denominators: estimates.map((e) => discloseCount(e.n, 'subnational')),
      };
  const rows = estimates.map((e, i): PublishedRow => {
    const numerator = numerators[i] as DisclosedValue;
    const denominator = e.denominatorIsPopulation
      ? discloseCount(e.denominator, 'subnational')
      : (denominators[i] as DisclosedValue);
    const value = publishedValue(indicator, e, numerator, denominator);
    const shown = value.published !== null;
    const limit = (v: number) => (shown ? finite(v) : null);
    return {
      period: e.period,
      dimension: e.dimension,
      group: e.group,
      order: groupOrder(e.dimension, e.group),
      numerator: numerator.display,
      denominator: denominator.display,
      value: value.published,
      valueText: value.display,
      lower95: limit(e.lower95),
      upper95: limit(e.upper95),
      lower998: limit(e.lower998),
      upper998: limit(e.upper998),
      comparison: shown ? comparison(e, overallValue, indicator.polarity) : 'not compared',
      flag: value.flag,
      note: e.note ?? noteFor(value, numerator, denominator),
    };
  });
  return rows.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}

/** Why a value is missing; a value derived from hidden counts gives the reason its counts were hidden. */
function noteFor(
  value: DisclosedValue,
  numerator: DisclosedValue,
  denominator: DisclosedValue,
): string | null {
  if (!value.reason) return null;
  if (value.reason !== 'derived') return suppressionNote(value.reason);
  const reasons = [numerator.reason, denominator.reason];
  return suppressionNote(reasons.includes('primary') ? 'primary' : (reasons.find(Boolean) ?? 'derived'));
}

function suppressionNote(reason: string): string {
  if (reason === 'low-count-rate') return 'Too few events to calculate a reliable rate';
  if (reason === 'secondary') return 'Suppressed so that other small numbers cannot be worked out';
  return 'Small numbers suppressed to protect confidentiality';
}

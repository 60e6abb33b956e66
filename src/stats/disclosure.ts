// Statistical disclosure control for result tables before they are shown or exported: the NHS
// England (ex-NHS Digital) secondary-care rule of 2018 for counts (rounding keeps a suppressed cell
// from being recovered by subtraction from a published total; secondary suppression does it when
// counts are published exactly), percentages from rounded figures, and the ONS event thresholds for
// rates. See docs/methods/disclosure.md.
import { fail } from './errors.ts';

export type SdcReason = 'primary' | 'secondary' | 'derived' | 'low-count-rate';
export type GeographyLevel = 'national' | 'subnational';

export interface SdcThresholds {
  /** Counts from 1 to this value are suppressed (NHS: 7). */
  suppressUpTo: number;
  /** Other counts are rounded to the nearest multiple of this (NHS: 5). */
  roundTo: number;
  /** Directly standardised rates are not shown below this many events (ONS/OHID: 10). */
  dsrMinEvents: number;
  /** Crude and age-specific rates are not shown below this many events (ONS: 3). */
  crudeRateMinEvents: number;
  /** Rates on fewer events than this are flagged "u", low reliability (ONS: 20). */
  unreliableBelow: number;
}

export const NHS_SDC_DEFAULTS: Readonly<SdcThresholds> = Object.freeze({
  suppressUpTo: 7,
  roundTo: 5,
  dsrMinEvents: 10,
  crudeRateMinEvents: 3,
  unreliableBelow: 20,
});

/** A value after disclosure control. `value` keeps the original for the UI; only `published` may leave. */
export interface DisclosedValue {
  value: number;
  published: number | null;
  /** What a table shows: the number, "*" (suppressed count), ":" (rate not calculated) or "" (missing). */
  display: string;
  reason: SdcReason | null;
  /** "u": a rate on fewer events than the reliability threshold. */
  flag: 'u' | null;
}

export function thresholdsWith(overrides: Partial<SdcThresholds> = {}): SdcThresholds {
  const t = { ...NHS_SDC_DEFAULTS, ...overrides };
  for (const [name, v] of Object.entries(t)) {
    if (!Number.isFinite(v) || v < 0) fail(`threshold ${name} must be a number of at least 0`);
  }
  if (t.roundTo < 1) fail('threshold roundTo must be at least 1');
  return t;
}

function shown(value: number, published: number): DisclosedValue {
  return { value, published, display: String(published), reason: null, flag: null };
}

export function suppressed(value: number, reason: SdcReason, display = '*'): DisclosedValue {
  return { value, published: null, display, reason, flag: null };
}

const missing = (value: number): DisclosedValue => ({
  value,
  published: null,
  display: '',
  reason: null,
  flag: null,
});

/** A count: national figures are exempt; sub-national 1–7 → "*", others to the nearest 5 (0 stays 0). */
export function discloseCount(
  n: number,
  level: GeographyLevel,
  thresholds: SdcThresholds = NHS_SDC_DEFAULTS,
): DisclosedValue {
  if (!Number.isFinite(n)) return missing(n);
  if (n < 0) fail(`counts cannot be negative (got ${String(n)})`);
  if (level === 'national') return shown(n, n);
  if (n === 0) return shown(0, 0);
  if (n <= thresholds.suppressUpTo) return suppressed(n, 'primary');
  return shown(n, Math.round(n / thresholds.roundTo) * thresholds.roundTo);
}

/**
 * A percentage from the published (rounded) numerator and denominator; suppressed when either of
 * them is. National figures use the unrounded values (they are not rounded).
 */
export function disclosePercentage(
  numerator: DisclosedValue,
  denominator: DisclosedValue,
  decimals = 1,
): DisclosedValue {
  const value = (numerator.value / denominator.value) * 100;
  if (numerator.published === null || denominator.published === null) {
    return numerator.reason || denominator.reason ? suppressed(value, 'derived') : missing(value);
  }
  if (denominator.published === 0) return missing(value);
  const percentage = (numerator.published / denominator.published) * 100;
  return { value, published: percentage, display: percentage.toFixed(decimals), reason: null, flag: null };
}

/**
 * A rate (crude or directly standardised): not shown (":") below the method's event threshold and
 * flagged "u" below the reliability threshold. These are reliability rules, applied at every level.
 */
export function discloseRate(
  rate: number,
  events: number,
  kind: 'dsr' | 'crude',
  thresholds: SdcThresholds = NHS_SDC_DEFAULTS,
): DisclosedValue {
  if (!Number.isFinite(events)) return missing(rate);
  const minimum = kind === 'dsr' ? thresholds.dsrMinEvents : thresholds.crudeRateMinEvents;
  // Checked before the rate itself: an engine that declines to standardise so few events gives NaN.
  if (events < minimum) return suppressed(rate, 'low-count-rate', ':');
  if (!Number.isFinite(rate)) return missing(rate);
  return {
    value: rate,
    published: rate,
    display: String(rate),
    reason: null,
    flag: events < thresholds.unreliableBelow ? 'u' : null,
  };
}

/** A mean, median or other simple statistic over n individuals: sub-national n of 1–7 → "*". */
export function discloseSimpleStatistic(
  value: number,
  n: number,
  level: GeographyLevel,
  thresholds: SdcThresholds = NHS_SDC_DEFAULTS,
): DisclosedValue {
  if (!Number.isFinite(value)) return missing(value);
  if (level === 'subnational' && n >= 1 && n <= thresholds.suppressUpTo) return suppressed(value, 'primary');
  return shown(value, value);
}

import { fail } from './errors.ts';

/**
 * Normalise a confidence level as the reference does: fractions 0.9–1 are kept, percentages 90–100
 * are divided by 100; anything else is refused.
 */
export function normaliseConfidence(level: number): number {
  if (!Number.isFinite(level)) fail('confidence level must be between 90 and 100 or between 0.9 and 1');
  const fraction = level >= 90 ? level / 100 : level;
  if (fraction < 0.9 || fraction > 1) {
    fail('confidence level must be between 90 and 100 or between 0.9 and 1');
  }
  return fraction;
}

/**
 * The levels allowed by the methods restricted to one level or the pair 95% and 99.8%
 * (proportion, rate, mean, DSR, ISR, funnels).
 */
export function restrictedConfidence(levels: number | readonly number[]): number[] {
  const list = (typeof levels === 'number' ? [levels] : [...levels]).map(normaliseConfidence);
  if (list.length === 0) fail('at least one confidence level must be provided');
  if (list.length > 2) fail('a maximum of two confidence levels can be provided');
  if (list.length === 2 && !(list[0] === 0.95 && list[1] === 0.998)) {
    fail('two confidence levels can only be produced if they are specified as 0.95 and 0.998');
  }
  return list;
}

/** "95%", "99.8%" — the reference's label for one level. */
export function confidenceLabel(level: number): string {
  return `${formatPercent(level)}%`;
}

/** "95%, 99.8%" for several levels. */
export function confidenceLabels(levels: readonly number[]): string {
  return levels.map(confidenceLabel).join(', ');
}

/**
 * Output column names for the limits: one level → lowercl/uppercl; several → lower95_0cl,
 * upper95_0cl, lower99_8cl, upper99_8cl (one decimal place, "." → "_").
 */
export function limitColumns(levels: readonly number[]): { lower: string; upper: string }[] {
  if (levels.length === 1) return [{ lower: 'lowercl', upper: 'uppercl' }];
  return levels.map((level) => {
    const tag = (level * 100).toFixed(1).replace('.', '_');
    return { lower: `lower${tag}cl`, upper: `upper${tag}cl` };
  });
}

function formatPercent(level: number): string {
  // 0.998 * 100 = 99.80000000000001 in floating point; print at most 10 significant digits.
  return String(Number((level * 100).toPrecision(10)));
}

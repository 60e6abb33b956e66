// How the analytics pages write numbers and intervals. Display only: downloads keep the stored
// numbers (src/features/analytics/export.ts), and so do the charts' data. Group names, shown the
// same way on pages and in downloads, are in src/features/analytics/group-label.ts.

const plainNumber = /^-?\d+(\.\d+)?$/;

const separate = (whole: string): string => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A stored number as text with thousands separators ("12345" → "12,345", "1234.5" → "1,234.5"),
 * its decimals kept as they are. Anything else ("*" and ":" from disclosure control) is unchanged;
 * an empty value is a dash.
 */
export function withSeparators(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '–';
  if (!plainNumber.test(text)) return text;
  const [whole = '', fraction] = text.split('.');
  return fraction === undefined ? separate(whole) : `${separate(whole)}.${fraction}`;
}

/** How many decimals a published value has ("8.1" → 1); 1 when it is not a number. */
export function decimalsOf(text: string | null | undefined): number {
  if (!text || !plainNumber.test(text)) return 1;
  return text.split('.')[1]?.length ?? 0;
}

/** A number to a fixed number of decimals, trailing zeros kept, with thousands separators. */
export function fixed(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = value.toFixed(digits);
  // -0.001 to two decimals is "-0.00": no sign on a value shown as zero.
  return withSeparators(Number(text) === 0 ? text.replace(/^-/, '') : text);
}

/** "10.20 to 12.00", or a dash when either limit is missing. */
export function interval(lower: number | null | undefined, upper: number | null | undefined, digits: number) {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return '–';
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return '–';
  return `${fixed(lower, digits)} to ${fixed(upper, digits)}`;
}

/** A value with its unit: "8.1%", "338.5 per 100,000", "15.6 weeks". */
export function withUnit(value: string, unit: string): string {
  // "*" and ":" (hidden, not calculated) and "–" stand alone.
  if (!unit || !/\d/.test(value)) return value;
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/** The unit of a difference between two values: percentages differ by percentage points. */
export const differenceUnit = (unit: string): string => (unit === '%' ? 'percentage points' : unit);

/** Measures that are differences in the indicator's own unit (ratios, variances and indices have none). */
const differences = new Set(['sii', 'd', 'mdmw']);

/** An inequality measure's value with its unit: "9.3 percentage points", "1.16" for a ratio. */
export function measureWithUnit(measure: string, value: string, unit: string): string {
  if (measure === 'idisw') return withUnit(value, '%');
  return differences.has(measure) ? withUnit(value, differenceUnit(unit)) : value;
}

/** Text as lower-case words joined by hyphens, for ids and file names ("Weeks waited" → "weeks-waited"). */
export const slugOf = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A stable id for a breakdown's section ("imd_decile" → "by-imd-decile"). */
export function sectionId(dimension: string): string {
  return `by-${slugOf(dimension) || 'breakdown'}`;
}

/** A heading made short enough for a contents list: "By IMD decile (1 = most deprived)" → "By IMD decile". */
export function shortLabel(label: string): string {
  const short = label.replace(/\s*\([^)]*\)/g, '').trim();
  return short || label;
}

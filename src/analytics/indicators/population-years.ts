// Which mid-year's population estimates a period's rates are over. A financial year is matched with
// the estimates of the 30 June inside it (2023/24 with mid-2023), as OHID's Fingertips indicators
// are; without them, the nearest mid-year imported stands in, and the indicator says so.

/** The first calendar year of a financial year ("2023/24" → 2023); null for any other period. */
export function periodStartYear(period: string): number | null {
  const found = /^(\d{4})\/\d{2}$/.exec(period);
  return found ? Number(found[1]) : null;
}

/**
 * The mid-year of the estimates a period's rates are over, among `years` (null: estimates whose
 * year was not recorded, used for every period): the period's own, else the nearest (the later of
 * two as near); the latest for a period that is not a financial year.
 */
export function populationYearFor(period: string, years: (number | null)[]): number | null {
  const known = years.filter((y): y is number => y !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const start = periodStartYear(period);
  if (start === null) return known.at(-1)!;
  return known.reduce((best, y) => (Math.abs(y - start) <= Math.abs(best - start) ? y : best));
}

/** A population row's mid-year as the estimates key it. */
export const midYearOfRow = (value: unknown): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);

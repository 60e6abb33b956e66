// Which mid-year's population estimates a period's rates are over. A financial year is matched with
// the estimates of the 30 June inside it (2023/24 with mid-2023), as OHID's Fingertips indicators
// are; without them, the nearest mid-year imported stands in, and the indicator says so.

const FINANCIAL_YEAR = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/;
const CALENDAR_YEAR = /^(\d{4})$/;

/**
 * The year of the 30 June inside a period: a financial year's first calendar year ("2023/24", or
 * as a warehouse may write it "2023-24" or "2023/2024", → 2023), or a calendar year ("2023", as a
 * linked table's periods may be); null for any other period.
 */
export function periodStartYear(period: string): number | null {
  const text = period.trim();
  const financial = FINANCIAL_YEAR.exec(text);
  if (financial) {
    const start = Number(financial[1]);
    const end = Number(financial[2]);
    const follows = financial[2]!.length === 2 ? end === (start + 1) % 100 : end === start + 1;
    return follows ? start : null;
  }
  const calendar = CALENDAR_YEAR.exec(text);
  return calendar ? Number(calendar[1]) : null;
}

/**
 * The mid-year of the estimates a period's rates are over, among `years` (null: estimates whose
 * year was not recorded, used for every period): the period's own, else the nearest (the later of
 * two as near); the latest for a period that is not a year (financial or calendar).
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

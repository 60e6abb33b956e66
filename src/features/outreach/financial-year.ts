/** NHS financial years run from 1 April to 31 March; a year is named by the calendar year it starts in. */
export function financialYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** 2025 → "2025/26". */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The first and last dates (YYYY-MM-DD) of a financial year. */
export function financialYearRange(startYear: number): { from: string; to: string } {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

/** A year asked for in a query string, or the current one when it is missing or absurd. */
export function chosenYear(value: string | undefined, today: string): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : financialYearOf(today);
}

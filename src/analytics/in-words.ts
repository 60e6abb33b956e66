// Lists, counts and dates as a sentence says them, for caveats, notes and summaries.

/** "a", "a and b", "a, b and c" (or "or" in place of "and"); "" for none. */
export function listInWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** "1,234". */
export const countInWords = (n: number): string => n.toLocaleString('en-GB');

/** "1 April 2024", from an ISO date (yyyy-mm-dd). */
export const dateInWords = (iso: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

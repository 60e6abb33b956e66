// Lists as a sentence says them, for caveats, notes and summaries.

/** "a", "a and b", "a, b and c" (or "or" in place of "and"); "" for none. */
export function listInWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

// Rates count the people living in the configured places only (their population is the
// denominator): what the reader is told about the events of people living elsewhere.
import type { SqlRow } from '../store.ts';
import { allEvents, measurePrefix } from '../queries/indicator-aggregates.ts';
import type { ResidentArea } from '../geography/model.ts';
import { listInWords } from '../in-words.ts';

/** A share as the reader is told it: a whole percentage, never 0% or 100% when it is neither. */
function shareText(part: number, whole: number): string {
  const percent = Math.round((100 * part) / whole);
  if (percent === 0) return 'fewer than 1%';
  if (percent === 100 && part < whole) return 'more than 99%';
  return `${percent}%`;
}

/**
 * The caveat of rate indicator k: whose events it counts and what share of the dataset's events
 * (all periods) were left out as those of people living elsewhere or whose LSOA is not known. A
 * share, not a count, so that no small number is published.
 */
export function residentsCaveat(area: ResidentArea, k: number, groups: SqlRow[]): string {
  const p = measurePrefix(k);
  let residents = 0;
  let all = 0;
  for (const row of groups) {
    if (row.dimension !== 'overall') continue;
    residents += Number(row[`${p}_num`] ?? 0);
    all += Number(row[allEvents(p)] ?? 0);
  }
  const whose = `Rates count the people living in ${listInWords(area.places)}, over their population`;
  const outside = all - residents;
  if (outside <= 0) return `${whose}.`;
  return `${whose}: ${shareText(outside, all)} of the events in this dataset were of people living elsewhere, or whose area of residence is not known, and are not counted.`;
}

// What a breakdown that sets the Core20 beside the rest within each ethnic group or place shows at a
// glance: within each group, whether the Core20's value differs from the rest's by more than chance
// would explain, by both their 95% intervals, as Fingertips compares two areas (compareIntervals).
import { core20Parts } from '../../analytics/indicators/dimensions.ts';
import type { PublishedRow } from '../../analytics/indicators/result.ts';
import { listInWords } from '../../analytics/in-words.ts';
import { compareIntervals, type ComparisonOutcome, type Polarity } from '../../stats/comparison.ts';

/** The groups each pair breakdown sets the Core20 and the rest within, in words. */
export const core20PairNouns: Record<string, [one: string, many: string]> = {
  core20_ethnic: ['ethnic group', 'ethnic groups'],
  core20_place: ['place', 'places'],
};

/** What the breakdown is, said before what it shows. */
const intros: Record<string, string> = {
  core20_ethnic:
    'Each broad ethnic group twice: among people living in the Core20, the most deprived 20% of areas in England, and among the rest of the population.',
  core20_place:
    'Each place twice: its areas in the Core20, the most deprived 20% of areas in England, and the rest of it. A place with none of them has no Core20 value.',
};

/** Names listed with semicolons where one has commas of its own ("Black, Black British, …"). */
function groupsInWords(names: string[]): string {
  if (names.length < 2 || !names.some((n) => n.includes(','))) return listInWords(names);
  return `${names.slice(0, -1).join('; ')}; and ${names.at(-1)}`;
}

const estimate = (row: PublishedRow) => ({
  value: row.value ?? NaN,
  lower: row.lower95 ?? NaN,
  upper: row.upper95 ?? NaN,
});

/** Each group with both values and intervals shown, by how the Core20 compares with the rest. */
export function groupsByOutcome(rows: PublishedRow[], polarity: Polarity): Map<ComparisonOutcome, string[]> {
  const pairs = new Map<string, { Core20?: PublishedRow; rest?: PublishedRow }>();
  for (const row of rows) {
    const parts = core20Parts(row.group);
    if (parts) pairs.set(parts.within, { ...pairs.get(parts.within), [parts.series]: row });
  }
  const found = new Map<ComparisonOutcome, string[]>();
  for (const [group, { Core20, rest }] of pairs) {
    if (!Core20 || !rest) continue;
    const outcome = compareIntervals(estimate(Core20), estimate(rest), polarity);
    if (outcome !== 'not compared') found.set(outcome, [...(found.get(outcome) ?? []), group]);
  }
  return found;
}

/**
 * What the breakdown is, then "Within these ethnic groups, the value in the Core20 is worse than in
 * the rest of the population: Asian or Asian British and White." and the like, in the indicator's
 * own direction (higher or lower where neither is better), then the groups whose intervals overlap.
 */
export function core20PairSummary(dimension: string, rows: PublishedRow[], polarity: string): string[] {
  const [one, many] = core20PairNouns[dimension] ?? ['group', 'groups'];
  const groups = groupsByOutcome(rows, polarity as Polarity);
  const intro = intros[dimension];
  const sentences = intro ? [intro] : [];
  const found = (['worse', 'better', 'higher', 'lower'] as const).flatMap((outcome) => {
    const list = groups.get(outcome);
    if (!list) return [];
    const within = list.length === 1 ? `one ${one}` : `these ${many}`;
    return [
      `Within ${within}, the value in the Core20 is ${outcome} than in the rest of the population: ${groupsInWords(list)}.`,
    ];
  });
  sentences.push(...found);
  const overlap = groups.get('similar');
  if (overlap)
    sentences.push(
      `For ${groupsInWords(overlap)}, the 95% intervals of the Core20 and the rest overlap, so the difference between them may be down to chance.`,
    );
  return sentences;
}

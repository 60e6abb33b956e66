// The overview's opening summary for a board member: how many published indicators are worse in
// more deprived areas, how many gaps have narrowed or widened since each one's first period, and for
// how many an ethnic group or a place fares worse than average.
import type { GapChange } from '../../analytics/indicators/gap-over-time.ts';
import type { overviewRow } from './analytics-view.ts';
import { listInWords } from '../../analytics/in-words.ts';
import type { WorseFor } from './analytics-worse-for.ts';

type OverviewRow = Pick<ReturnType<typeof overviewRow>, 'status' | 'direction' | 'gapVerdict'> & {
  worseFor: Pick<WorseFor, 'ethnicGroup' | 'place' | 'core20Within'>;
};

/** What one indicator, and what several, of each direction (analytics-view.ts) do. */
const directions: Record<string, [string, string]> = {
  'Worse in more deprived areas': ['is worse in more deprived areas', 'are worse in more deprived areas'],
  'Better in more deprived areas': ['is better in more deprived areas', 'are better in more deprived areas'],
  'Higher in more deprived areas': ['is higher in more deprived areas', 'are higher in more deprived areas'],
  'Lower in more deprived areas': ['is lower in more deprived areas', 'are lower in more deprived areas'],
  'No clear gap by deprivation': ['shows no clear gap by deprivation', 'show no clear gap by deprivation'],
  'Not enough data': ['has too little data to tell', 'have too little data to tell'],
};

const changes: [GapChange, string][] = [
  ['narrower', 'narrower for'],
  ['wider', 'wider for'],
  ['reversed', 'reversed for'],
  ['no significant change', 'not significantly changed for'],
];

function directionSentence(published: OverviewRow[]): string {
  const total = published.length;
  const counted = Object.entries(directions)
    .map(([direction, words]) => ({ n: published.filter((r) => r.direction === direction).length, words }))
    .filter(({ n }) => n > 0);
  const only = counted.length === 1 ? counted[0] : undefined;
  if (only && total === 1) return `The published indicator ${only.words[0]}.`;
  if (only) return `All ${total} published indicators ${only.words[1]}.`;
  const parts = counted.map(({ n, words }) => `${n} ${n === 1 ? words[0] : words[1]}`);
  return `Of the ${total} published indicators, ${listInWords(parts)}.`;
}

function worseForSentence(published: OverviewRow[]): string | null {
  const ethnic = published.filter((r) => r.worseFor.ethnicGroup).length;
  const place = published.filter((r) => r.worseFor.place).length;
  const indicators = (n: number) => `${n} ${n === 1 ? 'indicator' : 'indicators'}`;
  if (ethnic && place)
    return `In ${indicators(ethnic)} at least one ethnic group fares significantly worse than average, and in ${place} at least one place.`;
  if (ethnic)
    return `In ${indicators(ethnic)} at least one ethnic group fares significantly worse than average.`;
  if (place) return `In ${indicators(place)} at least one place fares significantly worse than average.`;
  return null;
}

/**
 * "Within at least one ethnic group, the Core20 fares significantly worse than the rest of the
 * population in 9 of the 24 indicators that compare them; within at least one place, in 12 of 27."
 */
function core20WithinSentence(published: OverviewRow[]): string | null {
  const counted = (within: 'ethnicGroup' | 'place') => {
    const compared = published.filter((r) => r.worseFor.core20Within[within] !== null);
    return `${compared.filter((r) => r.worseFor.core20Within[within]).length} of the ${compared.length}`;
  };
  const [first, second] = (
    [
      ['ethnic group', 'ethnicGroup'],
      ['place', 'place'],
    ] as const
  )
    .filter(([, within]) => published.some((r) => r.worseFor.core20Within[within] !== null))
    .map(([noun, within]) => ({ noun, counted: counted(within) }));
  if (!first) return null;
  const lead = `Within at least one ${first.noun}, the Core20 fares significantly worse than the rest of the population in ${first.counted} indicators that compare them`;
  return second ? `${lead}; within at least one ${second.noun}, in ${second.counted}.` : `${lead}.`;
}

export function overviewHeadline(rows: OverviewRow[]): string[] {
  const published = rows.filter((r) => r.status === 'published');
  if (published.length === 0) return [];
  const byChange = changes
    .map(([verdict, words]) => ({ n: published.filter((r) => r.gapVerdict === verdict).length, words }))
    .filter(({ n }) => n > 0)
    .map(({ n, words }) => `${words} ${n}`);
  return [
    directionSentence(published),
    ...(byChange.length
      ? [`Compared with each indicator's first period, the gap by deprivation is ${listInWords(byChange)}.`]
      : []),
    ...[worseForSentence(published), core20WithinSentence(published)].filter((s): s is string => s !== null),
  ];
}

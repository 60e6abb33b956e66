// The overview's opening summary for a board member: how many published indicators are worse in
// more deprived areas, and how many gaps have narrowed or widened since each one's first period.
import type { overviewRow } from './analytics-view.ts';

type OverviewRow = Pick<ReturnType<typeof overviewRow>, 'status' | 'direction' | 'gapChange'>;

const verb = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const directions: Record<string, (n: number) => string> = {
  'Worse in more deprived areas': (n) => `${verb(n, 'is', 'are')} worse in more deprived areas`,
  'Better in more deprived areas': (n) => `${verb(n, 'is', 'are')} better in more deprived areas`,
  'Higher in more deprived areas': (n) => `${verb(n, 'is', 'are')} higher in more deprived areas`,
  'Lower in more deprived areas': (n) => `${verb(n, 'is', 'are')} lower in more deprived areas`,
  'No clear gap by deprivation': (n) => `${verb(n, 'shows', 'show')} no clear gap by deprivation`,
  'Not enough data': (n) => `${verb(n, 'has', 'have')} too little data to tell`,
};

const changes: [string, string][] = [
  ['Narrower', 'narrower for'],
  ['Wider', 'wider for'],
  ['Reversed', 'reversed for'],
  ['No significant change', 'not significantly changed for'],
];

/** "a, b and c" */
function listed(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function overviewHeadline(rows: OverviewRow[]): string[] {
  const published = rows.filter((r) => r.status === 'published');
  if (published.length === 0) return [];
  const only = Object.entries(directions).find(([d]) => published.every((r) => r.direction === d));
  const total = published.length;
  const byDirection = Object.entries(directions)
    .map(([direction, words]) => [published.filter((r) => r.direction === direction).length, words] as const)
    .filter(([n]) => n > 0)
    .map(([n, words]) => words(n));
  const sentences = [
    only && total === 1
      ? `The published indicator ${only[1](1).replace(/^1 /, '')}.`
      : only
        ? `All ${only[1](total).replace(/^\d+ /, `${total} published indicators `)}.`
        : `Of the ${verb(total, 'published indicator', 'published indicators')}, ${listed(byDirection)}.`,
  ];
  const byChange = changes
    .map(([start, words]) => [published.filter((r) => r.gapChange?.startsWith(start)).length, words] as const)
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${words} ${n}`);
  if (byChange.length)
    sentences.push(
      `Compared with each indicator's first period, the gap by deprivation is ${listed(byChange)}.`,
    );
  return sentences;
}

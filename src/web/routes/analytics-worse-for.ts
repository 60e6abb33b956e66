// The overview's answer to "for which ethnic groups, and in which place?": the broad ethnic groups
// and places whose value in an indicator's latest period is significantly worse than the value they
// are compared with (95% interval, compared-with.ts), and how many wards. Groups of people whose
// ethnic group or area is not known are left out: they are a gap in recording, not a population.
import { unknownGroups } from '../../analytics/indicators/inequality.ts';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import type { ComparisonOutcome, Polarity } from '../../stats/comparison.ts';
import { groupsByOutcome } from './analytics-core20-pairs.ts';

export interface WorseFor {
  /** What the cell says when the lists are empty: a dash when no ethnic group or place was compared. */
  empty: string | null;
  /** "Higher" and "Lower" for an indicator where neither is better; one "Worse" list otherwise. */
  lists: { heading: string; items: string[] }[];
  /** Whether an ethnic group, and a place, are in any list (for the summary above the tables). */
  ethnicGroup: boolean;
  place: boolean;
  /**
   * Within ethnic groups, and within places, whether the Core20 fares worse than the rest in any
   * (core20_ethnic, core20_place); null where the breakdown sets no Core20 and rest side by side
   * (not computed, or neither is better).
   */
  core20Within: { ethnicGroup: boolean | null; place: boolean | null };
}

const breakdowns = [
  { dimension: 'ethnic_broad', kind: 'ethnic group' },
  { dimension: 'place', kind: 'place' },
] as const;

function groupsWith(rows: PublishedRow[], dimension: string, outcome: ComparisonOutcome): string[] {
  return rows
    .filter((r) => r.dimension === dimension && r.comparison === outcome && !unknownGroups.has(r.group))
    .sort((a, b) => a.order.localeCompare(b.order))
    .map((r) => r.group);
}

function itemsWith(rows: PublishedRow[], outcome: ComparisonOutcome): string[] {
  const named = breakdowns.flatMap(({ dimension, kind }) =>
    groupsWith(rows, dimension, outcome).map((group) => `${group} (${kind})`),
  );
  const wards = rows.filter((r) => r.dimension === 'ward' && !unknownGroups.has(r.group));
  const wardsWith = wards.filter((r) => r.comparison === outcome).length;
  return wardsWith
    ? [...named, `${wardsWith} of ${wards.length} ${wards.length === 1 ? 'ward' : 'wards'}`]
    : named;
}

/** Whether the Core20 fares worse than the rest within any group of a pair breakdown; null: none compared. */
function core20WorseWithin(rows: PublishedRow[], dimension: string, polarity: string): boolean | null {
  if (polarity === 'no-judgement') return null;
  const outcomes = groupsByOutcome(
    rows.filter((r) => r.dimension === dimension),
    polarity as Polarity,
  );
  return outcomes.size ? outcomes.has('worse') : null;
}

export function worseFor(result: IndicatorResult, period: string): WorseFor {
  const rows = result.rows.filter((r) => r.period === period);
  const compared = rows.some(
    (r) =>
      [...breakdowns.map((b) => b.dimension), 'ward'].includes(r.dimension) &&
      r.comparison !== 'not compared' &&
      !unknownGroups.has(r.group),
  );
  const outcomes: [ComparisonOutcome, string][] =
    result.polarity === 'no-judgement'
      ? [
          ['higher', 'Higher'],
          ['lower', 'Lower'],
        ]
      : [['worse', 'Worse']];
  const lists = outcomes
    .map(([outcome, heading]) => ({ heading, items: itemsWith(rows, outcome) }))
    .filter((list) => list.items.length > 0);
  const judged = result.polarity !== 'no-judgement';
  const none = judged ? 'No ethnic group or place' : 'No ethnic group or place is higher or lower';
  return {
    empty: lists.length ? null : compared ? none : '–',
    lists,
    ethnicGroup: judged && groupsWith(rows, 'ethnic_broad', 'worse').length > 0,
    place: judged && groupsWith(rows, 'place', 'worse').length > 0,
    core20Within: {
      ethnicGroup: core20WorseWithin(rows, 'core20_ethnic', result.polarity),
      place: core20WorseWithin(rows, 'core20_place', result.polarity),
    },
  };
}

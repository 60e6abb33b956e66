import { describe, expect, it } from 'vitest';
import type { GapChange } from '../../analytics/indicators/gap-over-time.ts';
import { overviewHeadline } from './analytics-overview.ts';

const row = (
  direction: string,
  gapVerdict: GapChange | null,
  status: 'draft' | 'published' = 'published',
  worseFor: {
    ethnicGroup: boolean;
    place: boolean;
    core20Within: { ethnicGroup: boolean | null; place: boolean | null };
  } = { ethnicGroup: false, place: false, core20Within: { ethnicGroup: null, place: null } },
) => ({ status, direction, gapVerdict, worseFor });

describe("the overview's summary", () => {
  it('counts the published indicators by the direction of their gap and by how it has changed', () => {
    expect(
      overviewHeadline([
        row('Worse in more deprived areas', 'narrower'),
        row('Worse in more deprived areas', 'no significant change'),
        row('Worse in more deprived areas', 'no significant change'),
        row('No clear gap by deprivation', null),
        row('Better in more deprived areas', 'wider', 'draft'),
      ]),
    ).toEqual([
      'Of the 4 published indicators, 3 are worse in more deprived areas and 1 shows no clear gap by deprivation.',
      "Compared with each indicator's first period, the gap by deprivation is narrower for 1 and not significantly changed for 2.",
    ]);
  });

  it('says "all" when every indicator goes one way, and nothing about change with one period each', () => {
    expect(
      overviewHeadline([
        row('Worse in more deprived areas', null),
        row('Worse in more deprived areas', null),
      ]),
    ).toEqual(['All 2 published indicators are worse in more deprived areas.']);
    expect(overviewHeadline([row('Not enough data', null)])).toEqual([
      'The published indicator has too little data to tell.',
    ]);
  });

  it('counts the published indicators in which an ethnic group, or a place, fares worse than average', () => {
    const worse = (ethnicGroup: boolean, place: boolean, status: 'draft' | 'published' = 'published') =>
      row('No clear gap by deprivation', null, status, {
        ethnicGroup,
        place,
        core20Within: { ethnicGroup: null, place: null },
      });
    const headline = (rows: ReturnType<typeof worse>[]) => overviewHeadline(rows).slice(1);
    expect(
      headline([worse(true, true), worse(true, false), worse(false, false), worse(true, true, 'draft')]),
    ).toEqual([
      'In 2 indicators at least one ethnic group fares significantly worse than average, and in 1 at least one place.',
    ]);
    expect(headline([worse(true, false)])).toEqual([
      'In 1 indicator at least one ethnic group fares significantly worse than average.',
    ]);
    expect(headline([worse(false, true), worse(false, true)])).toEqual([
      'In 2 indicators at least one place fares significantly worse than average.',
    ]);
    expect(headline([worse(false, false)])).toEqual([]);
  });

  it('counts the indicators in which the Core20 fares worse than the rest within an ethnic group or a place', () => {
    const within = (
      ethnicGroup: boolean | null,
      place: boolean | null,
      status: 'draft' | 'published' = 'published',
    ) =>
      row('No clear gap by deprivation', null, status, {
        ethnicGroup: false,
        place: false,
        core20Within: { ethnicGroup, place },
      });
    const headline = (rows: ReturnType<typeof within>[]) => overviewHeadline(rows).slice(1);
    // Null: the indicator was not broken down so (or neither higher nor lower is better).
    expect(
      headline([within(true, true), within(false, true), within(null, false), within(true, true, 'draft')]),
    ).toEqual([
      'Within at least one ethnic group, the Core20 fares significantly worse than the rest of the population in 1 of the 2 indicators that compare them; within at least one place, in 2 of the 3.',
    ]);
    expect(headline([within(null, true), within(null, false)])).toEqual([
      'Within at least one place, the Core20 fares significantly worse than the rest of the population in 1 of the 2 indicators that compare them.',
    ]);
    expect(headline([within(false, null)])).toEqual([
      'Within at least one ethnic group, the Core20 fares significantly worse than the rest of the population in 0 of the 1 indicators that compare them.',
    ]);
    expect(headline([within(null, null)])).toEqual([]);
  });

  it('says nothing before anything is published', () => {
    expect(overviewHeadline([row('Worse in more deprived areas', null, 'draft')])).toEqual([]);
  });
});

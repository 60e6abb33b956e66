import { describe, expect, it } from 'vitest';
import { core20PairSummary } from './analytics-core20-pairs.ts';
import { publishedRow } from './published-row.test-util.ts';

const row = (group: string, value: number | null, lower: number | null, upper: number | null) =>
  publishedRow({ dimension: 'core20_ethnic', group, value, lower95: lower, upper95: upper });

// Asian: the Core20's interval is wholly above the rest's; Black: wholly below; White: they overlap;
// Mixed: the rest's value is hidden, so there is nothing to compare.
const rows = [
  row('Core20: Asian or Asian British', 30, 26, 34),
  row('Core20: Black, Black British, Caribbean or African', 10, 7, 13),
  row('Core20: Mixed or multiple', 20, 15, 25),
  row('Core20: White', 22, 19, 25),
  row('Rest of the population: Asian or Asian British', 20, 18, 22),
  row('Rest of the population: Black, Black British, Caribbean or African', 18, 15, 21),
  row('Rest of the population: Mixed or multiple', null, null, null),
  row('Rest of the population: White', 20, 19, 21),
  row('Not known', 50, 40, 60),
];

describe('the summary of the breakdown by ethnic group in the Core20 and in the rest', () => {
  it('says within which ethnic groups the Core20 fares worse or better, in the indicator’s direction', () => {
    expect(core20PairSummary('core20_ethnic', rows, 'low-is-good')).toEqual([
      'Each broad ethnic group twice: among people living in the Core20, the most deprived 20% of areas in England, and among the rest of the population.',
      'Within one ethnic group, the value in the Core20 is worse than in the rest of the population: Asian or Asian British.',
      'Within one ethnic group, the value in the Core20 is better than in the rest of the population: Black, Black British, Caribbean or African.',
      'For White, the 95% intervals of the Core20 and the rest overlap, so the difference between them may be down to chance.',
    ]);
    // Where the Core20 fares worse is said first.
    expect(core20PairSummary('core20_ethnic', rows, 'high-is-good').slice(1, 3)).toEqual([
      'Within one ethnic group, the value in the Core20 is worse than in the rest of the population: Black, Black British, Caribbean or African.',
      'Within one ethnic group, the value in the Core20 is better than in the rest of the population: Asian or Asian British.',
    ]);
    expect(core20PairSummary('core20_ethnic', rows, 'no-judgement')[1]).toContain(
      'is higher than in the rest',
    );
  });

  it('lists names that have commas of their own with semicolons', () => {
    const both = [
      row('Core20: Asian or Asian British', 30, 26, 34),
      row('Core20: Black, Black British, Caribbean or African', 30, 26, 34),
      row('Rest of the population: Asian or Asian British', 20, 18, 22),
      row('Rest of the population: Black, Black British, Caribbean or African', 20, 18, 22),
    ];
    expect(core20PairSummary('core20_ethnic', both, 'low-is-good').slice(1)).toEqual([
      'Within these ethnic groups, the value in the Core20 is worse than in the rest of the population: Asian or Asian British; and Black, Black British, Caribbean or African.',
    ]);
  });

  it('names places, within which the Core20 and the rest of each are compared', () => {
    const places = [
      row('Core20: Riverside City', 30, 26, 34),
      row('Rest of the population: Riverside City', 20, 18, 22),
      row('Core20: Northvale', 21, 17, 25),
      row('Rest of the population: Northvale', 20, 18, 22),
    ].map((r) => ({ ...r, dimension: 'core20_place' }));
    expect(core20PairSummary('core20_place', places, 'low-is-good')).toEqual([
      'Each place twice: its areas in the Core20, the most deprived 20% of areas in England, and the rest of it. A place with none of them has no Core20 value.',
      'Within one place, the value in the Core20 is worse than in the rest of the population: Riverside City.',
      'For Northvale, the 95% intervals of the Core20 and the rest overlap, so the difference between them may be down to chance.',
    ]);
  });

  it('says only what the breakdown is when no ethnic group has both values with their intervals', () => {
    const said = core20PairSummary('core20_ethnic', [rows[2]!, rows[6]!, rows[8]!], 'low-is-good');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Each broad ethnic group twice/);
  });
});

import { describe, expect, it } from 'vitest';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import type { ComparisonOutcome } from '../../stats/comparison.ts';
import { worseFor } from './analytics-worse-for.ts';
import { publishedRow } from './published-row.test-util.ts';

const row = (
  dimension: string,
  group: string,
  comparison: ComparisonOutcome,
  order = group,
  period = '2024/25',
): PublishedRow => publishedRow({ dimension, group, comparison, order, period });

const resultWith = (rows: PublishedRow[], polarity = 'low-is-good') =>
  ({ polarity, rows }) as unknown as IndicatorResult;

describe('which ethnic groups and places fare worse than average, for the overview', () => {
  it('names the broad ethnic groups and places worse in the period, in their order, and counts the wards', () => {
    const result = resultWith([
      row('ethnic_broad', 'White', 'better', '5'),
      row('ethnic_broad', 'Black, Black British, Caribbean or African', 'worse', '3'),
      row('ethnic_broad', 'Asian or Asian British', 'worse', '1'),
      row('ethnic_broad', 'Not stated or not known', 'worse', '9'),
      row('ethnic_detailed', 'Asian or Asian British: Indian', 'worse'),
      row('place', 'Riverside City', 'worse'),
      row('place', 'Northshire', 'similar'),
      row('place', 'Not known', 'worse'),
      row('ward', 'Abbey', 'worse'),
      row('ward', 'Castle', 'similar'),
      row('ward', 'Dane Hills', 'not compared'),
      row('age_band', '45-54', 'worse'),
      row('place', 'Northshire', 'worse', 'Northshire', '2023/24'),
    ]);
    expect(worseFor(result, '2024/25')).toEqual({
      empty: null,
      lists: [
        {
          heading: 'Worse',
          items: [
            'Asian or Asian British (ethnic group)',
            'Black, Black British, Caribbean or African (ethnic group)',
            'Riverside City (place)',
            '1 of 3 wards',
          ],
        },
      ],
      ethnicGroup: true,
      place: true,
      core20Within: { ethnicGroup: null, place: null },
    });
    expect(worseFor(result, '2023/24')).toMatchObject({
      lists: [{ heading: 'Worse', items: ['Northshire (place)'] }],
      ethnicGroup: false,
      place: true,
    });
  });

  it('says none was worse when groups were compared, and gives a dash when none could be', () => {
    const similar = resultWith([row('ethnic_broad', 'White', 'better'), row('place', 'Westdale', 'similar')]);
    expect(worseFor(similar, '2024/25')).toEqual({
      empty: 'No ethnic group or place',
      lists: [],
      ethnicGroup: false,
      place: false,
      core20Within: { ethnicGroup: null, place: null },
    });
    const hidden = resultWith([
      row('ethnic_broad', 'White', 'not compared'),
      row('place', 'Not known', 'similar'),
      row('sex', 'F', 'worse'),
    ]);
    expect(worseFor(hidden, '2024/25').empty).toBe('–');
  });

  it('lists the higher and the lower where neither is better, and counts neither as worse', () => {
    const result = resultWith(
      [
        row('ethnic_broad', 'Mixed or Multiple ethnic groups', 'higher'),
        row('place', 'Westdale', 'lower'),
        row('ward', 'Abbey', 'lower'),
      ],
      'no-judgement',
    );
    expect(worseFor(result, '2024/25')).toEqual({
      empty: null,
      lists: [
        { heading: 'Higher', items: ['Mixed or Multiple ethnic groups (ethnic group)'] },
        { heading: 'Lower', items: ['Westdale (place)', '1 of 1 ward'] },
      ],
      ethnicGroup: false,
      place: false,
      core20Within: { ethnicGroup: null, place: null },
    });
    const none = resultWith([row('place', 'Westdale', 'similar')], 'no-judgement');
    expect(worseFor(none, '2024/25').empty).toBe('No ethnic group or place is higher or lower');
  });

  it('says whether the Core20 fares worse than the rest within any ethnic group or place', () => {
    const pair = (dimension: string, group: string, value: number) =>
      publishedRow({ dimension, group, value, lower95: value - 2, upper95: value + 2 });
    const rows = [
      // Within Asian people the Core20's interval is wholly above the rest's: worse, as low is good.
      pair('core20_ethnic', 'Core20: Asian or Asian British', 30),
      pair('core20_ethnic', 'Rest of the population: Asian or Asian British', 20),
      pair('core20_ethnic', 'Core20: White', 21),
      pair('core20_ethnic', 'Rest of the population: White', 20),
      // Within each place the intervals overlap.
      pair('core20_place', 'Core20: Riverside City', 21),
      pair('core20_place', 'Rest of the population: Riverside City', 20),
    ];
    expect(worseFor(resultWith(rows), '2024/25').core20Within).toEqual({ ethnicGroup: true, place: false });
    // High is good: the Core20's higher value is better, so worse within none.
    expect(worseFor(resultWith(rows, 'high-is-good'), '2024/25').core20Within).toEqual({
      ethnicGroup: false,
      place: false,
    });
    expect(worseFor(resultWith(rows, 'no-judgement'), '2024/25').core20Within).toEqual({
      ethnicGroup: null,
      place: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import { groupsOverTime } from './analytics-over-time.ts';
import { publishedRow } from './published-row.test-util.ts';

const row = (
  period: string,
  dimension: string,
  group: string,
  value: number | null,
  flag: 'u' | null = null,
): PublishedRow =>
  publishedRow({
    period,
    dimension,
    group,
    value,
    valueText: value === null ? '*' : value.toFixed(1),
    lower95: value === null ? null : value - 1.2,
    upper95: value === null ? null : value + 1.5,
    flag,
  });

const resultOf = (rows: PublishedRow[], periods = ['2023/24', '2024/25', 'Not known']) =>
  ({ periods, rows }) as unknown as IndicatorResult;

describe("a breakdown's groups in every period, on the indicator page", () => {
  it('gives each group a value and interval for each period, in the groups’ order, with a dash where it has none', () => {
    const view = groupsOverTime(
      resultOf([
        row('2024/25', 'sex', 'M', 7.2),
        row('2023/24', 'sex', 'F', 8.1),
        row('2024/25', 'sex', 'F', null),
        row('2023/24', 'sex', 'M', 1234.5, 'u'),
        row('Not known', 'sex', 'F', 30),
        row('2024/25', 'place', 'Westdale', 9),
      ]),
      'sex',
    );
    expect(view).toEqual({
      periods: ['2023/24', '2024/25'],
      rows: [
        {
          label: 'Female',
          cells: [
            { value: '8.1', interval: '6.9 to 9.6' },
            { value: '*', interval: '–' },
          ],
        },
        {
          label: 'Male',
          cells: [
            { value: '1,234.5 (u)', interval: '1,233.3 to 1,236.0' },
            { value: '7.2', interval: '6.0 to 8.7' },
          ],
        },
      ],
    });
    const missing = groupsOverTime(resultOf([row('2024/25', 'sex', 'F', 8)]), 'sex');
    expect(missing?.rows[0]?.cells[0]).toEqual({ value: '–', interval: '' });
  });

  it('is not given for one period, nor for a breakdown of many groups such as wards', () => {
    expect(
      groupsOverTime(resultOf([row('2024/25', 'sex', 'F', 8)], ['2024/25', 'Not known']), 'sex'),
    ).toBeNull();
    const wards = Array.from({ length: 13 }, (_, i) => row('2024/25', 'ward', `Ward ${i}`, 5));
    expect(groupsOverTime(resultOf(wards), 'ward')).toBeNull();
    expect(groupsOverTime(resultOf(wards.slice(0, 12)), 'ward')?.rows).toHaveLength(12);
  });
});

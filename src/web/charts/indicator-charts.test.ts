import { describe, expect, it } from 'vitest';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import { chartWidth, groupChart, groupRows, periodTicks, trendChart } from './indicator-charts.ts';

const result = { title: 'Screening uptake', unit: '%' } as unknown as IndicatorResult;
const row = (group: string, value: number | null): PublishedRow =>
  ({
    group,
    period: group,
    value,
    valueText: value === null ? ':' : value.toFixed(1),
    lower95: value === null ? null : value - 1,
    upper95: value === null ? null : value + 1,
  }) as unknown as PublishedRow;

describe('indicator charts on a small phone', () => {
  it('are drawn in a phone-wide viewBox with large text, sized by CSS rather than fixed pixels', () => {
    const svg = groupChart(result, [row('Female', 8.3), row('Male', 8)], 'sex');
    expect(svg).toContain(`viewBox="0 0 ${chartWidth} `);
    expect(svg).toContain('font-size="15"');
    expect(svg).toContain('class="parity-chart parity-chart--indicator"');
    expect(svg).not.toMatch(/<svg[^>]* width=/);
  });

  it('write each group’s name and value above its bar, leaving out groups with no value', () => {
    const svg = groupChart(result, [row('Female', 8.3), row('Male', null)], 'sex');
    expect(svg).toContain('Female: 8.3');
    expect(svg).not.toContain('Male');
    expect(svg.match(/<rect/g)).toHaveLength(1);
  });

  it('give long names a second line rather than cutting them off', () => {
    const short = groupRows(['White: 7.5']);
    const long = groupRows(['Black, Black British, Caribbean or African: 11.4']);
    expect(long.rowHeight).toBeGreaterThan(short.rowHeight);
    expect(long.barTop).toBeGreaterThan(short.barTop);
  });

  it('label at most four periods along the trend, always the latest', () => {
    const periods = ['2017/18', '2018/19', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25'];
    const ticks = periodTicks(periods);
    expect(ticks.length).toBeLessThanOrEqual(4);
    expect(ticks.at(-1)).toBe('2024/25');
    expect(periodTicks(['2023/24', '2024/25'])).toEqual(['2023/24', '2024/25']);
    const svg = trendChart(
      result,
      periods.map((p, i) => row(p, 10 + i)),
    );
    expect(svg).toContain('2024/25');
    expect(svg).not.toContain('2017/18');
  });
});

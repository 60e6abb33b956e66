import { describe, expect, it } from 'vitest';
import type { IndicatorResult, PublishedRow, SummaryMeasure } from '../../analytics/indicators/result.ts';
import { decileChart } from './indicator-charts.ts';

const rows = Array.from({ length: 10 }, (_, i) => ({
  group: String(i + 1),
  value: 50 + i * 2,
  lower95: 48 + i * 2,
  upper95: 52 + i * 2,
})) as unknown as PublishedRow[];
const result = { title: 'Screening uptake', unit: '%' } as unknown as IndicatorResult;

describe('decile chart', () => {
  it('draws one bar per decile with its whisker, and the SII line', () => {
    const svg = decileChart(result, rows, { value: 18, intercept: 50 } as unknown as SummaryMeasure);
    expect(svg.match(/<rect/g)).toHaveLength(10);
    expect(svg).toContain('stroke-dasharray="6,4"');
    expect(svg).toContain('aria-label="Screening uptake by deprivation decile"');
  });

  it('still draws the bars when there are no confidence limits', () => {
    const bare = rows.map((r) => ({ ...r, lower95: null, upper95: null }));
    expect(decileChart(result, bare, undefined).match(/<rect/g)).toHaveLength(10);
  });
});

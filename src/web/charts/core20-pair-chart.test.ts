import { describe, expect, it } from 'vitest';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import { core20PairChart } from './core20-pair-chart.ts';

const result = { title: 'Appointments not attended', unit: '%' } as unknown as IndicatorResult;
const row = (group: string, value: number | null): PublishedRow =>
  ({
    group,
    value,
    valueText: value === null ? '*' : value.toFixed(1),
    lower95: value === null ? null : value - 1,
    upper95: value === null ? null : value + 1,
  }) as unknown as PublishedRow;

describe('the chart of the Core20 and the rest within each ethnic group or place', () => {
  const svg = core20PairChart(
    result,
    [
      row('Core20: Asian or Asian British', 12.8),
      row('Core20: White', 13.1),
      row('Rest of the population: Asian or Asian British', 8.2),
      row('Rest of the population: White', null),
      row('Rest of the population: Other ethnic group', 4.5),
      row('Not known', 8),
    ],
    'ethnic group (broad) in the Core20 and in the rest',
    'ethnic group',
  );

  it('names each ethnic group once, with the Core20’s value and the rest’s', () => {
    // A long name is written over two lines.
    const words = svg.replaceAll(/<\/tspan><tspan[^>]*>/g, ' ');
    expect(words).toContain('Asian or Asian British: Core20 12.8, rest 8.2');
    expect(words).toContain('White: Core20 13.1, rest not shown');
    expect(words).toContain('Other ethnic group: no Core20, rest 4.5');
    expect(svg).not.toContain('Not known');
    expect(svg).toContain('For each ethnic group, a solid blue bar shows the Core20');
  });

  it('draws a solid bar for each value of the Core20 and an outlined one for each of the rest', () => {
    // Two of the Core20 (Asian, White) and two of the rest (Asian, Other).
    const bars = [...svg.matchAll(/<rect[^>]*>/g)].map((m) => m[0]);
    expect(bars).toHaveLength(4);
    expect(svg).toMatch(/<g[^>]*fill="#005eb8"[^>]*>(\s*<rect[^>]*>){2}\s*<\/g>/);
    expect(svg).toMatch(/<g[^>]*stroke="#425563"[^>]*>(\s*<rect[^>]*>){2}\s*<\/g>/);
  });

  it('is not drawn when no group has a value', () => {
    expect(core20PairChart(result, [row('Core20: White', null), row('Not known', 8)], 'x', 'place')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { publishedRow } from '../../../test/published-row.ts';
import type { PublishedRow } from '../../analytics/indicators/result.ts';
import { decileSpine } from './spine-chart.ts';

const decile = (group: string, value: number | null): PublishedRow =>
  publishedRow({
    dimension: 'imd_decile',
    group,
    order: group.padStart(2, '0'),
    value,
    valueText: value === null ? '*' : value.toFixed(1),
  });

// DNA rates falling from 13.4% in the most deprived tenth to 4.0% in the least, 7.5% overall.
const deciles = Array.from({ length: 10 }, (_, i) => decile(String(i + 1), 13.4 - (9.4 * i) / 9));
const words = { mostDeprived: '13.4%', leastDeprived: '4.0%', overall: '7.5%' };
const circles = (svg: string) =>
  [...svg.matchAll(/<circle cx="([\d.]+)"[^>]*fill="([^"]+)"/g)].map((m) => ({
    x: Number(m[1]),
    fill: m[2],
  }));

describe("the overview's spine across the deprivation deciles", () => {
  it('puts the worse end on the left: for a rate that should be low, the most deprived tenth', () => {
    const svg = decileSpine({ polarity: 'low-is-good', deciles, overall: 7.5, words });
    const [least, most] = circles(svg);
    expect(most).toEqual({ x: 8, fill: '#005eb8' });
    expect(least).toEqual({ x: 192, fill: '#ffffff' });
    // The overall value's line, where 7.5 falls between 13.4 (left) and 4.0 (right).
    const overallX = 8 + ((13.4 - 7.5) / 9.4) * 184;
    expect(svg).toContain(`<line x1="${overallX.toFixed(1)}" x2="${overallX.toFixed(1)}" y1="2"`);
    // Deciles 2 to 9 as ticks along the bar.
    expect(svg.match(/stroke="#425563"/g)).toHaveLength(8);
    expect(svg).toContain(
      'aria-label="Deprivation deciles: most deprived tenth 13.4%, least deprived tenth 4.0%, overall 7.5%; worse to the left, better to the right."',
    );
  });

  it('puts the higher values on the right when higher is better', () => {
    const [least, most] = circles(decileSpine({ polarity: 'high-is-good', deciles, overall: 7.5, words }));
    expect(most?.x).toBe(192);
    expect(least?.x).toBe(8);
  });

  it('says where higher values are when neither is better', () => {
    const svg = decileSpine({ polarity: 'no-judgement', deciles, overall: null, words });
    expect(svg).toContain('least deprived tenth 4.0%; higher values to the left.');
    expect(svg).not.toContain('stroke="#d5281b"');
  });

  it('is not drawn without both ends of the scale', () => {
    const hiddenEnd = deciles.map((d) => (d.group === '1' ? decile('1', null) : d));
    expect(decileSpine({ polarity: 'low-is-good', deciles: hiddenEnd, overall: 7.5, words })).toBe('');
    expect(decileSpine({ polarity: 'low-is-good', deciles: [], overall: 7.5, words })).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { compareGaps, gapOverTime, type GapPoint } from './gap-over-time.ts';
import type { IndicatorResult, SummaryMeasure } from './result.ts';

const gap = (value: number, halfWidth: number, period = 'p'): GapPoint => ({
  period,
  value,
  lower: value - halfWidth,
  upper: value + halfWidth,
});

const sii = (period: string, value: number, halfWidth: number): SummaryMeasure => ({
  period,
  dimension: 'imd_decile',
  measure: 'sii',
  label: 'Slope index of inequality (SII)',
  value,
  lower: value - halfWidth,
  upper: value + halfWidth,
});

const resultWith = (periods: string[], summaries: SummaryMeasure[]) =>
  ({ periods, summaries }) as unknown as IndicatorResult;

describe('whether the gap by deprivation is closing', () => {
  it('sees no change while the 95% intervals overlap, whichever end the gap favours', () => {
    expect(compareGaps(gap(-8, 1.1), gap(-6, 1))).toBe('no significant change');
    expect(compareGaps(gap(5, 1), gap(7, 1))).toBe('no significant change');
  });

  it('calls a gap wider or narrower by its size, not by its sign', () => {
    expect(compareGaps(gap(-8, 1), gap(-5, 1))).toBe('narrower');
    expect(compareGaps(gap(-5, 1), gap(-8, 1))).toBe('wider');
    expect(compareGaps(gap(5, 1), gap(8, 1))).toBe('wider');
    expect(compareGaps(gap(8, 1), gap(5, 1))).toBe('narrower');
  });

  it('says a gap that has gone, or has appeared, narrowed or widened, and one that changed ends reversed', () => {
    expect(compareGaps(gap(-5, 1), gap(0.5, 1))).toBe('narrower');
    expect(compareGaps(gap(0.5, 1), gap(-5, 1))).toBe('wider');
    expect(compareGaps(gap(-5, 1), gap(4, 1))).toBe('reversed');
  });

  it('compares the first period with the latest, leaving out periods without an SII and dates not known', () => {
    const over = gapOverTime(
      resultWith(
        ['2022/23', '2023/24', '2024/25', 'Not known'],
        [
          sii('2022/23', -6, 0.8),
          { ...sii('2023/24', -7, 1), lower: null, upper: null },
          sii('2024/25', -9, 0.9),
          sii('Not known', -20, 1),
          { ...sii('2024/25', 0.6, 0.1), measure: 'rii' },
        ],
      ),
    );
    expect(over.points.map((p) => p.period)).toEqual(['2022/23', '2024/25']);
    expect(over.change?.verdict).toBe('wider');
    expect(over.change?.from.period).toBe('2022/23');
    expect(over.trend).toBeNull();
  });

  it('tests the recent trend of the gap from five periods, as widening or narrowing', () => {
    const periods = ['2020/21', '2021/22', '2022/23', '2023/24', '2024/25'];
    const closing = gapOverTime(
      resultWith(
        periods,
        periods.map((p, i) => sii(p, -10 + 1.5 * i, 0.5)),
      ),
    );
    expect(closing.trend?.marker).toBe('increasing');
    expect(closing.trend?.gap).toBe('narrowing');
    expect(closing.trend?.periods).toEqual(periods);
    const opening = gapOverTime(
      resultWith(
        periods,
        periods.map((p, i) => sii(p, 2 + 1.5 * i, 0.5)),
      ),
    );
    expect(opening.trend?.gap).toBe('widening');
    const flat = gapOverTime(
      resultWith(
        periods,
        periods.map((p, i) => sii(p, -5 + (i % 2) * 0.2, 2)),
      ),
    );
    expect(flat.trend?.marker).toBe('no significant change');
    expect(flat.trend?.gap).toBeNull();
  });
});

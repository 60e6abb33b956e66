import { describe, expect, it } from 'vitest';
import { frameworkById } from '../eds-frameworks/framework.loader.ts';
import { bandFor, rateReview } from './rating.ts';

const eds2022 = frameworkById('eds2022')!;
const eds2011 = frameworkById('eds2011')!;
const codes2022 = ['1A', '1B', '1C', '1D', '2A', '2B', '2C', '2D', '3A', '3B', '3C'];

function scores(values: (number | null)[], codes = codes2022) {
  return new Map(codes.map((code, i) => [code, values[i] ?? null]));
}

describe('EDS 2022 rating arithmetic', () => {
  it('sums each domain and the total, and bands the total', () => {
    const rating = rateReview(eds2022, scores([2, 1, 2, 1, 1, 2, 2, 1, 1, 1, 0]));
    expect(rating.groups.map((g) => [g.code, g.score, g.maximum])).toEqual([
      ['1', 6, 12],
      ['2', 6, 12],
      ['3', 2, 9],
    ]);
    expect(rating.overall).toMatchObject({ total: 14, maximum: 33, complete: true, band: 'Developing' });
  });

  it('puts each threshold edge in the documented band', () => {
    const t = eds2022.thresholds;
    expect([0, 7, 8, 21, 22, 32, 33].map((total) => bandFor(t, total))).toEqual([
      'Undeveloped',
      'Undeveloped',
      'Developing',
      'Developing',
      'Achieving',
      'Achieving',
      'Excelling',
    ]);
  });

  it('gives Excelling only when every outcome scores 3', () => {
    expect(rateReview(eds2022, scores(Array(11).fill(3) as number[])).overall.band).toBe('Excelling');
    expect(rateReview(eds2022, scores([...(Array(10).fill(3) as number[]), 2])).overall.band).toBe(
      'Achieving',
    );
  });

  it('counts an ungraded outcome as nothing and marks the rating incomplete', () => {
    const rating = rateReview(eds2022, scores([3, 3, 3, null, 2, 2, 2, 2, 1, 1, 1]));
    expect(rating.groups[0]).toMatchObject({ score: 9, graded: 3, complete: false });
    expect(rating.overall).toMatchObject({ total: 20, graded: 10, complete: false, band: 'Developing' });
  });
});

describe('the original EDS', () => {
  it('has four goals and eighteen outcomes, and no overall band', () => {
    expect(eds2011.groups).toHaveLength(4);
    const rating = rateReview(eds2011, new Map());
    expect(rating.overall).toMatchObject({ outcomes: 18, band: null, maximum: 54 });
  });
});

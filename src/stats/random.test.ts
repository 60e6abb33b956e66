import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, DEFAULT_SEED } from './random.ts';

describe('seedable generator', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(first);
  });

  it('uses a fixed default seed, so unseeded runs are reproducible too', () => {
    expect(createRandom().normal()).toBe(createRandom(DEFAULT_SEED).normal());
  });

  it('keeps uniforms in [0, 1) for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = createRandom(seed);
        for (let i = 0; i < 200; i++) {
          const u = r.uniform();
          if (!(u >= 0 && u < 1)) return false;
        }
        return true;
      }),
    );
  });

  it('draws standard normals: mean 0, variance 1, 2.5% below -1.96', () => {
    const r = createRandom(7);
    const draws = new Float64Array(400_000);
    r.fillNormal(draws);
    let sum = 0;
    let sumSq = 0;
    let below = 0;
    for (const d of draws) {
      sum += d;
      sumSq += d * d;
      if (d < -1.959963984540054) below++;
    }
    const mean = sum / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(Math.abs(sumSq / draws.length - mean * mean - 1)).toBeLessThan(0.01);
    expect(Math.abs(below / draws.length - 0.025)).toBeLessThan(0.0015);
  });

  it('gives the same normals one at a time as in bulk', () => {
    const bulk = new Float64Array(7);
    createRandom(5).fillNormal(bulk);
    const single = createRandom(5);
    expect(Array.from({ length: 7 }, () => single.normal())).toEqual([...bulk]);
  });

  it('refuses a seed that is not a finite number', () => {
    expect(() => createRandom(Number.NaN)).toThrow('seed must be a finite number');
  });
});

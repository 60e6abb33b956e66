import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { proportions } from '../../stats/proportion.ts';
import { crudeRates } from '../../stats/rate.ts';
import type { PublishedRow } from '../../analytics/indicators/result.ts';
import { loadAnalyticsDemo } from './analytics-demo.ts';

// DISCLOSURE_LIMITS=rounded: every published proportion, crude rate and limit is worked out from the
// counts as published, so a reader can take nothing more exact out of them.
describeEachDatabase('analytics: limits from the published counts (DISCLOSURE_LIMITS=rounded)', (current) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle, { disclosureLimits: 'rounded' });
    await loadAnalyticsDemo(t.services.analytics, t.services.config.dataDir, 20_000);
  }, 120_000);
  afterAll(async () => {
    await t.services.analytics.close();
  });

  const rowsOf = async (id: string): Promise<PublishedRow[]> => {
    const results = await t.services.analytics.listResults(false);
    const found = results.find((r) => r.indicatorId === id);
    if (!found) throw new Error(`no published result for ${id}`);
    return found.result.rows.filter((r) => r.value !== null && /^\d+$/.test(r.numerator));
  };

  it('gives each proportion the Wilson limits of its published counts', async () => {
    const rows = (await rowsOf('did-not-attend')).filter((r) => /^\d+$/.test(r.denominator));
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      const expected = proportions([Number(r.numerator)], [Number(r.denominator)], {
        confidence: [0.95],
        multiplier: 100,
      });
      expect(r.lower95).toBeCloseTo(expected.lower[0]?.[0] as number, 9);
      expect(r.upper95).toBeCloseTo(expected.upper[0]?.[0] as number, 9);
    }
  });

  it('gives each crude rate the value and limits of its published count', async () => {
    const rows = await rowsOf('cyp-tooth-extractions');
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      // The population is published rounded to 5 as well: the rate of the published count must lie
      // within what that rounding allows, and the limits must be those of the same count.
      const population = Number(r.denominator);
      const [low, high] = [population + 2, population - 2].map((n) =>
        crudeRates([Number(r.numerator)], [n], { confidence: [0.95], multiplier: 100_000 }),
      );
      expect(r.value).toBeGreaterThanOrEqual((low?.value[0] as number) - 1e-9);
      expect(r.value).toBeLessThanOrEqual((high?.value[0] as number) + 1e-9);
      expect(r.upper95).toBeGreaterThanOrEqual((low?.upper[0]?.[0] as number) - 1e-9);
      expect(r.upper95).toBeLessThanOrEqual((high?.upper[0]?.[0] as number) + 1e-9);
    }
  });
});

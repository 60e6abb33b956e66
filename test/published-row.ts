// A published row of an indicator result for tests of what pages draw from it: a group of 10 in
// 100 with no limits, unless told otherwise.
import type { PublishedRow } from '../src/analytics/indicators/result.ts';

export const publishedRow = (overrides: Partial<PublishedRow>): PublishedRow => ({
  period: '2024/25',
  dimension: 'ward',
  group: 'A ward',
  order: 'A ward',
  numerator: '10',
  denominator: '100',
  value: 10,
  valueText: '10.0',
  lower95: null,
  upper95: null,
  lower998: null,
  upper998: null,
  comparison: 'similar',
  flag: null,
  note: null,
  ...overrides,
});

import { describe, expect, it } from 'vitest';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import type { StoredResult } from '../../features/analytics/analytics.ts';
import { indicatorPage } from './analytics-view.ts';

const overall = (period: string, value: number): PublishedRow => ({
  period,
  dimension: 'overall',
  group: 'All',
  order: 'All',
  numerator: '40',
  denominator: '200',
  value,
  valueText: value.toFixed(1),
  lower95: value - 5,
  upper95: value + 5,
  lower998: value - 8,
  upper998: value + 8,
  comparison: 'not compared',
  flag: null,
  note: null,
});

const result = {
  title: 'Appointments not attended',
  unit: '%',
  periods: ['2023/24', '2024/25', 'Not known'],
  latestPeriod: '2024/25',
  dimensions: [{ id: 'overall', label: 'Overall' }],
  rows: [overall('2023/24', 20), overall('2024/25', 18), overall('Not known', 30)],
  summaries: [],
  summaryNotes: [
    {
      period: '2024/25',
      dimension: 'imd_decile',
      measure: 'sii',
      text: 'Not calculated: fewer than five deciles have data.',
    },
  ],
} as unknown as IndicatorResult;
const stored = {
  id: 'r1',
  datasetName: 'Outpatients',
  status: 'published',
  result,
} as unknown as StoredResult;

describe('the indicator page', () => {
  it('keeps rows with unreadable dates out of the trend, and names their period plainly', () => {
    const page = indicatorPage(stored, '2024/25');
    expect(page.trend.rows.map((r) => r.period)).toEqual(['2023/24', '2024/25']);
    expect(page.periodItems.map((p) => p.text)).toEqual(['2023/24', '2024/25', 'Date not known']);
  });

  it('says in a sentence which measure was not calculated, and why', () => {
    expect(indicatorPage(stored, '2024/25').summaryNotes).toEqual([
      'The slope and relative indices of inequality across deprivation deciles were not calculated: fewer than five deciles have data.',
    ]);
    expect(indicatorPage(stored, '2023/24').summaryNotes).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import type { StoredResult } from '../../features/analytics/analytics.ts';
import { byBreakdown, contentsOf, indicatorPage, overviewRow } from './analytics-view.ts';
import { measureWithUnit } from './analytics-format.ts';
import { notDrawnSentence } from './analytics-breakdown.ts';
import { groupOrder } from '../../analytics/indicators/dimensions.ts';

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
    const riiOnly = {
      ...stored,
      result: {
        ...result,
        summaryNotes: [
          {
            period: '2024/25',
            dimension: 'imd_decile',
            measure: 'rii',
            text: 'Not calculated: the line falls to -4.5.',
          },
        ],
      },
    } as StoredResult;
    expect(indicatorPage(riiOnly, '2024/25').summaryNotes).toEqual([
      'The relative index of inequality across deprivation deciles was not calculated: the line falls to -4.5.',
    ]);
  });
});

describe('the overview', () => {
  it("writes each indicator's figures with separators and units, a hidden one without", () => {
    const rate = {
      ...result,
      unit: 'per 100,000',
      rows: [
        { ...overall('2024/25', 1234.5), valueText: '1234.5' },
        {
          ...overall('2024/25', 2345.6),
          dimension: 'imd_decile',
          group: '1',
          order: '01',
          valueText: '2345.6',
        },
        {
          ...overall('2024/25', 987.6),
          dimension: 'imd_decile',
          group: '10',
          order: '10',
          valueText: '987.6',
        },
      ],
    };
    const row = overviewRow({ ...stored, result: rate });
    expect(row.overall).toBe('1,234.5 per 100,000');
    expect([row.mostDeprived, row.leastDeprived]).toEqual(['2,345.6 per 100,000', '987.6 per 100,000']);
    expect(overviewRow(stored).overall).toBe('18.0%');
    const hidden = { ...rate, rows: rate.rows.map((r) => ({ ...r, value: null, valueText: '*' })) };
    expect(overviewRow({ ...stored, result: hidden }).overall).toBe('*');
  });
});

describe('the gap over time', () => {
  const sii = (period: string, value: number) => ({
    period,
    dimension: 'imd_decile',
    measure: 'sii',
    label: 'Slope index of inequality (SII)',
    value,
    lower: value - 1,
    upper: value + 1,
  });
  const closing = { ...stored, result: { ...result, summaries: [sii('2023/24', -9), sii('2024/25', -4.5)] } };

  it('says on the indicator page whether the gap is closing, with a chart and a table of the SII', () => {
    const gap = indicatorPage(closing, '2024/25').gap;
    expect(gap?.sentences).toEqual([
      'The slope index of inequality (SII) was -9.0 (-10.0 to -8.0) in 2023/24 and -4.5 (-5.5 to -3.5) in 2024/25.',
      'Their 95% intervals do not overlap, so the gap is narrower than in 2023/24.',
      'Recent trend of the gap: not tested, as a trend needs the SII of 5 periods.',
    ]);
    expect(gap?.chart).toContain('<svg');
    expect(gap?.rows).toEqual([
      { period: '2023/24', value: '-9.00', interval: '-10.00 to -8.00' },
      { period: '2024/25', value: '-4.50', interval: '-5.50 to -3.50' },
    ]);
  });

  it('says so when there is no SII to compare, and shows no section for a single period', () => {
    expect(indicatorPage(stored, '2024/25').gap?.sentences).toEqual([
      'The gap cannot be compared over time: it needs the SII of at least two periods.',
    ]);
    const single = { ...stored, result: { ...result, periods: ['2024/25'] } };
    expect(indicatorPage(single, '2024/25').gap).toBeNull();
    expect(indicatorPage(single, '2024/25').contents.map((c) => c.text)).not.toContain('Gap over time');
  });

  it('gives the overview a few words on the change', () => {
    expect(overviewRow(closing)).toMatchObject({
      gapVerdict: 'narrower',
      gapChange: 'Narrower than in 2023/24',
    });
    expect(overviewRow(stored).gapChange).toBeNull();
  });
});

describe('a long indicator page', () => {
  const row = (dimension: string, group: string, value: number): PublishedRow => ({
    ...overall('2024/25', value),
    dimension,
    group,
    order: groupOrder(dimension, group),
    numerator: '12345',
  });
  const wards = Array.from({ length: 25 }, (_, i) => row('ward', `Ward ${String(i + 10)}`, 10 + i));
  const long: IndicatorResult = {
    ...result,
    dimensions: [
      { id: 'overall', label: 'Overall' },
      { id: 'sex', label: 'sex' },
      { id: 'ward', label: 'ward' },
    ],
    rows: [overall('2024/25', 18), row('sex', 'F', 17), row('sex', 'M', 19), row('sex', 'U', 20), ...wards],
  };
  const page = indicatorPage({ ...stored, result: long }, '2024/25');

  it('lists every section in its contents, each by the id of its heading', () => {
    expect(page.contents).toEqual([
      { href: '#inequality-measures', text: 'Inequality measures' },
      { href: '#by-sex', text: 'By sex' },
      { href: '#by-ward', text: 'By ward' },
      { href: '#trend', text: 'Trend' },
      { href: '#gap-over-time', text: 'Gap over time' },
      { href: '#definition', text: 'Definition' },
      { href: '#caveats', text: 'Caveats' },
    ]);
    expect(page.breakdowns.map((b) => b.id)).toEqual(['by-sex', 'by-ward']);
  });

  it('folds a breakdown of more than 20 groups away behind "Show all", with a summary in words', () => {
    const [sex, ward] = page.breakdowns;
    expect(sex?.long).toBe(false);
    expect(ward?.long).toBe(true);
    expect(ward?.showAll).toBe('Show all 25 wards');
    expect(ward?.rows).toHaveLength(25);
    expect(ward?.summary.at(-1)).toBe('Highest: Ward 34 (34.0%). Lowest: Ward 10 (10.0%).');
  });

  it('names sex groups in words in the table and the chart, and leaves "Not known" out of the chart', () => {
    const sex = page.breakdowns[0];
    expect(sex?.rows.map((r) => r.label)).toEqual(['Female', 'Male', 'Not known']);
    expect(sex?.rows[0]?.numerator).toBe('12,345');
    expect(sex?.chart).toContain('Female: 17.0');
    expect(sex?.chart).toContain('Male: 19.0');
    expect(sex?.chart).not.toContain('Not known');
    expect(sex?.key.map((k) => k.mark)).toEqual(['bar', 'whisker']);
  });

  it('draws flags (Yes and No) and detailed ethnic groups as bars', () => {
    const more: IndicatorResult = {
      ...long,
      dimensions: [
        ...long.dimensions,
        { id: 'flag_smi', label: 'flag: severe mental illness (SMI)' },
        { id: 'ethnic_detailed', label: 'ethnic group (detailed)' },
      ],
      rows: [
        ...long.rows,
        row('flag_smi', 'Yes', 25),
        row('flag_smi', 'No', 17),
        row('ethnic_detailed', 'Asian or Asian British: Indian', 21),
        row('ethnic_detailed', 'White: Irish', 16),
      ],
    };
    const breakdowns = indicatorPage({ ...stored, result: more }, '2024/25').breakdowns;
    expect(breakdowns.find((b) => b.id === 'by-flag-smi')?.chart).toContain('Yes: 25.0');
    const detailed = breakdowns.find((b) => b.id === 'by-ethnic-detailed');
    expect(detailed?.chart).toContain('Asian or Asian British: Indian: 21.0');
    expect(detailed?.chart.match(/<rect/g)).toHaveLength(2);
  });

  it('draws wards as dots ranked by value, with the overall value across, leaving names to the table', () => {
    const withUnknown: IndicatorResult = { ...long, rows: [...long.rows, row('ward', 'Not known', 90)] };
    const ward = indicatorPage({ ...stored, result: withUnknown }, '2024/25').breakdowns[1];
    expect(ward?.rows).toHaveLength(26);
    expect(ward?.rows.at(-1)?.label).toBe('Not known');
    expect(ward?.chart.match(/<circle/g)).toHaveLength(25);
    expect(ward?.chart).not.toContain('Ward 10');
    expect(ward?.chart).toContain('ward ranked, lowest value first');
    expect(ward?.chart).toContain('stroke-dasharray="6,4"');
    expect(ward?.key.map((k) => k.mark)).toEqual(['dot', 'whisker', 'dashed']);
  });

  it('draws wards of a proportion as a funnel plot, and names those beyond its 99.8% limits', () => {
    // 25 wards of 200 to 2,600 people at the overall 18%, but for one far above and one far below.
    const sized = (i: number, value: number): PublishedRow => ({
      ...row('ward', `Ward ${String(i + 10)}`, value),
      denominator: String(200 + 100 * i),
    });
    const proportion: IndicatorResult = {
      ...long,
      statistic: 'proportion',
      multiplier: 100,
      rows: [
        overall('2024/25', 18),
        sized(0, 40),
        sized(1, 5),
        ...Array.from({ length: 23 }, (_, i) => sized(i + 2, 18)),
        { ...sized(25, 30), denominator: '*' },
      ],
    };
    const ward = indicatorPage({ ...stored, result: proportion }, '2024/25').breakdowns[1];
    expect(ward?.chart).toContain('ward: funnel plot');
    // A ward whose number of people is hidden cannot be placed.
    expect(ward?.chart.match(/<circle/g)).toHaveLength(25);
    expect(ward?.chart.match(/stroke-dasharray="2,3"/g)).toHaveLength(2);
    expect(ward?.key.map((k) => k.mark)).toEqual(['dot', 'whisker', 'dotted', 'dashed']);
    expect(ward?.summary).toContain(
      'Allowing for their size, 2 of the 25 wards drawn lie outside the 99.8% limits around the overall value, so their differences from it are very unlikely to be chance: Ward 10 above it; Ward 11 below it.',
    );
  });

  it('keeps the full heading in the contents when two would shorten to the same words', () => {
    const items = contentsOf(false, [
      { id: 'by-ethnic-broad', heading: 'By ethnic group (broad)' },
      { id: 'by-ethnic-detailed', heading: 'By ethnic group (detailed)' },
      { id: 'by-imd-decile', heading: 'By IMD decile (1 = most deprived)' },
    ]);
    expect(items.map((i) => i.text).slice(0, 3)).toEqual([
      'By ethnic group (broad)',
      'By ethnic group (detailed)',
      'By IMD decile',
    ]);
  });
});

describe('the inequality measures', () => {
  it('are grouped into one table per breakdown, keeping their order', () => {
    const measures = [
      { breakdown: 'IMD decile', label: 'SII' },
      { breakdown: 'Core20 or the rest', label: 'WHO D' },
      { breakdown: 'IMD decile', label: 'RII' },
    ];
    expect(byBreakdown(measures)).toEqual([
      { breakdown: 'IMD decile', rows: [measures[0], measures[2]] },
      { breakdown: 'Core20 or the rest', rows: [measures[1]] },
    ]);
  });

  it('give differences in the unit of a difference, and ratios none', () => {
    expect(measureWithUnit('sii', '9.30', '%')).toBe('9.30 percentage points');
    expect(measureWithUnit('d', '-4.00', 'weeks')).toBe('-4.00 weeks');
    expect(measureWithUnit('mdmw', '12.10', 'per 100,000')).toBe('12.10 per 100,000');
    expect(measureWithUnit('rii', '1.16', '%')).toBe('1.16');
    expect(measureWithUnit('r', '1.16', 'weeks')).toBe('1.16');
    expect(measureWithUnit('idisw', '22.22', 'weeks')).toBe('22.22%');
    expect(measureWithUnit('sii', '–', '%')).toBe('–');
  });
});

describe('a chart with hidden values', () => {
  const row = (group: string, value: number | null): PublishedRow => ({
    ...overall('2024/25', value ?? 0),
    dimension: 'imd_decile',
    group,
    value,
  });

  it('names the groups it does not draw, so that a gap is not read as zero', () => {
    const rows = [row('1', null), row('2', 12), row('3', null), row('Not known', null)];
    expect(notDrawnSentence('imd_decile', rows)).toBe(
      'Not drawn: deciles 1 and 3, whose values are not shown (the table says why).',
    );
    expect(notDrawnSentence('sex', [{ ...row('F', null), dimension: 'sex' }])).toBe(
      'Not drawn: Female, whose value is not shown (the table says why).',
    );
    expect(notDrawnSentence('imd_decile', [row('2', 12)])).toBeNull();
    const wards = Array.from({ length: 7 }, (_v, i) => ({ ...row(`Ward ${i}`, null), dimension: 'ward' }));
    expect(notDrawnSentence('ward', wards)).toBe(
      'Not drawn: 7 wards, whose values are not shown (the table says why).',
    );
  });
});

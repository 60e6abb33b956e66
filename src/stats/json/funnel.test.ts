// The reference's funnel fixtures (tests/testthat/testdata_funnel_*.csv, testFunnels.R) through the
// JSON adapter. The CSVs are printed to 6–10 significant digits, so values are compared to 1e-6.
import { describe, expect, it } from 'vitest';
import { num, readAnchorCsv } from '../anchor-fixtures.test-util.ts';
import { StatsInputError } from '../errors.ts';
import type { JsonRow } from './types.ts';
import { run } from './funnel.ts';

const csv = (name: string): Record<string, string>[] => readAnchorCsv(`phe/csv/${name}`);

function close(actual: unknown, expected: string): boolean {
  const e = num(expected);
  if (Number.isNaN(e)) return actual === null;
  const a = actual as number;
  return Math.abs(a - e) <= 1e-6 * Math.max(1, Math.abs(e));
}

/** Compare an output table with an expected CSV, mapping our column names to theirs. */
function expectTable(
  actual: JsonRow[],
  expected: Record<string, string>[],
  columns: Record<string, string>,
): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    for (const [ours, theirs] of Object.entries(columns)) {
      const a = actual[i]?.[ours];
      if (typeof a === 'string') expect(a, `row ${i + 1} ${ours}`).toBe(e[theirs]);
      else
        expect(close(a, e[theirs] ?? ''), `row ${i + 1} ${ours}: ${String(a)} vs ${String(e[theirs])}`).toBe(
          true,
        );
    }
  });
}

const propInputs = csv('testdata_funnel_prop_inputs.csv').map((r) => ({
  Area: r.Area,
  numerator: num(r.numerator),
  denominator: num(r.denominator),
}));
const propColumns = {
  Population: 'Population',
  lower_2s_limit: 'Lower2s0025limit',
  upper_2s_limit: 'Upper2s0025limit',
  lower_3s_limit: 'Lower3s0001limit',
  upper_3s_limit: 'Upper3s0001limit',
  baseline: 'Baseline',
};

const ratioInputs = csv('testdata_funnel_ratio_inputs.csv');
const rateInput = csv('testdata_funnel_rate_input_funnels.csv');
const maxEvents = Math.max(...rateInput.map((r) => num(r.ev)));
const rateColumns = Object.fromEntries(
  Object.keys(csv('testdata_funnel_rate_outputs.csv')[0] ?? {}).map((c) => [c, c]),
);

describe('calculate_funnel_limits', () => {
  it('proportions (multiplier 100, standard output)', () => {
    const out = run({
      params: { statistic: 'proportion', multiplier: 100, type: 'standard' },
      rows: propInputs,
    });
    expectTable(out.rows, csv('testdata_funnel_prop_outputs.csv'), propColumns);
    expect(Object.keys(out.rows[0] ?? {})).toEqual(Object.keys(propColumns));
  });

  it('proportions with axis variation (denominator < 31,000), full output', () => {
    const rows = propInputs.filter((r) => r.denominator < 31000);
    const out = run({ params: { statistic: 'proportion', multiplier: 100 }, rows });
    expectTable(out.rows, csv('testdata_funnel_prop_outputs_with_axis_variation.csv'), propColumns);
    expect(out.rows[0]).toMatchObject({ statistic: 'proportion', method: 'Wilson' });
  });

  it.each(['count', 'isr'] as const)('ratios (%s)', (ratioType) => {
    const rows = ratioInputs.map((r) => ({ numerator: num(r.obs), denominator: num(r.expected) }));
    const out = run({ params: { statistic: 'ratio', multiplier: 100, ratio_type: ratioType }, rows });
    const expected = csv('testdata_funnel_ratio_outputs.csv').map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k.trim(), v])),
    );
    const columns: Record<string, string> = { Observed_events: 'Observed_events' };
    for (const band of ['2s', '3s']) {
      for (const edge of ['lower', 'upper']) {
        columns[`${edge}_${band}_exp_events`] = `${edge}_${band}_exp_events`;
        columns[`${edge}_${band}_limit`] = `${edge}_${band}_${ratioType}`;
      }
    }
    expectTable(out.rows, expected, columns);
    expect(out.rows[0]).toMatchObject({ statistic: `ratio (${ratioType})`, method: 'Poisson' });
  });

  it('rates (dsr per 100,000, 3 years)', () => {
    const rows = rateInput.map((r) => ({ numerator: num(r.ev), rate: num(r.rate) }));
    const out = run({
      params: { statistic: 'rate', rate_type: 'dsr', multiplier: 1e5, years_of_data: 3 },
      rows,
    });
    expectTable(out.rows, csv('testdata_funnel_rate_outputs.csv'), rateColumns);
  });

  it('rates (crude) with an area of 5 events', () => {
    const rows = rateInput.map((r) => ({
      numerator: num(r.ev) === maxEvents ? 5 : num(r.ev),
      rate: num(r.rate),
    }));
    const out = run({
      params: { statistic: 'rate', rate_type: 'crude', multiplier: 1e5, years_of_data: 3 },
      rows,
    });
    expectTable(out.rows, csv('testdata_funnel_rate_outputs_2.csv'), rateColumns);
  });

  it('rates (crude) with an area of 0 events and denominators', () => {
    const all = rateInput.map((r) => {
      const ev = num(r.ev);
      const pop = (1e5 * ev) / num(r.rate);
      return ev === maxEvents
        ? { numerator: 0, rate: 0, denominator: pop }
        : { numerator: ev, rate: num(r.rate), denominator: pop };
    });
    const maxPop = Math.max(...all.map((r) => r.denominator));
    const rows = all.filter((r) => r.denominator > maxPop / 2);
    const out = run({
      params: { statistic: 'rate', rate_type: 'crude', multiplier: 1e5, years_of_data: 3 },
      rows,
    });
    expectTable(out.rows, csv('testdata_funnel_rate_outputs_3.csv'), rateColumns);
  });
});

describe('assign_funnel_significance', () => {
  it('proportions', () => {
    const out = run({
      params: { function: 'assign_funnel_significance', statistic: 'proportion' },
      rows: propInputs,
    });
    expect(out.rows.map((r) => r.significance)).toEqual(
      csv('testdata_funnel_prop_inputs.csv').map((r) => r.significance),
    );
    expect(out.rows[0]).toHaveProperty('Area', 'New Forest PCT');
  });

  it('ratios', () => {
    const rows = ratioInputs.map((r) => ({ numerator: num(r.obs), denominator: num(r.expected) }));
    const out = run({ params: { function: 'assign_funnel_significance', statistic: 'ratio' }, rows });
    expect(out.rows.map((r) => r.significance)).toEqual(ratioInputs.map((r) => r.significance));
  });

  const rateData = csv('testdata_funnel_rate_dsr_inputs.csv');
  const rateCases = [
    ['dsr', 1e5, 'rate_dsr', 'dsr_per_100000'],
    ['dsr', 100, 'rate_dsr', 'dsr_per_100'],
    ['crude', 1e5, 'rate_crude_per_100000', 'crude_per_100000'],
    ['crude', 100, 'rate_crude_per_100', 'crude_per_100'],
  ] as const;
  it.each(rateCases)(
    'rates: %s per %d, with and without the 0-event area',
    (rateType, multiplier, rateColumn, expected) => {
      for (const withZero of [true, false]) {
        const data = rateData.filter((r) => withZero || num(r.count) !== 0);
        const rows = data.map((r) => ({
          numerator: num(r.count),
          denominator: num(r.pop),
          rate: r[rateColumn] === 'NA' ? null : num(r[rateColumn]),
        }));
        const out = run({
          params: {
            function: 'assign_funnel_significance',
            statistic: 'rate',
            rate_type: rateType,
            multiplier,
          },
          rows,
        });
        expect(out.rows.map((r) => r.significance)).toEqual(
          data.map((r) => r[`${expected}_${withZero ? 'with' : 'without'}_0`]),
        );
      }
    },
  );
});

describe('calculate_funnel_points', () => {
  const pointsOf = (rows: JsonRow[], params: Record<string, unknown>): JsonRow[] =>
    run({ params: { function: 'calculate_funnel_points', multiplier: 1e5, ...params }, rows }).rows;
  it('dsr: fewer than 10 events are not charted', () => {
    const rows = rateInput.map((r) => ({
      numerator: num(r.ev) === maxEvents ? 5 : num(r.ev),
      rate: num(r.rate),
    }));
    const out = pointsOf(rows, { rate_type: 'dsr', years_of_data: 3 });
    rateInput.forEach((r, i) => {
      expect(close(out[i]?.rate_chart, r.rate_chart ?? '')).toBe(true);
      expect(close(out[i]?.denominator_derived, r.denominator_derived ?? '')).toBe(true);
    });
  });
  it('crude, without and with denominators (0-event area)', () => {
    const crude = pointsOf(
      rateInput.map((r) => ({ numerator: num(r.ev), rate: num(r.rate) })),
      { rate_type: 'crude', years_of_data: 3 },
    );
    const withDenominator = pointsOf(
      rateInput.map((r) => ({
        numerator: num(r.ev) === maxEvents ? 0 : num(r.ev),
        rate: num(r.rate),
        denominator: num(r.pop),
      })),
      { rate_type: 'crude', years_of_data: 5 },
    );
    rateInput.forEach((r, i) => {
      expect(close(crude[i]?.denominator_derived, r.denominator_derived_crude ?? '')).toBe(true);
      expect(close(crude[i]?.rate_chart, r.rate_chart_crude ?? '')).toBe(true);
      expect(
        close(withDenominator[i]?.denominator_derived, r.denominator_derived_crude_with_denom ?? ''),
      ).toBe(true);
    });
  });
});

describe('validation (reference wording)', () => {
  const expectError = (params: Record<string, unknown>, rows: JsonRow[], message: string): void => {
    expect(() => run({ params, rows })).toThrow(StatsInputError);
    expect(() => run({ params, rows })).toThrow(message);
  };
  const significance = { function: 'assign_funnel_significance', statistic: 'proportion' };
  it('checks numerators and denominators', () => {
    expectError(
      significance,
      [
        { numerator: 65, denominator: 100 },
        { numerator: 30, denominator: 0 },
      ],
      'denominators must be greater than zero',
    );
    expectError(
      significance,
      [{ numerator: -80, denominator: 100 }],
      'numerators must be greater than or equal to zero',
    );
    expectError(
      significance,
      [{ numerator: 30, denominator: 20 }],
      'numerators must be less than or equal to denominator for a proportion statistic',
    );
    expectError(
      significance,
      [{ numerator: 30 }],
      'the following arguments are required for ratios and proportions: data, numerator, denominator',
    );
    expectError(
      { statistic: 'proportion', multiplier: 100 },
      [{ numerator: null, denominator: 3 }],
      'for proportions, numerators and denominators must be provided for all records',
    );
  });
  it('checks the arguments each statistic needs', () => {
    expectError(
      { statistic: 'pop' },
      propInputs,
      'params.statistic must be one of "proportion", "ratio", "rate"',
    );
    expectError(
      { statistic: 'proportion' },
      propInputs,
      'the following arguments are required for proportions: data, numerator, denominator, multiplier',
    );
    expectError(
      { statistic: 'ratio', multiplier: 100 },
      [{ numerator: 1, denominator: 2 }],
      'the following arguments are required for ratios: data, numerator, denominator, ratio_type, multiplier',
    );
    expectError(
      { statistic: 'rate', rate_type: 'dsr', multiplier: 1e5 },
      [{ numerator: 1, rate: 2 }],
      'the following arguments are required for rates: data, numerator, rate, rate_type, multiplier, years_of_data',
    );
    expectError(
      { statistic: 'proportion', multiplier: 100, type: 'srtd' },
      propInputs,
      'params.type must be one of "full", "standard"',
    );
  });
  it('checks rates need events, rates or denominators', () => {
    const params = { statistic: 'rate', rate_type: 'crude', multiplier: 1e5, years_of_data: 3 };
    expectError(
      params,
      [{ numerator: null, rate: 2 }],
      'for rates, numerators must be provided for all records, even when their values are zero',
    );
    expectError(
      params,
      [{ numerator: 3, rate: null }],
      'for rates, rates must be provided for all records, or a denominator must be provided if the rate is zero',
    );
    expectError(
      params,
      [{ numerator: 0, rate: 0 }],
      'for rates, where there are 0 events for a record, the denominator field needs to be provided using the denominator argument',
    );
    expectError(
      params,
      [{ numerator: 0, rate: 0, denominator: 0 }],
      'for rates, where there are 0 events for a record, the denominator must be provided',
    );
  });
  it('names a missing numerator and its row', () => {
    expectError(
      { statistic: 'proportion', multiplier: 100 },
      [{ denominator: 4 }],
      'row 1: numerator is missing',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../errors.ts';
import { run } from './disclosure.ts';

const rows = [
  { ward: 'Abbey', admissions: 3, population: 1240, dsr: 210.4, deaths: 9 },
  { ward: 'Belgrave', admissions: 48, population: 2210, dsr: 180.2, deaths: 15 },
  { ward: 'Castle', admissions: 52, population: 2980, dsr: 150.9, deaths: 40 },
];

describe('disclosure JSON adapter', () => {
  const out = run({
    params: {
      count_columns: ['admissions', 'population'],
      row_totals: false,
      column_totals: true,
      label_column: 'ward',
      percentages: [{ name: 'admission_pct', numerator: 'admissions', denominator: 'population' }],
      rates: [{ value: 'dsr', events: 'deaths', kind: 'dsr' }],
    },
    rows,
  });

  it('publishes rounded counts with display and reason columns', () => {
    expect(out.rows[0]).toMatchObject({
      ward: 'Abbey',
      admissions: null,
      admissions_display: '*',
      admissions_sdc: 'primary',
    });
    expect(out.rows[2]).toMatchObject({
      admissions: 50,
      admissions_display: '50',
      admissions_sdc: null,
      population: 2980,
    });
  });
  it('lets the rounded column total protect the suppressed cell, as the NHS England rule does', () => {
    // 103 → 105, 48 → 50, 52 → 50: Abbey could be anything from 1 to 7.
    expect(out.rows[1]).toMatchObject({ admissions: 50, admissions_sdc: null });
    expect(out.rows[3]).toMatchObject({ ward: 'Total', admissions: 105, population: 6430 });
  });
  it('suppresses a complementary cell when counts are published exactly', () => {
    const exact = run({
      params: { count_columns: ['admissions'], column_totals: true, thresholds: { roundTo: 1 } },
      rows,
    });
    expect(exact.rows.map((r) => r.admissions_sdc)).toEqual(['primary', 'secondary', null, null]);
    expect(exact.rows[3]).toMatchObject({ admissions: 103 });
  });
  it('derives percentages from the published figures and suppresses them with their parts', () => {
    expect(out.rows[0]).toMatchObject({ admission_pct: null, admission_pct_sdc: 'derived' });
    expect(out.rows[2]?.admission_pct).toBeCloseTo((50 / 2980) * 100, 12);
  });
  it('applies the DSR event threshold and the u flag, reading the unrounded events', () => {
    expect(out.rows[0]).toMatchObject({ dsr: null, dsr_display: ':', dsr_sdc: 'low-count-rate' });
    expect(out.rows[1]).toMatchObject({ dsr: 180.2, dsr_flag: 'u' });
    expect(out.rows[2]).toMatchObject({ dsr: 150.9, dsr_flag: null });
  });
  it('does not export unrounded values unless asked', () => {
    expect(out.rows[0]).not.toHaveProperty('admissions_unrounded');
    const kept = run({ params: { count_columns: ['admissions'], keep_unrounded: true }, rows });
    expect(kept.rows[0]?.admissions_unrounded).toBe(3);
  });
  it('leaves national tables unrounded', () => {
    const national = run({ params: { count_columns: ['admissions'], level: 'national' }, rows });
    expect(national.rows[0]?.admissions).toBe(3);
  });
  it('validates its parameters', () => {
    const bad = (params: Record<string, unknown>, message: string): void => {
      expect(() => run({ params, rows })).toThrow(StatsInputError);
      expect(() => run({ params, rows })).toThrow(message);
    };
    bad({ count_columns: 'admissions' }, 'params.count_columns must be a list of column names');
    bad({ count_columns: ['missing_column'] }, 'row 1: missing_column is missing');
    bad({ count_columns: ['ward'] }, 'row 1: ward must be a number');
    bad(
      { count_columns: ['admissions'], level: 'region' },
      'params.level must be one of "subnational", "national"',
    );
    bad(
      { count_columns: ['admissions'], rates: [{ value: 'dsr', events: 'deaths', kind: 'isr' }] },
      'rates[].kind must be "dsr" or "crude"',
    );
    bad(
      { count_columns: ['admissions'], thresholds: { roundTo: 0 } },
      'threshold roundTo must be at least 1',
    );
    bad(
      {
        count_columns: ['admissions'],
        percentages: [{ name: 'p', numerator: 'admissions', denominator: 'population' }],
      },
      'percentages: admissions and population must both be count columns',
    );
  });
});

// testdata_Quantiles.xlsx through the JSON adapter, as tests/testthat/testQuantiles.R calls it.
import { describe, expect, it } from 'vitest';
import { num, readAnchorCsv } from '../anchor-fixtures.test-util.ts';
import { StatsInputError } from '../errors.ts';
import type { JsonRow } from './types.ts';
import { run } from './quantiles.ts';

const sheet = readAnchorCsv('phe/sheets/testdata_Quantiles__testdata_Quantiles.csv');
const good = sheet.filter((r) => r.Test?.startsWith('Good'));

function rows(records: Record<string, string>[]): JsonRow[] {
  return records.map((r) => ({
    IndSexRef: r.IndSexRef,
    ParentCode: r.ParentCode,
    AreaCode: r.AreaCode,
    values: r.Value === '' ? null : num(r.Value),
    invert: r.Polarity,
  }));
}

function expected(records: Record<string, string>[]): (number | null)[] {
  return records.map((r) => (r.QuantileInGrp === '' ? null : num(r.QuantileInGrp)));
}

describe('phe_quantile reference cases', () => {
  it('deciles within region and indicator, invert from the polarity field', () => {
    const data = good.filter((r) => r.GroupSet === 'IndSexReg');
    const out = run({
      params: { inverttype: 'field', groupBy: ['IndSexRef', 'ParentCode'] },
      rows: rows(data),
    });
    expect(out.rows.map((r) => r.quantile)).toEqual(expected(data));
  });

  it('deciles with invert = FALSE for one indicator, with metadata and the too-few warning', () => {
    const data = good.filter((r) => r.GroupSet === 'IndSexReg' && r.IndSexRef === '90366Female');
    const out = run({
      params: { invert: false, groupBy: ['IndSexRef', 'ParentCode'] },
      rows: rows(data),
    }) as {
      rows: JsonRow[];
      warnings?: string[];
    };
    expect(out.rows.map((r) => r.quantile)).toEqual(expected(data));
    expect(out.rows[0]).toMatchObject({
      nquantiles: 10,
      groupvars: 'IndSexRef, ParentCode',
      qinverted: 'lowest quantile represents lowest values',
    });
    expect(out.warnings).toEqual([
      'One or more groups had too few small areas with values to allow quantiles to be assigned',
    ]);
  });

  it('septiles within indicator, invert from the polarity field', () => {
    const data = good.filter((r) => r.GroupSet === 'IndSex');
    const out = run({
      params: { inverttype: 'field', nquantiles: 7, groupBy: 'IndSexRef' },
      rows: rows(data),
    });
    expect(out.rows.map((r) => r.quantile)).toEqual(expected(data));
  });

  it('quartiles across the whole set with the default invert = TRUE (full and standard output)', () => {
    const data = good.filter((r) => r.GroupSet === 'None');
    const full = run({ params: { nquantiles: 4 }, rows: rows(data) });
    expect(full.rows.map((r) => r.quantile)).toEqual(expected(data));
    expect(full.rows[0]?.qinverted).toBe('lowest quantile represents highest values');
    const standard = run({ params: { nquantiles: 4, type: 'standard' }, rows: rows(data) });
    expect(standard.rows.map((r) => r.quantile)).toEqual(expected(data));
    expect(standard.rows[0]).not.toHaveProperty('nquantiles');
  });

  it('documented example: 1,2,3,3,4,5,6,7,8,9 into quintiles without inversion', () => {
    const values = [1, 2, 3, 3, 4, 5, 6, 7, 8, 9].map((values) => ({ values }));
    const out = run({ params: { nquantiles: 5, invert: false }, rows: values });
    expect(out.rows.map((r) => r.quantile)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe('phe_quantile errors (reference wording)', () => {
  const expectError = (params: Record<string, unknown>, data: JsonRow[], message: string): void => {
    expect(() => run({ params, rows: data })).toThrow(StatsInputError);
    expect(() => run({ params, rows: data })).toThrow(message);
  };
  it('refuses a polarity that differs within a group (BadPolarity rows)', () => {
    const data = sheet.filter((r) => r.Test === 'BadPolarity');
    expectError(
      { inverttype: 'field' },
      rows(data),
      'invert field values must take the same logical value for each data grouping set',
    );
  });
  it('refuses an unknown inverttype, a non-logical invert, and a missing invert field', () => {
    const data = rows(good.slice(0, 20));
    expectError({ inverttype: 'vector' }, data, 'valid values for inverttype are logical and field');
    expectError({ invert: 6 }, data, 'invert expressed as a logical must equal TRUE or FALSE');
    expectError(
      { inverttype: 'field' },
      data.map(({ invert: _invert, ...rest }) => rest),
      'invert is not a field name from data',
    );
    expectError(
      { inverttype: 'field' },
      [{ values: 1, invert: 'maybe' }],
      'row 1: invert must be TRUE/FALSE',
    );
  });
  it('refuses non-numeric values and rows without values', () => {
    expectError({}, [{ values: 'Leicester' }], 'values argument must be a numeric field from data (row 1)');
    expectError({}, [{ values: 1 }, { area: 'x' }], 'row 2: values is missing');
  });
});

import { describe, expect, it } from 'vitest';
import { parseWorkforceCsv } from './workforce-csv.ts';
import { relativeLikelihood, wresIndicators, type Indicator } from './workforce-indicators.ts';
import { wdesMetrics } from './workforce-wdes.ts';

const csv = `year,measure,group,cluster,value,base
2025,workforce,white,Band 5,600,
2025,workforce,bme,Band 5,400,
2025,workforce,white,Band 8a,90,
2025,workforce,bme,Band 8a,10,
2025,workforce,disabled,All staff,100,
2025,workforce,non_disabled,All staff,900,
2025,shortlisted,white,,200,
2025,appointed,white,,50,
2025,shortlisted,bme,,200,
2025,appointed,bme,,25,
2025,shortlisted,disabled,,40,
2025,appointed,disabled,,8,
2025,shortlisted,non_disabled,,360,
2025,appointed,non_disabled,,90,
2025,disciplinary,bme,,12,
2025,disciplinary,white,,9,
2025,training,white,,138,
2025,training,bme,,41,
2025,capability,disabled,,4,
2025,capability,non_disabled,,9,
2025,harassment_public,white,,60,200
2025,harassment_public,bme,,5,10
2025,equal_opportunities,disabled,,30,100
2025,equal_opportunities,non_disabled,,200,400
2025,engagement,disabled,,6.5,
2025,voices_heard,all,,1,
2025,board_voting,white,,9,
2025,board_voting,bme,,1,
2025,board_executive,disabled,,1,
2025,board_executive,non_disabled,,4,
`;

const figure = (list: Indicator[], code: string, index = 0) =>
  list.find((i) => i.code === code)!.figures[index]!.value;

describe('relative likelihood', () => {
  it('divides the numerator group’s rate by the reference group’s', () => {
    expect(relativeLikelihood(50, 200, 25, 200)).toBe(2);
  });
  it('has no value when a rate cannot be formed or the reference rate is 0', () => {
    expect(relativeLikelihood(5, 0, 1, 10)).toBeNull();
    expect(relativeLikelihood(5, 10, 0, 10)).toBeNull();
    expect(relativeLikelihood(null, 10, 1, 10)).toBeNull();
  });
});

describe('WRES indicators from hand-made figures', () => {
  const wres = wresIndicators(parseWorkforceCsv(csv), 2025);
  it('indicator 1: BME share by band and overall', () => {
    expect(figure(wres, '1', 0)).toBeCloseTo((410 / 1100) * 100, 10);
    expect(wres[0]!.figures.map((f) => f.label)).toContain('% BME in Band 8a');
    expect(figure(wres, '1', 2)).toBeCloseTo(10, 10);
  });
  it('indicator 2 puts White applicants in the numerator', () => {
    expect(figure(wres, '2')).toBeCloseTo(50 / 200 / (25 / 200), 10);
  });
  it('indicator 3 puts BME staff in the numerator, over headcounts', () => {
    expect(figure(wres, '3')).toBeCloseTo(12 / 410 / (9 / 690), 10);
  });
  it('indicator 4 puts White staff in the numerator', () => {
    expect(figure(wres, '4')).toBeCloseTo(138 / 690 / (41 / 410), 10);
  });
  it('indicator 5 shows each group and hides a base under 11', () => {
    expect(figure(wres, '5', 0)).toBeCloseTo(30, 10);
    expect(figure(wres, '5', 1)).toBeNull();
  });
  it('indicator 9: board share minus workforce share, in percentage points', () => {
    expect(figure(wres, '9')).toBeCloseTo(10 - (410 / 1100) * 100, 10);
  });
});

describe('WDES metrics from hand-made figures', () => {
  const wdes = wdesMetrics(parseWorkforceCsv(csv), 2025);
  it('metric 2 puts non-disabled applicants in the numerator', () => {
    expect(figure(wdes, '2')).toBeCloseTo(90 / 360 / (8 / 40), 10);
  });
  it('metric 3 puts Disabled staff in the numerator', () => {
    expect(figure(wdes, '3')).toBeCloseTo(4 / 100 / (9 / 900), 10);
  });
  it('metric 5 pairs non-disabled and Disabled staff; 9a and 9b carry their values', () => {
    expect(figure(wdes, '5', 0)).toBeCloseTo(50, 10);
    expect(figure(wdes, '5', 1)).toBeCloseTo(30, 10);
    expect(figure(wdes, '9a')).toBe(6.5);
    expect(figure(wdes, '9b')).toBe(1);
  });
  it('metric 10 compares the executive board with the workforce', () => {
    expect(figure(wdes, '10', 1)).toBeCloseTo(20 - 10, 10);
  });
  it('uses the two-year rolling figure for metric 3 when the previous year is there', () => {
    const both = parseWorkforceCsv(
      `${csv}2024,workforce,disabled,All staff,100,\n2024,workforce,non_disabled,All staff,900,\n2024,capability,disabled,,0,\n2024,capability,non_disabled,,9,\n`,
    );
    expect(figure(wdesMetrics(both, 2025), '3')).toBeCloseTo(4 / 200 / (18 / 1800), 10);
  });
});

describe('the workforce CSV', () => {
  it('names the row and column of every problem', () => {
    const bad =
      'year,measure,group,cluster,value,base\n2025,workforce,white,Band 5,-3,\n2025,appointed,purple,,1,\n2025,harassment_public,bme,,12,10\n';
    try {
      parseWorkforceCsv(bad);
      expect.unreachable();
    } catch (error) {
      const messages = (error as { errors: { message: string }[] }).errors.map((e) => e.message);
      expect(messages).toEqual([
        'Row 2, column value: enter a whole number of 0 or more',
        expect.stringContaining('Row 3, column group: “purple” is not a group used for appointed') as string,
        'Row 4, column value: cannot be more than the number who answered (base)',
      ]);
    }
  });
  it('refuses a file without the documented columns', () => {
    expect(() => parseWorkforceCsv('year,count\n2025,3\n')).toThrow(/missing measure, group, value/);
  });
});

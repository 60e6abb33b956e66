import { describe, expect, it } from 'vitest';
import {
  decimalsOf,
  fixed,
  interval,
  sectionId,
  shortLabel,
  withSeparators,
  withUnit,
} from './analytics-format.ts';

describe('numbers on the analytics pages', () => {
  it('puts thousands separators in counts and populations, keeping their decimals', () => {
    expect(withSeparators('12345')).toBe('12,345');
    expect(withSeparators('1017250')).toBe('1,017,250');
    expect(withSeparators('999')).toBe('999');
    expect(withSeparators('1234.50')).toBe('1,234.50');
    expect(withSeparators('-12345.6')).toBe('-12,345.6');
  });

  it('leaves counts hidden by disclosure control as they are, and shows an empty one as a dash', () => {
    expect(withSeparators('*')).toBe('*');
    expect(withSeparators(':')).toBe(':');
    expect(withSeparators('')).toBe('–');
    expect(withSeparators(null)).toBe('–');
  });

  it('writes intervals to a fixed number of decimals, trailing zeros kept', () => {
    expect(interval(10.2, 12, 2)).toBe('10.20 to 12.00');
    expect(interval(8.4, 9, 1)).toBe('8.4 to 9.0');
    expect(interval(1234.56, 2345, 1)).toBe('1,234.6 to 2,345.0');
    expect(interval(null, 3, 1)).toBe('–');
    expect(interval(1, Number.NaN, 1)).toBe('–');
  });

  it('never shows a value rounded to zero with a minus sign', () => {
    expect(fixed(-0.001, 2)).toBe('0.00');
    expect(fixed(-0.25, 1)).toBe('-0.3');
    expect(fixed(undefined, 2)).toBe('–');
  });

  it('takes the decimals of an interval from its published value', () => {
    expect(decimalsOf('8.1')).toBe(1);
    expect(decimalsOf('12.25')).toBe(2);
    expect(decimalsOf('40')).toBe(0);
    expect(decimalsOf(':')).toBe(1);
  });

  it('writes a value with its unit', () => {
    expect(withUnit('8.1', '%')).toBe('8.1%');
    expect(withUnit('338.5', 'per 100,000')).toBe('338.5 per 100,000');
    expect(withUnit('–', '%')).toBe('–');
  });
});

describe('names on the analytics pages', () => {
  it('gives each breakdown a stable id for its heading', () => {
    expect(sectionId('imd_decile')).toBe('by-imd-decile');
    expect(sectionId('flag_learning_disability')).toBe('by-flag-learning-disability');
  });

  it('shortens a heading for the contents list by dropping what is in brackets', () => {
    expect(shortLabel('By IMD decile (1 = most deprived)')).toBe('By IMD decile');
    expect(shortLabel('By Core20 (national IMD deciles 1–2) or the rest')).toBe('By Core20 or the rest');
    expect(shortLabel('By ward')).toBe('By ward');
  });
});

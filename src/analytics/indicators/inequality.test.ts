import { describe, expect, it } from 'vitest';
import { heatMeasures } from '../../stats/heat.ts';
import { builtInIndicators } from './catalogue.ts';
import { heatFor, SII_SEED, siiFor } from './inequality.ts';
import type { GroupEstimate } from './result.ts';

const meanWait = builtInIndicators().find((i) => i.statistic === 'mean')!;

/** A group's mean with symmetric limits of ± `half`, over `n` people. */
const estimate = (dimension: string, group: string, value: number, n = 50, half = 2): GroupEstimate => ({
  period: '2024/25',
  dimension,
  group,
  numerator: NaN,
  denominator: NaN,
  denominatorIsPopulation: false,
  n,
  value,
  lower95: value - half,
  upper95: value + half,
  lower998: value - 1.6 * half,
  upper998: value + 1.6 * half,
  note: null,
});

const everyGroupShown = () => true;

describe('inequality measures', () => {
  const deciles = Array.from({ length: 10 }, (_v, i) => estimate('imd_decile', String(i + 1), 30 - i));

  it('fits the SII over every decile, and not at all when one decile has no value', () => {
    const fitted = siiFor(meanWait, '2024/25', deciles);
    expect(fitted.measures.map((m) => m.measure)).toEqual(['sii', 'rii']);
    // Values fall by 1 a decile: a slope of -10 across the whole scale.
    expect(fitted.measures[0]!.value).toBeCloseTo(-10, 6);

    const withGap = deciles.map((d) =>
      d.group === '4'
        ? { ...d, value: NaN, lower95: NaN, upper95: NaN, note: 'Fewer than 10 events: not standardised' }
        : d,
    );
    const refused = siiFor(meanWait, '2024/25', withGap);
    expect(refused.measures).toEqual([]);
    expect(refused.notes).toEqual([
      {
        period: '2024/25',
        dimension: 'imd_decile',
        measure: 'sii',
        text: 'Not calculated: every decile needs a value with confidence limits, and decile 4 has none (fewer than 10 events: not standardised).',
      },
    ]);
  });

  it('explains that a rate of 0 cannot be placed on the log scale the SII takes uncertainty on', () => {
    const rate = builtInIndicators().find((i) => i.statistic === 'crude-rate')!;
    const rates = deciles.map((d) =>
      d.group === '7' ? { ...d, value: 0, lower95: 0, upper95: 4.2 } : { ...d, lower95: d.value - 1 },
    );
    expect(siiFor(rate, '2024/25', rates).notes[0]?.text).toBe(
      "Not calculated: the method takes each decile's uncertainty on a log scale, and decile 7 has a confidence limit of 0.",
    );
    expect(
      siiFor(
        rate,
        '2024/25',
        rates.map((d) => (d.group === '7' ? { ...d, value: 1, lower95: 0.5 } : d)),
      ).measures,
    ).toHaveLength(2);
  });

  it('keeps the SII but gives no RII when the fitted line falls to zero or below at one end', () => {
    const rate = builtInIndicators().find((i) => i.statistic === 'crude-rate')!;
    // From 100 in decile 1 down by 11 a decile, equal populations: the values lie on the line
    // 105.5 - 110x at the deciles' midpoints x = 0.05, 0.15 …, which reaches -4.5 at x = 1.
    const falling = deciles.map((d, i) => {
      const value = 100 - 11 * i;
      return { ...d, value, lower95: value * 0.9, upper95: value * 1.1 };
    });
    const fitted = siiFor(rate, '2024/25', falling);
    expect(fitted.measures.map((m) => m.measure)).toEqual(['sii']);
    expect(fitted.measures[0]!.value).toBeCloseTo(-110, 6);
    expect(fitted.notes).toEqual([
      {
        period: '2024/25',
        dimension: 'imd_decile',
        measure: 'rii',
        text: 'Not calculated: the line fitted across the deciles falls to -4.5 at the least deprived end, and a ratio of its two ends means something only when both are above zero.',
      },
    ]);
  });

  it('leaves people whose ethnic group is not stated or not known out of the WHO measures', () => {
    const known = [
      estimate('ethnic_broad', 'White', 20),
      estimate('ethnic_broad', 'Asian or Asian British', 26),
      estimate('ethnic_broad', 'Black, Black British, Caribbean or African', 23),
    ];
    const withUnknown = [
      ...known,
      estimate('ethnic_broad', 'Not stated or not known', 40, 400),
      estimate('ethnic_broad', 'Not known', 2, 400),
    ];
    const options = { ordered: false, shown: everyGroupShown };
    const measured = heatFor(meanWait, '2024/25', 'ethnic_broad', withUnknown, options).measures;
    const direct = heatMeasures(
      {
        subgroups: known.map((e) => ({
          subgroup: e.group,
          estimate: e.value,
          lower: e.lower95,
          upper: e.upper95,
          population: e.n,
        })),
        favourable: meanWait.polarity === 'high-is-good',
        ordered: false,
        scale: 1,
      },
      ['d', 'r', 'bgv'],
      { seed: SII_SEED },
    );
    for (const expected of direct) {
      expect(measured.find((m) => m.measure === expected.measure)?.value).toBeCloseTo(expected.estimate, 10);
    }
  });

  it('signs the Core20 gap like the deciles: positive when Core20 fares worse, negative when better', () => {
    expect(meanWait.polarity).toBe('low-is-good');
    const gap = (core20: number) =>
      heatFor(
        meanWait,
        '2024/25',
        'core20',
        [estimate('core20', 'Rest of the population', 24), estimate('core20', 'Core20', core20)],
        { ordered: true, shown: everyGroupShown },
      ).measures.map((m) => [m.measure, Number(m.value.toFixed(6))]);
    // Longer waits are worse: Core20 waiting 31 against 24 is 7 worse; waiting 20, 4 better.
    expect(gap(31)).toEqual([
      ['d', 7],
      ['r', Number((31 / 24).toFixed(6))],
    ]);
    expect(gap(20)).toEqual([
      ['d', -4],
      ['r', Number((20 / 24).toFixed(6))],
    ]);
  });

  it('does not compare groups whose values disclosure control hides, and names them', () => {
    const hideWhite = (e: GroupEstimate) => e.group !== 'White';
    const twoGroups = [estimate('core20', 'Core20', 31, 5), estimate('core20', 'Rest of the population', 24)];
    const hideCore20 = (e: GroupEstimate) => e.group !== 'Core20';
    const core20 = heatFor(meanWait, '2024/25', 'core20', twoGroups, { ordered: true, shown: hideCore20 });
    expect(core20.measures).toEqual([]);
    expect(core20.notes[0]?.text).toBe(
      'Not calculated: every group needs a published value, and Core20 has none.',
    );

    // Eight groups with one hidden: 87.5% remain, enough for the non-ordered measures, which
    // then use only the seven published groups.
    const eight = Array.from({ length: 8 }, (_v, i) =>
      estimate('ethnic_broad', i === 0 ? 'White' : `Group ${i}`, 20 + i),
    );
    const seven = heatFor(meanWait, '2024/25', 'ethnic_broad', eight.slice(1), {
      ordered: false,
      shown: everyGroupShown,
    });
    const hidden = heatFor(meanWait, '2024/25', 'ethnic_broad', eight, { ordered: false, shown: hideWhite });
    expect(hidden.notes).toEqual([]);
    expect(hidden.measures.map((m) => [m.measure, m.value])).toEqual(
      seven.measures.map((m) => [m.measure, m.value]),
    );

    const ordered = heatFor(meanWait, '2024/25', 'imd_decile', deciles, {
      ordered: true,
      shown: (e) => e.group !== '1',
    });
    expect(ordered.measures).toEqual([]);
    expect(ordered.notes[0]?.text).toBe(
      'Not calculated: every group needs a published value, and decile 1 has none.',
    );
  });
});

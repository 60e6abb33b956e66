import { describe, expect, it } from 'vitest';
import { isRatio } from '../../stats/isr.ts';
import type { BandReach } from '../queries/deprivation-representation.ts';
import { core20GroupReach } from '../queries/ethnic-representation.ts';
import {
  ageProfileOf,
  core20ShareWithin,
  core20ShareWithinAllowingForAge,
  representationAllowingForAge,
  representationOf,
} from './representation.ts';

/** The Wilson score interval at 95%, written out here (Newcombe 1998, method 3). */
function wilson(x: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = x / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const scale = 1 + (z * z) / n;
  return [(centre - spread) / scale, (centre + spread) / scale];
}

describe('who a dataset reaches against the residents, by ethnic group', () => {
  const reach = representationOf([
    { group: 'Asian or Asian British', people: 120, residents: 4_340 },
    { group: 'Black, Black British, Caribbean or African', people: 40, residents: 780 },
    { group: 'White', people: 440, residents: 4_880 },
    { group: 'No residents', people: 3, residents: 0 },
  ]);

  it('divides each share of the people reached, and its Wilson interval, by the share of residents', () => {
    expect(reach.map((g) => g.group)).toEqual([
      'Asian or Asian British',
      'Black, Black British, Caribbean or African',
      'White',
    ]);
    const [asian] = reach;
    expect(asian!.share).toBeCloseTo(120 / 600, 12);
    expect(asian!.residentShare).toBeCloseTo(4_340 / 10_000, 12);
    const [lower, upper] = wilson(120, 600);
    expect(asian!.ratio).toBeCloseTo(0.2 / 0.434, 10);
    expect(asian!.lower95).toBeCloseTo(lower / 0.434, 10);
    expect(asian!.upper95).toBeCloseTo(upper / 0.434, 10);
  });

  it('reads an interval wholly below 1 as fewer, above 1 as more, and one including 1 as in line', () => {
    // Asian: 20% of people reached, 43.4% of residents; White: 73.3% against 48.8%.
    expect(reach.map((g) => g.reading)).toEqual(['fewer', 'similar', 'more']);
    expect(representationOf([])).toEqual([]);
  });
});

describe('the Core20 within each ethnic group, reached against its residents', () => {
  const reached = (group: string, people: number) => ({ group, allAges: true, band: null, people });
  const groups = core20GroupReach(
    {
      broad: [
        reached('Asian or Asian British', 200),
        reached('White', 400),
        reached('Other ethnic group', 5),
      ],
      core20Broad: [
        reached('Asian or Asian British', 60),
        reached('White', 150),
        // A band's count is not the group's.
        { group: 'White', allAges: false, band: 8, people: 9 },
      ],
    },
    [
      { ethnic_group: 'Core20: Asian or Asian British', residents: 2_000 },
      { ethnic_group: 'Rest of the population: Asian or Asian British', residents: 3_000 },
      { ethnic_group: 'Core20: White', residents: 1_000 },
      { ethnic_group: 'Rest of the population: White', residents: 4_000 },
      { ethnic_group: 'Rest of the population: Mixed or multiple ethnic groups', residents: 300 },
    ],
  );

  it("reads each group's people and residents, in the Core20 and in all", () => {
    expect(groups).toEqual([
      {
        group: 'Asian or Asian British',
        people: 200,
        core20People: 60,
        residents: 5_000,
        core20Residents: 2_000,
      },
      {
        group: 'Mixed or multiple ethnic groups',
        people: 0,
        core20People: 0,
        residents: 300,
        core20Residents: 0,
      },
      { group: 'Other ethnic group', people: 5, core20People: 0, residents: 0, core20Residents: 0 },
      { group: 'White', people: 400, core20People: 150, residents: 5_000, core20Residents: 1_000 },
    ]);
  });

  it("divides the Core20's share of each group's people, and its Wilson interval, by its share of residents", () => {
    const within = core20ShareWithin(groups);
    // Groups with no one reached, or no resident, are left out.
    expect(within.map((g) => g.group)).toEqual(['Asian or Asian British', 'White']);
    const [asian, white] = within;
    expect(asian!.share).toBeCloseTo(60 / 200, 12);
    expect(asian!.residentShare).toBeCloseTo(2_000 / 5_000, 12);
    const [lower, upper] = wilson(60, 200);
    expect(asian!.lower95).toBeCloseTo(lower / 0.4, 10);
    expect(asian!.upper95).toBeCloseTo(upper / 0.4, 10);
    // Asian: 30% of the people reached against 40% of residents; White: 37.5% against 20%.
    expect(within.map((g) => g.reading)).toEqual(['fewer', 'more']);
    expect(white!.ratio).toBeCloseTo(0.375 / 0.2, 12);
    expect(core20ShareWithin([])).toEqual([]);
  });
});

describe('the Core20 within each place, allowing for age', () => {
  // Northshire's Core20 is young: 600 of its 1,000 residents aged 20-24 (band 4) live there, 200 of
  // its 1,000 aged 70-74 (band 14). A service for older people reaches 100 people aged 70-74, 20 of
  // them in the Core20. Westdale has no Core20 area.
  const band = (
    group: string,
    b: number,
    people: number,
    core20People: number,
    residents: number,
    core20Residents: number,
  ) => ({
    group,
    band: b,
    people,
    core20People,
    residents,
    core20Residents,
  });
  const bands = [
    band('Northshire', 4, 0, 0, 1_000, 600),
    band('Northshire', 14, 100, 20, 1_000, 200),
    band('Westdale', 14, 50, 0, 800, 0),
  ];

  it('finds a place reached in proportion at each age fair, though the crude comparison finds fewer', () => {
    const crude = core20ShareWithin([
      { group: 'Northshire', people: 100, core20People: 20, residents: 2_000, core20Residents: 800 },
      { group: 'Westdale', people: 50, core20People: 0, residents: 800, core20Residents: 0 },
    ]);
    expect(crude.map((g) => [g.group, g.reading])).toEqual([['Northshire', 'fewer']]);
    expect(crude[0]!.ratio).toBeCloseTo(0.2 / 0.4, 12);

    const byAge = core20ShareWithinAllowingForAge(bands);
    // Expected: all 100 are aged 70-74, of whom a fifth of residents live in the Core20.
    expect(byAge.map((g) => [g.group, g.people, g.residents])).toEqual([['Northshire', 100, 1_000]]);
    expect(byAge[0]!.residentShare).toBeCloseTo(0.2, 12);
    expect(byAge[0]!.ratio).toBeCloseTo(1, 12);
    const [lower, upper] = wilson(20, 100);
    expect([byAge[0]!.lower95, byAge[0]!.upper95]).toEqual([
      expect.closeTo(lower / 0.2, 10),
      expect.closeTo(upper / 0.2, 10),
    ]);
    expect(byAge[0]!.reading).toBe('similar');
  });

  it('weights each age by the people reached at it', () => {
    // Half the people at each age: expected = 0.5 × 0.6 + 0.5 × 0.2.
    const byAge = core20ShareWithinAllowingForAge([
      band('Northshire', 4, 50, 30, 1_000, 600),
      band('Northshire', 14, 50, 10, 1_000, 200),
    ]);
    expect(byAge[0]!.residentShare).toBeCloseTo(0.4, 12);
    expect(byAge[0]!.share).toBeCloseTo(0.4, 12);
    expect(core20ShareWithinAllowingForAge([])).toEqual([]);
  });
});

describe('who a dataset reaches against the residents of the same ages', () => {
  // Two areas: a young one and an old one, by three age bands (20–24, 50–54, 70–74).
  const residents: Record<string, [number, number][]> = {
    Young: [
      [4, 6_000],
      [10, 3_000],
      [14, 1_000],
    ],
    Old: [
      [4, 2_000],
      [10, 3_000],
      [14, 5_000],
    ],
  };
  const bands = (peopleAt: (group: string, band: number, living: number) => number): BandReach[] =>
    Object.entries(residents).flatMap(([group, list]) =>
      list.map(([band, living]) => ({
        group,
        band,
        people: peopleAt(group, band, living),
        residents: living,
      })),
    );

  it('finds a service reaching every age in proportion fair, though it reaches older people only', () => {
    // A tenth of the residents aged 70–74 in both areas, nobody younger: without allowing for age
    // the young area gets far less than its share of residents; allowing for it, exactly its share.
    const reached = bands((_group, band, living) => (band === 14 ? living / 10 : 0));
    const crude = representationOf(
      Object.entries(residents).map(([group, list]) => ({
        group,
        people: reached.filter((b) => b.group === group).reduce((sum, b) => sum + b.people, 0),
        residents: list.reduce((sum, [, living]) => sum + living, 0),
      })),
    );
    expect(crude.map((g) => [g.group, g.reading])).toEqual([
      ['Young', 'fewer'],
      ['Old', 'more'],
    ]);
    const byAge = representationAllowingForAge(reached);
    expect(byAge.map((g) => g.group)).toEqual(['Young', 'Old']);
    for (const g of byAge) {
      expect(g.ratio).toBeCloseTo(1, 12);
      expect(g.reading).toBe('similar');
    }
    expect(byAge[0]!.residentShare).toBeCloseTo(1 / 6, 12);
    expect(byAge[1]!.residentShare).toBeCloseTo(5 / 6, 12);
  });

  it('gives the indirectly standardised ratio, with the places as the standard', () => {
    const people: Record<string, number[]> = { Young: [300, 90, 20], Old: [150, 150, 160] };
    const reached = bands((group, band) => people[group]![residents[group]!.findIndex(([b]) => b === band)]!);
    const byAge = representationAllowingForAge(reached);
    // The statistics engine's ISRatio: reference rates are the reach of both areas together at each age.
    const standard = isRatio(
      {
        x: reached.map((b) => b.people),
        n: reached.map((b) => b.residents),
        xRef: reached.map((b) => reached.filter((o) => o.band === b.band).reduce((s, o) => s + o.people, 0)),
        nRef: reached.map((b) =>
          reached.filter((o) => o.band === b.band).reduce((s, o) => s + o.residents, 0),
        ),
        groupOffsets: [0, 3, 6],
      },
      { confidence: [0.95] },
    );
    expect(byAge).toHaveLength(2);
    byAge.forEach((g, i) => expect(g.ratio).toBeCloseTo(standard.value[i]!, 12));
    const [young] = byAge;
    const [lower, upper] = wilson(410, 870);
    expect(young!.share).toBeCloseTo(410 / 870, 12);
    expect(young!.lower95).toBeCloseTo(lower / young!.residentShare, 10);
    expect(young!.upper95).toBeCloseTo(upper / young!.residentShare, 10);
  });

  it('leaves out the people of an age no resident is recorded at', () => {
    const reached: BandReach[] = [
      ...bands((_group, _band, living) => living / 100),
      { group: 'Young', band: 18, people: 500, residents: 0 },
    ];
    const byAge = representationAllowingForAge(reached);
    expect(byAge.map((g) => [g.group, g.people, g.residents])).toEqual([
      ['Young', 100, 10_000],
      ['Old', 100, 10_000],
    ]);
    for (const g of byAge) expect(g.ratio).toBeCloseTo(1, 12);
    expect(representationAllowingForAge([])).toEqual([]);
  });
});

describe('the ages of the people reached beside the residents', () => {
  it('adds two five-year bands to each ten years, with 85 to 89 and 90 and over apart', () => {
    const profile = ageProfileOf([
      { group: 'A', band: 8, people: 30, residents: 1_000 },
      { group: 'B', band: 9, people: 10, residents: 500 },
      { group: 'A', band: 17, people: 40, residents: 400 },
      { group: 'A', band: 18, people: 20, residents: 100 },
    ]);
    expect(profile.map((a) => a.ages)).toEqual([
      '0 to 9',
      '10 to 19',
      '20 to 29',
      '30 to 39',
      '40 to 49',
      '50 to 59',
      '60 to 69',
      '70 to 79',
      '80 to 89',
      '90 and over',
    ]);
    const shares = Object.fromEntries(profile.map((a) => [a.ages, [a.share, a.residentShare]]));
    expect(shares['40 to 49']).toEqual([0.4, 0.75]);
    expect(shares['80 to 89']).toEqual([0.4, 0.2]);
    expect(shares['90 and over']).toEqual([0.2, 0.05]);
    expect(ageProfileOf([])).toEqual([]);
  });
});

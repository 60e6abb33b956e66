import { describe, expect, it } from 'vitest';
import { representationOf } from '../../analytics/indicators/representation.ts';
import { aboutReach, notCompared, reachRows } from './reach-export.ts';
import type { EthnicReach } from './analytics-representation.ts';

const ethnicReady: EthnicReach = {
  status: 'ready',
  people: 0,
  groups: [],
  detailed: null,
  core20: { status: 'ready', people: 0, groups: [] },
};
const residentsLine = (about: [string, string][]) => about.find(([what]) => what === 'Residents')?.[1];

describe('the reach download says what it compares and what it could not', () => {
  it('names each comparison left out, with why and what to import', () => {
    expect(notCompared({ status: 'no-population' }, { status: 'no-census' })).toEqual([
      ['Deprivation and place', 'no population estimates have been imported for this dataset’s LSOA areas.'],
      ['Ethnic group', 'no Census 2021 ethnic group table has been imported.'],
    ]);
    expect(notCompared({ status: 'no-population' }, { status: 'other-vintage' })[1]).toEqual([
      'Ethnic group',
      'the Census 2021 ethnic groups are counted in LSOA 2021 areas, this dataset’s LSOA codes are 2011 ones, and the reference geography has no 2021 LSOAs in the places (import the deprivation file for 2021 LSOAs, IoD2025, to add them).',
    ]);
    expect(notCompared({ status: 'no-population' }, ethnicReady)).toHaveLength(1);
    const core20 = (status: 'no-census-by-lsoa' | 'other-vintage') =>
      notCompared({ status: 'no-population' }, { ...ethnicReady, core20: { status } })[1];
    expect(core20('no-census-by-lsoa')).toEqual([
      'Ethnic group, the share living in the Core20',
      'the Census 2021 ethnic groups by LSOA (TS021) have not been imported: the groups by local authority cannot say who lives in the Core20.',
    ]);
    expect(core20('other-vintage')?.[1]).toMatch(/^this dataset’s LSOA codes are 2011 ones/);
    const groupOnly = { ...ethnicReady, detailed: { people: 30, groups: [], groupOnly: 1200 } };
    expect(notCompared({ status: 'no-population' }, groupOnly)[1]).toEqual([
      'Detailed ethnic group',
      'for 1,200 people, whose ethnic group is recorded without its category (such as “Asian”): they are compared by broad group only.',
    ]);
  });

  it('gives each comparison the number of people of its own groups, a person seen in two counted in both', () => {
    // Two people moved between quintiles 1 and 2 within one place: 30 people by quintile, 28 by place.
    const quintiles = representationOf([
      { group: '1', people: 12, residents: 500 },
      { group: '2', people: 18, residents: 500 },
    ]);
    const places = representationOf([
      { group: 'Northshire', people: 20, residents: 700 },
      { group: 'Westdale', people: 8, residents: 300 },
    ]);
    const rows = reachRows(
      {
        status: 'ready',
        people: 30,
        midYear: 2024,
        groups: quintiles,
        places,
        core20Places: null,
        allowingForAge: null,
      },
      ethnicReady,
    );
    const compared = (comparison: string) => [
      ...new Set(rows.filter((r) => r.comparison === comparison).map((r) => r.people_compared)),
    ];
    expect(compared('IMD quintile')).toEqual([30]);
    expect(compared('Place')).toEqual([28]);
  });

  it('says that a dataset on 2011 codes is set beside the census residents of 2021 areas', () => {
    const about = (lsoaVintage: string, ethnic: EthnicReach) =>
      residentsLine(aboutReach({ name: 'Clinic', lsoaVintage }, { status: 'no-population' }, ethnic, 'now'));
    expect(about('2011', ethnicReady)).toBe(
      'By deprivation and place: the LSOA population estimates. By ethnic group: the usual residents at the Census 2021, who are of all ages, counted in the places’ 2021 LSOAs (the dataset’s people are placed by their 2011 LSOAs).',
    );
    expect(about('2021', ethnicReady)).toBe(
      'By deprivation and place: the LSOA population estimates. By ethnic group: the usual residents at the Census 2021, who are of all ages.',
    );
    expect(about('2011', { status: 'other-vintage' })).toBe(about('2021', ethnicReady));
  });
});

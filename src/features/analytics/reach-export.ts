// Who a dataset reaches, as the rows of a download: each comparison of the reach page, its groups'
// shares and ratios rounded as the page shows them (shares to 0.1%, ratios to two places), so the
// file says no more than the page. No counts of people by group: they never leave the page's totals.
import type { AgeShare, GroupRepresentation } from '../../analytics/indicators/representation.ts';
import type { DeprivationReach } from './analytics-deprivation-reach.ts';
import type { EthnicReach } from './analytics-representation.ts';

export const reachColumns = [
  'comparison',
  'group',
  'share_of_people_reached_percent',
  'share_of_residents_percent',
  'ratio',
  'lower_95',
  'upper_95',
  'reading',
  'people_compared',
] as const;

export type ReachRow = Record<(typeof reachColumns)[number], string | number | null>;

const percent = (fraction: number): number => Number((100 * fraction).toFixed(1));
const twoPlaces = (value: number): number => Number(value.toFixed(2));

/** What a ratio's interval says, in the words of the reach page and its downloads. */
export const reachReadings = {
  fewer: 'Fewer than their share of residents',
  more: 'More than their share of residents',
  similar: 'In line with their share of residents',
} as const;

// The people of a comparison are its groups' own (a person seen in two groups is in both), so that
// the places' count is theirs and not the quintiles'.
const groupRows = (comparison: string, groups: GroupRepresentation[]): ReachRow[] => {
  const people = groups.reduce((sum, g) => sum + g.people, 0);
  return groups.map((g) => ({
    comparison,
    group: g.group,
    share_of_people_reached_percent: percent(g.share),
    share_of_residents_percent: percent(g.residentShare),
    ratio: twoPlaces(g.ratio),
    lower_95: twoPlaces(g.lower95),
    upper_95: twoPlaces(g.upper95),
    reading: reachReadings[g.reading],
    people_compared: people,
  }));
};

const ageRows = (people: number, ages: AgeShare[]): ReachRow[] =>
  ages.map((a) => ({
    comparison: 'Age, in ten-year groups',
    group: a.ages,
    share_of_people_reached_percent: percent(a.share),
    share_of_residents_percent: percent(a.residentShare),
    ratio: null,
    lower_95: null,
    upper_95: null,
    reading: null,
    people_compared: people,
  }));

/** The comparisons of the Core20's share within each ethnic group and place, as a download names them. */
export const CORE20_WITHIN = 'Ethnic group, the share living in the Core20';
const CORE20_IN_PLACE = 'Place, the share living in the Core20';

/**
 * Every table of the reach page, in its order: deprivation, place, the Core20 within each place,
 * each allowing for age, ethnic group, the Core20 within each ethnic group.
 */
export function reachRows(deprivation: DeprivationReach, ethnic: EthnicReach): ReachRow[] {
  const rows: ReachRow[] = [];
  if (deprivation.status === 'ready') {
    rows.push(...groupRows('IMD quintile', deprivation.groups));
    rows.push(...groupRows('Place', deprivation.places ?? []));
    rows.push(...groupRows(CORE20_IN_PLACE, deprivation.core20Places?.groups ?? []));
    const byAge = deprivation.allowingForAge;
    if (byAge) {
      rows.push(...groupRows('IMD quintile, allowing for age', byAge.groups));
      rows.push(...groupRows('Place, allowing for age', byAge.places ?? []));
      rows.push(...groupRows(`${CORE20_IN_PLACE}, allowing for age`, byAge.core20Places ?? []));
      rows.push(...ageRows(byAge.people, byAge.ages));
    }
  }
  if (ethnic.status === 'ready') {
    rows.push(...groupRows('Ethnic group', ethnic.groups));
    if (ethnic.detailed) rows.push(...groupRows('Detailed ethnic group', ethnic.detailed.groups));
    if (ethnic.core20.status === 'ready') rows.push(...groupRows(CORE20_WITHIN, ethnic.core20.groups));
  }
  return rows;
}

/** What a reach download says about its figures, for its "About these figures" sheet. */
export function aboutReach(
  dataset: { name: string; lsoaVintage: string },
  deprivation: DeprivationReach,
  ethnic: EthnicReach,
  now: string,
): [string, string][] {
  const midYear = deprivation.status === 'ready' ? deprivation.midYear : null;
  const censusAreas =
    ethnic.status === 'ready' && dataset.lsoaVintage !== '2021'
      ? ', counted in the places’ 2021 LSOAs (the dataset’s people are placed by their 2011 LSOAs)'
      : '';
  return [
    ['Dataset', dataset.name],
    ['Downloaded', now],
    [
      'What it shows',
      'The share of the people in the dataset who live in the places that falls in each group, beside the share of the places’ residents in that group, and the ratio of the two with its 95% interval (the Wilson score interval of the share reached, over the residents’ share). A ratio of 1 is a fair share; the reading says whether the interval lies below 1, above it, or includes it.',
    ],
    [
      'Residents',
      `By deprivation and place: the LSOA population estimates${midYear ? ` for mid-${midYear}` : ''}. By ethnic group: the usual residents at the Census 2021, who are of all ages${censusAreas}.`,
    ],
    [
      'Allowing for age',
      'Each group’s share of the people reached beside the share it would have if the people reached at each age (five-year bands) came from the groups as the residents of that age do: the indirectly standardised ratio, with the places as the standard. People whose age is not recorded are left out.',
    ],
    [
      CORE20_IN_PLACE,
      'Within each place, the share of the people reached who live in its Core20 LSOAs, beside the share of its residents who live there (the population estimates), and the ratio of the two with its interval as above; allowing for age, beside the share it would be if the people reached at each age lived in the Core20 as the place’s residents of that age do. Places without a Core20 LSOA are left out.',
    ],
    [
      CORE20_WITHIN,
      'Within each broad ethnic group, the share of the people reached who live in the Core20 (the most deprived fifth of England’s areas), beside the share of the group’s residents at the Census 2021 who live there, and the ratio of the two with its interval as above. Below 1, the group’s Core20 is reached less than the rest of the group.',
    ],
    [
      'People',
      'Counted once each, by distinct person identifier (rows, when the dataset has none); allowing for age, at the youngest age they were seen at. people_compared is the number of people each comparison is of.',
    ],
    [
      'Caveats',
      'None of the comparisons allows for need: people in more deprived areas have more illness at every age. Nothing here is published: it is for staff planning outreach.',
    ],
    ...notCompared(deprivation, ethnic).map(([what, why]): [string, string] => [
      what,
      `Not compared: ${why}`,
    ]),
  ];
}

/** The comparisons that could not be made, and why: [what, why] for each ("no population …"). */
export function notCompared(deprivation: DeprivationReach, ethnic: EthnicReach): [string, string][] {
  const missing: [string, string][] = [];
  if (deprivation.status === 'no-population')
    missing.push([
      'Deprivation and place',
      'no population estimates have been imported for this dataset’s LSOA areas.',
    ]);
  if (ethnic.status === 'no-census')
    missing.push(['Ethnic group', 'no Census 2021 ethnic group table has been imported.']);
  const groupOnly = ethnic.status === 'ready' ? (ethnic.detailed?.groupOnly ?? 0) : 0;
  if (groupOnly > 0)
    missing.push([
      'Detailed ethnic group',
      `for ${groupOnly.toLocaleString('en-GB')} ${groupOnly === 1 ? 'person' : 'people'}, whose ethnic group is recorded without its category (such as “Asian”): they are compared by broad group only.`,
    ]);
  if (ethnic.status === 'ready' && ethnic.core20.status === 'no-census-by-lsoa')
    missing.push([
      CORE20_WITHIN,
      'the Census 2021 ethnic groups by LSOA (TS021) have not been imported: the groups by local authority cannot say who lives in the Core20.',
    ]);
  if (ethnic.status === 'ready' && ethnic.core20.status === 'other-vintage')
    missing.push([
      CORE20_WITHIN,
      'this dataset’s LSOA codes are 2011 ones, so its people’s Core20 is that of 2011 areas, while the census counts residents in 2021 LSOAs, whose Core20 differs.',
    ]);
  if (ethnic.status === 'other-vintage')
    missing.push([
      'Ethnic group',
      'the Census 2021 ethnic groups are counted in LSOA 2021 areas, this dataset’s LSOA codes are 2011 ones, and the reference geography has no 2021 LSOAs in the places (import the deprivation file for 2021 LSOAs, IoD2025, to add them).',
    ]);
  return missing;
}

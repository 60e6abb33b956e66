// The reach page's tables of who a dataset reaches by deprivation, place and the Core20 within each
// place (with and without allowing for age), by broad and detailed ethnic group, and the Core20
// within each ethnic group, against the people living in the places, in words and shares.
import type { GroupRepresentation } from '../../analytics/indicators/representation.ts';
import type { DeprivationReach } from '../../features/analytics/analytics-deprivation-reach.ts';
import type { EthnicReach } from '../../features/analytics/analytics-representation.ts';
import { reachReadings } from '../../features/analytics/reach-export.ts';

const percent = (fraction: number): string => `${(100 * fraction).toFixed(1)}%`;
const ratio = (value: number): string => value.toFixed(2);

const rowsOf = (groups: GroupRepresentation[]) =>
  groups.map((g) => ({
    group: g.group,
    share: percent(g.share),
    residentShare: percent(g.residentShare),
    ratio: `${ratio(g.ratio)} (${ratio(g.lower95)} to ${ratio(g.upper95)})`,
    reading: reachReadings[g.reading],
  }));

const withRows = (reach: { people: number; groups: GroupRepresentation[] }) => ({
  people: reach.people,
  rows: rowsOf(reach.groups),
});

/** What the dataset page shows of a dataset's ethnic reach. */
export function reachView(reach: EthnicReach) {
  if (reach.status !== 'ready')
    return { status: reach.status, people: 0, rows: [], detailed: null, core20: null };
  const { core20 } = reach;
  return {
    status: reach.status,
    people: reach.people,
    rows: rowsOf(reach.groups),
    detailed: reach.detailed && {
      people: reach.detailed.people,
      rows: rowsOf(reach.detailed.groups),
      groupOnly: reach.detailed.groupOnly,
    },
    core20: {
      status: core20.status,
      ...(core20.status === 'ready' ? withRows(core20) : { people: 0, rows: [] }),
    },
  };
}

/** What the dataset page shows of a dataset's reach by deprivation and by place. */
export function deprivationReachView(reach: DeprivationReach) {
  if (reach.status !== 'ready')
    return {
      status: reach.status,
      people: 0,
      midYear: null,
      rows: [],
      places: [],
      core20Places: [],
      withoutCore20: [],
      allowingForAge: null,
    };
  const byAge = reach.allowingForAge;
  return {
    status: reach.status,
    people: reach.people,
    midYear: reach.midYear,
    rows: rowsOf(reach.groups),
    places: rowsOf(reach.places ?? []),
    core20Places: rowsOf(reach.core20Places?.groups ?? []),
    withoutCore20: reach.core20Places?.withoutCore20 ?? [],
    allowingForAge: byAge && {
      people: byAge.people,
      ages: byAge.ages.map((a) => ({
        ages: a.ages,
        share: percent(a.share),
        residentShare: percent(a.residentShare),
      })),
      rows: rowsOf(byAge.groups),
      places: rowsOf(byAge.places ?? []),
      core20Places: rowsOf(byAge.core20Places ?? []),
    },
  };
}

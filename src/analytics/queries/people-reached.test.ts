import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test/test-db.ts';
import { csvRelations, onPostgresTables, testLsoa } from '../../../test/postgres-tables.ts';
import { espBandOf, testEvent, testPopulation } from '../../../test/pack-rows.ts';
import { ethnicCategories } from '../datasets/ethnicity.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { peopleReachedSql, readPeopleReached, type PeopleReached, type ReachKind } from './people-reached.ts';

// Four LSOAs of the places (quintiles 1, 3, 5 and 2; places North, South, South and East) and one
// outside them. People who moved between LSOAs, whose ethnic code changed or was not stated, whose
// age is not known, and rows without a person identifier.
const place = (name: string) => ({ place: name, in_area: 1 });
const geography = [
  testLsoa(1, 1, place('North')),
  testLsoa(2, 5, place('South')),
  testLsoa(3, 10, place('South')),
  testLsoa(4, 3, place('East')),
  testLsoa(5, 1, { place: 'Elsewhere', in_area: 0 }),
];
/** The LSOAs of the places: not the one outside them, nor a code the geography does not have. */
const inPlaces = (lsoa: number) => lsoa <= 4;
const population = testPopulation(geography.slice(0, 1), () => 10);

type Seen = [person: string, lsoa: number, age: number | null, ethnic: string];
const seen: Seen[] = [
  ['P1', 1, 40, 'A'],
  ['P1', 1, 47, 'A'],
  ['P2', 1, 52, 'H'], // moved to a less deprived area, in another place, and was seen older there
  ['P2', 2, 58, 'H'],
  ['P3', 2, 33, 'A'], // recorded White British, then White Irish; moved within South
  ['P3', 3, 20, 'B'],
  ['P4', 3, 61, 'Z'], // not stated at first
  ['P4', 3, 62, 'A'],
  ['P5', 3, 70, '99'], // never recorded
  ['P6', 3, null, 'R'], // age not known
  ['P7', 5, 30, 'A'], // lives outside the places
  ['P8', 9, 30, 'A'], // an LSOA the geography does not have
  ['', 4, 25, 'M'],
  ['', 4, 27, 'M'],
  ['', 4, 31, 'D'],
  ['', 4, null, ''],
  ['', 1, 42, 'A'],
];
const lsoaCode = (lsoa: number) => (lsoa === 9 ? 'E01999999' : `T0100000${lsoa}`);
const activityOf = (rows: Seen[]) =>
  rows.map(([person, lsoa, age, ethnic], n) => ({
    ...testEvent(n, { lsoa_code: lsoaCode(lsoa), age: age ?? 0 }),
    person_id: person,
    age: age ?? '',
    esp_band: age === null ? '' : espBandOf(age),
    ethnic_code: ethnic,
  }));
/** The same rows as a dataset without person identifiers. */
const anonymous = seen.map(([, ...rest]): Seen => ['', ...rest]);

/**
 * The counts worked out here from the definition: in each group, each person once, at the youngest
 * age band they were seen at in it; rows, when the dataset has no person identifiers (rows without
 * one are left out when it has). Ethnic groups count only the rows whose group is recorded.
 */
function expected(rows: Seen[]): PeopleReached {
  const notRecorded = ['', 'Z', '99'];
  const label = (code: string, level: 'broad' | 'detailed') =>
    notRecorded.includes(code) ? null : ethnicCategories.find((c) => c.code === code)![level];
  const groupOf: Record<ReachKind, (s: Seen) => string | null> = {
    quintile: ([, lsoa]) => String(geography[lsoa - 1]!.imd_quintile),
    place: ([, lsoa]) => geography[lsoa - 1]!.place,
    broad: ([, , , ethnic]) => label(ethnic, 'broad'),
    detailed: ([, , , ethnic]) => label(ethnic, 'detailed'),
    core20Broad: ([, lsoa, , ethnic]) => (geography[lsoa - 1]!.core20 === 1 ? label(ethnic, 'broad') : null),
    core20Place: ([, lsoa]) => (geography[lsoa - 1]!.core20 === 1 ? geography[lsoa - 1]!.place : null),
  };
  const identified = rows.some(([person]) => person !== '');
  const counted = rows.filter(([person, lsoa]) => inPlaces(lsoa) && (person !== '' || !identified));
  const band = (age: number | null) => (age === null ? null : espBandOf(age));
  const counts = {} as PeopleReached;
  for (const kind of Object.keys(groupOf) as ReachKind[]) {
    counts[kind] = [];
    const groups = new Map<string, Seen[]>();
    for (const s of counted) {
      const group = groupOf[kind](s);
      if (group !== null) groups.set(group, [...(groups.get(group) ?? []), s]);
    }
    for (const [group, ofGroup] of groups) {
      const youngest = new Map<string, number | null>();
      for (const [person, , age] of ofGroup) {
        const earlier = youngest.get(person);
        youngest.set(person, earlier === undefined ? band(age) : lowest(earlier, band(age)));
      }
      const bands = identified ? [...youngest.values()] : ofGroup.map(([, , age]) => band(age));
      counts[kind].push({ group, allAges: true, band: null, people: bands.length });
      for (const b of new Set(bands))
        counts[kind].push({ group, allAges: false, band: b, people: bands.filter((x) => x === b).length });
    }
  }
  return counts;
}

const lowest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

const inOrder = (reached: PeopleReached) =>
  Object.fromEntries(
    Object.entries(reached).map(([kind, counts]) => [
      kind,
      [...counts].sort((a, b) =>
        `${a.group}|${a.allAges}|${a.band}`.localeCompare(`${b.group}|${b.allAges}|${b.band}`),
      ),
    ]),
  );

describe('the people a dataset reaches, by quintile, place and ethnic group', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-people-reached-'));
    store = await analyticsStore(dir);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const reachedIn = async (name: string, rows: Seen[]) => {
    mkdirSync(path.join(dir, name));
    const relations = csvRelations(path.join(dir, name), {
      activity: activityOf(rows),
      geography,
      population,
    });
    return readPeopleReached(await store.query(peopleReachedSql(relations, '2021')));
  };
  const allAges = (reached: PeopleReached, kind: ReachKind, group: string) =>
    reached[kind].find((c) => c.group === group && c.allAges)?.people;

  it('counts each person once in each group they were seen in, at the youngest age seen there', async () => {
    const reached = await reachedIn('identified', seen);
    expect(inOrder(reached)).toEqual(inOrder(expected(seen)));
    // Read off the rows above: P2 in quintiles 1 and 3, P3 once in South at 20 (band 4), P5 in no
    // ethnic group; the rows without an identifier in no group.
    const count = (kind: ReachKind, group: string) => allAges(reached, kind, group);
    expect([count('quintile', '1'), count('quintile', '3'), count('quintile', '5')]).toEqual([2, 2, 4]);
    expect(reached.place.find((c) => c.group === 'South' && c.band === 4)?.people).toBe(1);
    expect([count('broad', 'White'), count('place', 'East')]).toEqual([3, undefined]);
    // In the Core20 (LSOA 1): P1 White, P2 Asian before moving out of it.
    expect([count('core20Broad', 'White'), count('core20Broad', 'Asian or Asian British')]).toEqual([1, 1]);
    // Of the places, only North has a Core20 LSOA: the same two.
    expect([count('core20Place', 'North'), count('core20Place', 'South')]).toEqual([2, undefined]);
  });

  it('counts rows when the dataset has no person identifiers', async () => {
    const reached = await reachedIn('anonymous', anonymous);
    expect(inOrder(reached)).toEqual(inOrder(expected(anonymous)));
    expect([allAges(reached, 'quintile', '1'), allAges(reached, 'place', 'East')]).toEqual([4, 4]);
  });

  it.runIf(dialectsUnderTest().includes('postgres'))('counts the same in PostgreSQL', async () => {
    for (const rows of [seen, anonymous]) {
      const reached = await onPostgresTables(
        { activity: activityOf(rows), geography, population },
        { measures: [], more: ['in_area integer'] },
        async ({ run, relations }) => readPeopleReached(await run(peopleReachedSql(relations, '2021'))),
      );
      expect(inOrder(reached)).toEqual(inOrder(expected(rows)));
    }
  });
});

// Whether each group (ethnic group, IMD quintile, place) is reached in proportion to the people
// living in the places: the group's share of the people a dataset reaches, with its Wilson score
// interval, over its share of the residents (a full count, taken as known), and within each group
// the Core20's share the same way. A ratio of 1 is a fair share.
import { proportions } from '../../stats/proportion.ts';
import type { BandReach, Core20WithinBand } from '../queries/deprivation-representation.ts';
import type { Core20Within, GroupReach } from '../queries/ethnic-representation.ts';

export interface GroupRepresentation extends GroupReach {
  /** Share of the people reached, of the residents, as fractions. */
  share: number;
  residentShare: number;
  /** Share of the people reached over share of the residents, with its 95% interval. */
  ratio: number;
  lower95: number;
  upper95: number;
  /** Whether the interval lies wholly below 1 (fewer), above it (more), or includes it. */
  reading: 'fewer' | 'more' | 'similar';
}

export function representationOf(reach: GroupReach[]): GroupRepresentation[] {
  const groups = reach.filter((g) => g.residents > 0);
  const residents = groups.reduce((sum, g) => sum + g.residents, 0);
  return sharesAgainst(
    groups,
    groups.map((g) => g.residents / residents),
  );
}

/**
 * The same allowing for age (indirect standardisation, the places as the standard): each group's
 * share of the people reached set beside the share of residents it would have if the people reached
 * at each age (ESP2013 five-year band) had been drawn from the groups in proportion to the residents
 * of that age: expected share of g = Σ_b (people in band b / people) × (g's residents in b / residents
 * in b). The ratio is then observed over expected people, the indirectly standardised ratio. People
 * whose age is not known, or of an age no resident is recorded at, are left out. `residents` of a
 * group is then its residents of the ages at which anyone was reached.
 */
export function representationAllowingForAge(bands: BandReach[]): GroupRepresentation[] {
  const peopleInBand = new Map<number, number>();
  const residentsInBand = new Map<number, number>();
  for (const b of bands) {
    peopleInBand.set(b.band, (peopleInBand.get(b.band) ?? 0) + b.people);
    residentsInBand.set(b.band, (residentsInBand.get(b.band) ?? 0) + b.residents);
  }
  const counted = bands.filter((b) => (residentsInBand.get(b.band) ?? 0) > 0);
  const people = counted.reduce((sum, b) => sum + b.people, 0);
  const byGroup = new Map<string, { reach: GroupReach; expectedShare: number }>();
  for (const b of counted) {
    const g = byGroup.get(b.group) ?? {
      reach: { group: b.group, people: 0, residents: 0 },
      expectedShare: 0,
    };
    g.reach.people += b.people;
    if ((peopleInBand.get(b.band) ?? 0) > 0) g.reach.residents += b.residents;
    if (people > 0)
      g.expectedShare +=
        ((peopleInBand.get(b.band) ?? 0) / people) * (b.residents / residentsInBand.get(b.band)!);
    byGroup.set(b.group, g);
  }
  const groups = [...byGroup.values()].filter((g) => g.expectedShare > 0);
  return sharesAgainst(
    groups.map((g) => g.reach),
    groups.map((g) => g.expectedShare),
  );
}

export interface AgeShare {
  /** "40 to 49", "90 and over". */
  ages: string;
  /** Of the people reached whose age is known, and of the residents. */
  share: number;
  residentShare: number;
}

/** The ages of the people reached beside the residents', in ten-year groups of ESP2013 bands. */
export function ageProfileOf(bands: BandReach[]): AgeShare[] {
  const tens = Array.from({ length: 10 }, () => ({ people: 0, residents: 0 }));
  for (const b of bands) {
    const ten = tens[Math.min(9, Math.floor(b.band / 2))]!;
    ten.people += b.people;
    ten.residents += b.residents;
  }
  const people = tens.reduce((sum, t) => sum + t.people, 0);
  const residents = tens.reduce((sum, t) => sum + t.residents, 0);
  if (people === 0 || residents === 0) return [];
  return tens.map((t, i) => ({
    ages: i === 9 ? '90 and over' : `${i * 10} to ${i * 10 + 9}`,
    share: t.people / people,
    residentShare: t.residents / residents,
  }));
}

/**
 * Within each group, the share of the people reached who live in the Core20, with its Wilson
 * interval, over the share of the group's residents who live there: below 1, the group's most
 * deprived fifth is reached less than the rest of it. `people` and `residents` of each are the
 * group's; groups with no one reached, or no resident in the Core20 (a place without a Core20
 * area), are left out.
 */
export function core20ShareWithin(groups: Core20Within[]): GroupRepresentation[] {
  const compared = groups.filter((g) => g.people > 0 && g.core20Residents > 0);
  if (compared.length === 0) return [];
  const set = proportions(
    compared.map((g) => g.core20People),
    compared.map((g) => g.people),
    { confidence: [0.95] },
  );
  return compared.map((g, i) =>
    representation(
      { group: g.group, people: g.people, residents: g.residents },
      g.core20Residents / g.residents,
      [set.value[i] as number, set.lower[0]![i] as number, set.upper[0]![i] as number],
    ),
  );
}

/**
 * The same allowing for age: within each group, the share of its people reached who live in the
 * Core20 beside the share it would be if the people reached at each age (ESP2013 band b) lived in
 * the Core20 as the group's residents of that age do: expected = Σ_b (p_b / P) × (k_b / r_b), p_b
 * the group's people reached in band b, P = Σ_b p_b, r_b its residents in b and k_b those of them in
 * the Core20. People whose age is not known, or of an age no resident of the group is recorded at,
 * are left out; so are groups with no one reached or no resident of those ages in the Core20.
 */
export function core20ShareWithinAllowingForAge(bands: Core20WithinBand[]): GroupRepresentation[] {
  const byGroup = new Map<string, Core20WithinBand[]>();
  for (const b of bands.filter((b) => b.residents > 0))
    byGroup.set(b.group, [...(byGroup.get(b.group) ?? []), b]);
  const groups: { reach: GroupReach; core20People: number; expected: number }[] = [];
  for (const [group, ofGroup] of byGroup) {
    const people = ofGroup.reduce((sum, b) => sum + b.people, 0);
    if (people === 0) continue;
    const expected = ofGroup.reduce(
      (sum, b) => sum + (b.people / people) * (b.core20Residents / b.residents),
      0,
    );
    if (expected === 0) continue;
    const residents = ofGroup.filter((b) => b.people > 0).reduce((sum, b) => sum + b.residents, 0);
    const core20People = ofGroup.reduce((sum, b) => sum + b.core20People, 0);
    groups.push({ reach: { group, people, residents }, core20People, expected });
  }
  if (groups.length === 0) return [];
  const set = proportions(
    groups.map((g) => g.core20People),
    groups.map((g) => g.reach.people),
    { confidence: [0.95] },
  );
  return groups.map((g, i) =>
    representation(g.reach, g.expected, [
      set.value[i] as number,
      set.lower[0]![i] as number,
      set.upper[0]![i] as number,
    ]),
  );
}

/** A group's share reached and its interval, each over the residents' share. */
function representation(
  g: GroupReach,
  residentShare: number,
  [share, lower, upper]: [number, number, number],
): GroupRepresentation {
  const [ratio, lower95, upper95] = [share / residentShare, lower / residentShare, upper / residentShare];
  return {
    ...g,
    share,
    residentShare,
    ratio,
    lower95,
    upper95,
    reading: upper95 < 1 ? 'fewer' : lower95 > 1 ? 'more' : 'similar',
  };
}

/** Each group's share of the people reached, with its Wilson interval, over the share given. */
function sharesAgainst(groups: GroupReach[], residentShares: number[]): GroupRepresentation[] {
  const people = groups.reduce((sum, g) => sum + g.people, 0);
  if (people === 0 || groups.length === 0) return [];
  const set = proportions(
    groups.map((g) => g.people),
    groups.map(() => people),
    { confidence: [0.95] },
  );
  return groups.map((g, i) =>
    representation(g, residentShares[i]!, [
      set.value[i] as number,
      set.lower[0]![i] as number,
      set.upper[0]![i] as number,
    ]),
  );
}

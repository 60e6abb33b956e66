// Whether each ethnic group is reached in proportion to the people living in the places: the group's
// share of the people a dataset reaches, with its Wilson score interval, over its share of the
// Census 2021 usual residents (a full count, taken as known). A ratio of 1 is a fair share.
import { proportions } from '../../stats/proportion.ts';
import type { GroupReach } from '../queries/ethnic-representation.ts';

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
  const people = groups.reduce((sum, g) => sum + g.people, 0);
  const residents = groups.reduce((sum, g) => sum + g.residents, 0);
  if (people === 0 || residents === 0) return [];
  const set = proportions(
    groups.map((g) => g.people),
    groups.map(() => people),
    { confidence: [0.95] },
  );
  return groups.map((g, i) => {
    const residentShare = g.residents / residents;
    const ratio = (set.value[i] as number) / residentShare;
    const lower95 = (set.lower[0]![i] as number) / residentShare;
    const upper95 = (set.upper[0]![i] as number) / residentShare;
    return {
      ...g,
      share: set.value[i] as number,
      residentShare,
      ratio,
      lower95,
      upper95,
      reading: upper95 < 1 ? 'fewer' : lower95 > 1 ? 'more' : 'similar',
    };
  });
}

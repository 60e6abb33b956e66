// What a rate's readers are told about its population denominators: which mid-year's estimates
// each period is over, and whether they were worked out from estimates for other LSOA areas.
import type { LsoaVintage } from '../../analytics/geography/model.ts';
import { populationSources, populationYears } from '../../analytics/geography/population-vintages.ts';
import { periodStartYear, populationYearFor } from '../../analytics/indicators/population-years.ts';
import type { AnalyticsStore } from '../../analytics/store.ts';
import { listInWords } from '../../analytics/in-words.ts';

const timeNote =
  'a change in a rate over time also includes any change in the number of people living in each group';

/** Which mid-year's estimates the rates of each of `periods` are over, in words. */
export function populationYearsCaveat(years: (number | null)[], periods: string[]): string | null {
  if (years.length === 0 || periods.length === 0) return null;
  if (years.every((y) => y === null))
    return `The mid-year of the population estimates was not recorded when they were imported, so the same populations are used for every period: ${timeNote}.`;
  const used = new Map<number, string[]>();
  for (const period of [...periods].sort()) {
    const year = populationYearFor(period, years)!;
    used.set(year, [...(used.get(year) ?? []), period]);
  }
  const matched = [...used].every(([year, list]) => list.every((p) => periodStartYear(p) === year));
  if (used.size === 1) {
    const [[year, list]] = [...used] as [[number, string[]]];
    if (matched) return `The populations are mid-${year} estimates (30 June ${year}, early in ${list[0]}).`;
    return `The populations are mid-${year} estimates for ${list.length === 1 ? list[0] : 'every period'} (the nearest imported): ${timeNote}.`;
  }
  const parts = [...used].flatMap(([year, list]) => {
    const own = list.filter((p) => periodStartYear(p) === year);
    const nearest = list.filter((p) => periodStartYear(p) !== year);
    return [
      ...(own.length ? [`mid-${year} for ${listInWords(own)}`] : []),
      ...(nearest.length ? [`mid-${year} for ${listInWords(nearest)} (the nearest imported)`] : []),
    ];
  });
  return `The populations are mid-year estimates: ${listInWords(parts)}.`;
}

/** What a rate's readers should know of its populations: their mid-years and where they came from. */
export async function populationCaveats(
  store: AnalyticsStore,
  vintage: string,
  periods: string[],
): Promise<string[]> {
  const caveats = [populationYearsCaveat(await populationYears(store, vintage), periods)];
  const derived = (populationSources(store)[vintage as LsoaVintage] ?? []).find((s) => s.derivedFrom);
  if (derived)
    caveats.push(
      `The populations of LSOA ${vintage} areas were worked out from ONS estimates for LSOA ${derived.derivedFrom} areas, through the ONS lookup between the two (${derived.file}): each earlier area's population was shared equally among the areas it became. Rates for small areas may differ a little from those on official estimates for LSOA ${vintage} areas.`,
    );
  return caveats.filter((c): c is string => c !== null);
}

// Two rows of headings compared as a mapping's headings are (any case, spacing or line breaks): what
// one lacks and adds beside the other, and how to say so. Worksheets are read together when they
// have the headings of the first, and perhaps more (a column given from a later year on); files
// also when some leave columns out. Neither when one has a heading in place of another's.
import { looseHeading } from './headings.ts';

export interface HeadingDifferences {
  /** Headings of the first that the other has not. */
  lacks: string[];
  /** Headings of the other that the first has not. */
  adds: string[];
}

/** The headings of `a` that `b` has not (a heading `a` has twice and `b` once, once), as `a` writes them. */
function headingsNotIn(a: readonly string[], b: readonly string[]): string[] {
  const left = b.map(looseHeading);
  return a.flatMap((shown) => {
    const name = looseHeading(shown);
    const at = left.indexOf(name);
    if (at >= 0) left.splice(at, 1);
    return at >= 0 || name === '' ? [] : [shown.trim()];
  });
}

/** How the headings `other` differ from `first`. */
export const headingDifferences = (
  first: readonly string[],
  other: readonly string[],
): HeadingDifferences => ({
  lacks: headingsNotIn(first, other),
  adds: headingsNotIn(other, first),
});

/**
 * Of files' headings, where one has no heading of an earlier file's and has one that file has not
 * (a column renamed, it may be), how it differs from the first such file, in words.
 */
export function headingsAtOdds(headings: readonly (readonly string[])[], names: readonly string[]): string[] {
  return headings.flatMap((own, j) => {
    const earlier = headings.slice(0, j).findIndex((other) => {
      const { lacks, adds } = headingDifferences(other, own);
      return lacks.length > 0 && adds.length > 0;
    });
    if (earlier < 0) return [];
    return [differenceInWords(names[j]!, headingDifferences(headings[earlier]!, own), `"${names[earlier]}"`)];
  });
}

/** Every list's columns, each once: the first list's, then those each later list adds, as it names them. */
export function columnsOfAll<C extends { name: string }>(lists: readonly (readonly C[])[]): C[] {
  const all = [...lists[0]!];
  for (const list of lists.slice(1)) {
    const left = all.map((c) => looseHeading(c.name));
    for (const column of list) {
      const at = left.indexOf(looseHeading(column.name));
      if (at >= 0) left.splice(at, 1);
      else all.push(column);
    }
  }
  return all;
}

/** Names quoted and listed: the first `most`, and how many more. */
export function quotedList(names: readonly string[], last: 'and' | 'or', most = 5): string {
  const shown = names.slice(0, most).map((h) => `"${h}"`);
  if (names.length > most) shown.push(`${names.length - most} more`);
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} ${last} ${shown.at(-1)}`;
}

/**
 * How the headings of the worksheet or file `name` differ from those of `first` (in words, such as
 * "the worksheet read"): `"2024-25" has no "DNA" and has "Attended", which the worksheet read has not`.
 */
export function differenceInWords(name: string, { lacks, adds }: HeadingDifferences, first: string): string {
  const parts = [
    ...(lacks.length ? [`has no ${quotedList(lacks, 'or')}`] : []),
    ...(adds.length ? [`has ${quotedList(adds, 'and')}, which ${first} has not`] : []),
  ];
  return `"${name}" ${parts.length ? parts.join(' and ') : 'has columns without a heading, in another order'}`;
}

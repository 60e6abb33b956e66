// NHS Data Dictionary ethnic category codes and their ONS 2021 census broad groups, and Parity's codes
// for a group recorded without its category. Datasets coded with the ONS 2021 groups instead are
// read through `onsLabelToCode` and `onsGroupToCode`.

export interface EthnicCategory {
  code: string;
  detailed: string;
  broad: string;
}

/** The broad group of people whose ethnic group is not stated or not known. */
export const NOT_KNOWN_BROAD = 'Not stated or not known';

// prettier-ignore
export const ethnicCategories: EthnicCategory[] = [
  { code: 'A', detailed: 'White: British', broad: 'White' },
  { code: 'B', detailed: 'White: Irish', broad: 'White' },
  { code: 'C', detailed: 'White: Any other White background', broad: 'White' },
  { code: 'D', detailed: 'Mixed: White and Black Caribbean', broad: 'Mixed or multiple' },
  { code: 'E', detailed: 'Mixed: White and Black African', broad: 'Mixed or multiple' },
  { code: 'F', detailed: 'Mixed: White and Asian', broad: 'Mixed or multiple' },
  { code: 'G', detailed: 'Mixed: Any other mixed background', broad: 'Mixed or multiple' },
  { code: 'H', detailed: 'Asian or Asian British: Indian', broad: 'Asian or Asian British' },
  { code: 'J', detailed: 'Asian or Asian British: Pakistani', broad: 'Asian or Asian British' },
  { code: 'K', detailed: 'Asian or Asian British: Bangladeshi', broad: 'Asian or Asian British' },
  { code: 'L', detailed: 'Asian or Asian British: Any other Asian background', broad: 'Asian or Asian British' },
  { code: 'M', detailed: 'Black or Black British: Caribbean', broad: 'Black, Black British, Caribbean or African' },
  { code: 'N', detailed: 'Black or Black British: African', broad: 'Black, Black British, Caribbean or African' },
  { code: 'P', detailed: 'Black or Black British: Any other Black background', broad: 'Black, Black British, Caribbean or African' },
  { code: 'R', detailed: 'Other ethnic groups: Chinese', broad: 'Asian or Asian British' },
  { code: 'S', detailed: 'Other ethnic groups: Any other ethnic group', broad: 'Other ethnic group' },
  // A group recorded without its category, as some extracts give ethnicity ("Asian"): counted in its
  // broad group, and on its own in the detailed breakdown. Parity's codes, not the Data Dictionary's.
  { code: 'WHITE', detailed: 'White: category not recorded', broad: 'White' },
  { code: 'MIXED', detailed: 'Mixed: category not recorded', broad: 'Mixed or multiple' },
  { code: 'ASIAN', detailed: 'Asian or Asian British: category not recorded', broad: 'Asian or Asian British' },
  { code: 'BLACK', detailed: 'Black or Black British: category not recorded', broad: 'Black, Black British, Caribbean or African' },
  { code: 'OTHER', detailed: 'Other ethnic groups: category not recorded', broad: 'Other ethnic group' },
  { code: 'Z', detailed: 'Not stated', broad: NOT_KNOWN_BROAD },
  { code: '99', detailed: 'Not known', broad: NOT_KNOWN_BROAD },
];

/**
 * How extracts name each group, before a category ("White British", "Mixed - White and Asian") or
 * alone, when the group is all they record ("Asian").
 */
const groupWords: Record<string, string[]> = {
  White: ['white'],
  Mixed: ['mixed', 'mixed or multiple', 'mixed or multiple ethnic groups', 'mixed multiple ethnic groups'],
  Asian: ['asian', 'asian or asian british'],
  Black: ['black', 'black or black british', 'black or african or caribbean or black british'],
  Other: ['other', 'other ethnic group', 'other ethnic groups'],
};

/**
 * Other names of a group alone: the 2021 census's and Parity's broad ones. The census's are not
 * read before a category, so that its 19 groups are told from NHS descriptions (`onsLabelToCode`).
 */
// prettier-ignore
const groupOnlyWords: Record<string, string[]> = {
  Asian: ['asian, asian british or asian welsh'],
  Black: ['black, black british, caribbean or african', 'black, black british, black welsh, caribbean or african'],
};

/** The code of each group recorded without its category (in `ethnicCategories`). */
const groupOnlyCode: Record<string, string> = {
  White: 'WHITE',
  Mixed: 'MIXED',
  Asian: 'ASIAN',
  Black: 'BLACK',
  Other: 'OTHER',
};

/** Labels that say which category only after their group's name ("Asian - Other"). */
const onlyAfterGroup = new Set(['other', 'any other']);

/**
 * The Data Dictionary's value labels, as extracts write them without the code (its first label),
 * and other usual ways of writing each category, in lower case; the 2021 census's new White
 * categories are C and Arab is S, as in `onsLabelToCode`.
 */
// prettier-ignore
const valueLabels: [code: string, group: string | null, labels: string[]][] = [
  ['A', 'White', ['british', 'english, welsh, scottish, northern irish or british', 'british or mixed british', 'english or welsh or scottish or northern irish or british']],
  ['B', 'White', ['irish']],
  ['C', 'White', ['any other white background', 'other white background', 'other white', 'other', 'any other', 'gypsy or irish traveller', 'roma']],
  ['D', 'Mixed', ['white and black caribbean']],
  ['E', 'Mixed', ['white and black african']],
  ['F', 'Mixed', ['white and asian']],
  ['G', 'Mixed', ['any other mixed background', 'other mixed background', 'any other mixed or multiple ethnic background', 'other mixed', 'other', 'any other']],
  ['H', 'Asian', ['indian', 'indian or british indian']],
  ['J', 'Asian', ['pakistani', 'pakistani or british pakistani']],
  ['K', 'Asian', ['bangladeshi', 'bangladeshi or british bangladeshi']],
  ['L', 'Asian', ['any other asian background', 'other asian background', 'other asian', 'other', 'any other']],
  ['M', 'Black', ['caribbean']],
  ['N', 'Black', ['african']],
  ['P', 'Black', ['any other black background', 'other black background', 'other black or african or caribbean background', 'other black', 'other', 'any other']],
  ['R', 'Other', ['chinese']],
  // The 2011 and 2021 censuses count Chinese people among the Asian groups.
  ['R', 'Asian', ['chinese']],
  ['S', 'Other', ['any other ethnic group', 'arab', 'any other']],
  ['Z', null, ['not stated', 'declined', 'refused', 'prefer not to say', 'ethnic category not stated', 'ethnicity not stated', 'patient declined']],
  ['99', null, ['not known', 'unknown', 'not recorded', 'ethnicity not known', 'ethnicity not recorded']],
];

/**
 * Every written-out form of an NHS ethnic category Parity reads, in lower case with a group's name
 * followed by ": " (the import reads " - " as ": "), to its code: the Data Dictionary descriptions
 * ("asian or asian british: indian"), its value labels alone ("indian"), after their group's name
 * ("asian indian", "asian: indian", "black african") or before it in brackets, as HES describes its
 * ETHNOS codes ("indian (asian or asian british)"), and a group's name alone ("asian").
 */
export function ethnicDescriptions(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (form: string, code: string) => {
    const before = found.get(form);
    if (before !== undefined && before !== code)
      throw new Error(`"${form}" would be read as both ${before} and ${code}`);
    found.set(form, code);
  };
  for (const c of ethnicCategories) add(c.detailed.toLowerCase(), c.code);
  for (const [group, words] of Object.entries(groupWords))
    for (const word of [...words, ...(groupOnlyWords[group] ?? [])]) add(word, groupOnlyCode[group]!);
  for (const [code, group, labels] of valueLabels)
    for (const label of labels) {
      if (!onlyAfterGroup.has(label)) add(label, code);
      for (const word of group ? groupWords[group]! : []) {
        add(`${word} ${label}`, code);
        add(`${word}: ${label}`, code);
        add(`${label} (${word})`, code);
      }
    }
  return found;
}

/** ONS 2021 census 19-group labels (as in TS021 / dvc2203) mapped to the NHS codes. */
// prettier-ignore
export const onsLabelToCode: Record<string, string> = {
  'White: English, Welsh, Scottish, Northern Irish or British': 'A',
  'White: Irish': 'B',
  'White: Gypsy or Irish Traveller': 'C',
  'White: Roma': 'C',
  'White: Other White': 'C',
  'Mixed or Multiple ethnic groups: White and Black Caribbean': 'D',
  'Mixed or Multiple ethnic groups: White and Black African': 'E',
  'Mixed or Multiple ethnic groups: White and Asian': 'F',
  'Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups': 'G',
  'Asian, Asian British or Asian Welsh: Indian': 'H',
  'Asian, Asian British or Asian Welsh: Pakistani': 'J',
  'Asian, Asian British or Asian Welsh: Bangladeshi': 'K',
  'Asian, Asian British or Asian Welsh: Chinese': 'R',
  'Asian, Asian British or Asian Welsh: Other Asian': 'L',
  'Black, Black British, Black Welsh, Caribbean or African: Caribbean': 'M',
  'Black, Black British, Black Welsh, Caribbean or African: African': 'N',
  'Black, Black British, Black Welsh, Caribbean or African: Other Black': 'P',
  'Other ethnic group: Arab': 'S',
  'Other ethnic group: Any other ethnic group': 'S',
};

/**
 * Other datasets' codes for an NHS ethnic category: HES's ETHNOS X, not known (before 2013), and GP
 * data's T, Gypsy or Irish Traveller (a 2011 census group, filed under any other White background
 * as the 2021 census's is here).
 */
export const otherEthnicCodes: Record<string, string> = { X: '99', T: 'C' };

/**
 * Local subcategories of the national codes, read as the national code they start with: the Data
 * Dictionary's field is two characters, the national code first and the second for local use,
 * "grouped consistently with the 16 main categories" (as HES keeps the first). These are the ones
 * published, in INTEROPen's Care Connect extension of the codes (CP Polish, LB Punjabi, PA Somali,
 * SC Filipino …). Other pairs are reported rather than read by their first letter, as some are not
 * subcategories at all: NA, NK and NS mostly stand for not available, not known and not stated.
 */
export const localEthnicSubcategories: string[] = [
  'C2',
  'C3',
  ...'ABCDEFGHJKLMNPQRSTUVWXY'.split('').map((l) => `C${l}`),
  ...'ABCDEF'.split('').map((l) => `G${l}`),
  ...'ABCDEFGHJK'.split('').map((l) => `L${l}`),
  ...'ABCDE'.split('').map((l) => `P${l}`),
  ...'ABCDE'.split('').map((l) => `S${l}`),
];

/** The 2021 census's five high-level groups (TS021's first level), each a group without its category. */
export const onsGroupToCode: Record<string, string> = {
  White: 'WHITE',
  'Mixed or Multiple ethnic groups': 'MIXED',
  'Asian, Asian British or Asian Welsh': 'ASIAN',
  'Black, Black British, Black Welsh, Caribbean or African': 'BLACK',
  'Other ethnic group': 'OTHER',
};

/** Not stated (Z) and not known (99) as extracts write them, in lower case: for any coding. */
export const notGivenLabels: Record<string, string> = Object.fromEntries(
  valueLabels.flatMap(([code, group, labels]) => (group === null ? labels.map((l) => [l, code]) : [])),
);

/** The codes of groups recorded without their category. */
export const groupOnlyCodes: string[] = Object.values(groupOnlyCode);

/** SQL: the broad or detailed label of an `ethnic_code` column (portable CASE). */
export function ethnicLabelSql(column: string, level: 'broad' | 'detailed'): string {
  const whens = ethnicCategories.map((c) => `WHEN '${c.code}' THEN '${c[level].replaceAll("'", "''")}'`);
  return `CASE ${column} ${whens.join(' ')} ELSE '${NOT_KNOWN_BROAD}' END`;
}

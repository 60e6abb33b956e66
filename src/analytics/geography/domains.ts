// The seven domains of the Indices of Deprivation (2019 and 2025): rank, decile and score of each
// LSOA, as File 2 (ranks and deciles) or File 7 (all ranks, scores and deciles) give them.

export interface DeprivationDomain {
  id: string;
  label: string;
  /** How the domain's headings start, compared in lower case with punctuation as spaces. */
  names: string[];
}

export const deprivationDomains: DeprivationDomain[] = [
  { id: 'income', label: 'Income', names: ['income'] },
  { id: 'employment', label: 'Employment', names: ['employment'] },
  {
    id: 'education',
    label: 'Education, skills and training',
    names: ['education skills and training', 'education'],
  },
  {
    id: 'health',
    label: 'Health deprivation and disability',
    names: ['health deprivation and disability', 'health'],
  },
  { id: 'crime', label: 'Crime', names: ['crime'] },
  {
    id: 'housing',
    label: 'Barriers to housing and services',
    names: ['barriers to housing and services', 'housing and services'],
  },
  { id: 'environment', label: 'Living environment', names: ['living environment', 'environment'] },
];

const measures = ['rank', 'decile', 'score'] as const;

/** The reference geography's domain columns and their types: imd_score, income_rank, income_decile … */
export const domainColumns: [string, 'INTEGER' | 'DOUBLE'][] = [
  ['imd_score', 'DOUBLE'],
  ...deprivationDomains.flatMap((d) =>
    measures.map((m): [string, 'INTEGER' | 'DOUBLE'] => [
      `${d.id}_${m}`,
      m === 'score' ? 'DOUBLE' : 'INTEGER',
    ]),
  ),
];

const normalised = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The domain columns a deprivation file has: our column name → the file's heading. */
export function recogniseDomainColumns(headings: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const take = (column: string, heading: string) => {
    if (!found.has(column)) found.set(column, heading);
  };
  for (const heading of headings) {
    const text = normalised(heading);
    if (/^(index of multiple deprivation imd|imd) score\b/.test(text)) take('imd_score', heading);
    for (const domain of deprivationDomains) {
      const name = domain.names.find((n) => text.startsWith(`${n} `));
      const measure = name && measures.find((m) => text.slice(name.length + 1).startsWith(m));
      if (measure) take(`${domain.id}_${measure}`, heading);
    }
  }
  return found;
}

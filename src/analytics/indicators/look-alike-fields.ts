// A dataset field that may hold what an indicator needs under another name: an extract's "Weeks
// waited (RTT)" column imported as weeks_waited_rtt when the catalogue reads wait_weeks, or
// did_not_attend for dna. Only a hint for the person importing: what is read under another name by
// itself is only what the import says it read so (the usual headings of a measure, mapping.ts, and
// columns of the Data Dictionary's codes, coded-measures.ts).

/** The word without a plural or verb ending, so that waited, waiting and wait compare equal. */
function stem(word: string): string {
  for (const ending of ['ing', 'ed', 'es', 's'])
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  return word;
}

const wordsOf = (field: string): string[] =>
  field
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && w !== 'flag')
    .map(stem);

const initialsOf = (words: string[]): string => words.map((w) => w[0]).join('');

/**
 * The fields among `candidates` whose words (stemmed) include at least half of those of `needed`,
 * or whose initials spell it (dna: did_not_attend), best first. The needed field itself is not one.
 */
export function lookAlikeFields(needed: string, candidates: string[]): string[] {
  const wanted = wordsOf(needed);
  if (wanted.length === 0) return [];
  const scored = candidates
    .filter((c) => c !== needed)
    .map((candidate) => {
      const words = wordsOf(candidate);
      const shared = wanted.filter((w) => words.includes(w)).length;
      const spelt = wanted.length === 1 && words.length > 1 && initialsOf(words) === wanted[0];
      return { candidate, score: spelt ? wanted.length : shared };
    })
    .filter((s) => s.score > 0 && s.score * 2 >= wanted.length);
  return scored.sort((a, b) => b.score - a.score).map((s) => s.candidate);
}

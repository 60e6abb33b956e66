import { describe, expect, it } from 'vitest';
import { parseImport, titleFrom } from './import-csv.ts';
import { applyRules, groupRules, languagesMentioned, themeRules } from './rules.ts';
import { suggestTags } from './tagging.ts';

const valuesOf = (matches: { value: string }[]) => matches.map((m) => m.value);

describe('the rule-based taggers', () => {
  it('finds the themes the framework lacks, with the words that matched', () => {
    const matches = applyRules(
      themeRules,
      'No interpreter, and the taxi fare cost us £30. The receptionist was racist.',
    );
    expect(valuesOf(matches)).toEqual(['Cost', 'Interpreting and language', 'Discrimination']);
    expect(matches.find((m) => m.value === 'Interpreting and language')!.matched).toEqual(['interpreter']);
    expect(valuesOf(applyRules(themeRules, 'You can only book online and I have no smartphone'))).toEqual([
      'Digital exclusion',
    ]);
  });

  it('suggests equality groups from mentions, including named languages', () => {
    const text = 'My 84 year old dad speaks Urdu; as a Muslim he wanted a male doctor. He uses a wheelchair.';
    expect(valuesOf(applyRules(groupRules, text))).toEqual([
      'Older people',
      'Disabled people',
      'Faith communities',
      'Men',
      'People who speak little or no English',
    ]);
    expect(languagesMentioned(text)).toEqual(['Urdu']);
  });

  it('suggests nothing for a text with no such mention', () => {
    const text = 'The appointment ran to time and the room was clean.';
    expect(applyRules(themeRules, text)).toEqual([]);
    expect(applyRules(groupRules, text)).toEqual([]);
  });

  it('does not match inside longer words', () => {
    expect(
      valuesOf(applyRules(groupRules, 'The transport was late; the apps and appointment letters were fine')),
    ).toEqual([]);
  });

  it('works with the rules alone when there is no model', () => {
    const tags = suggestTags('Deaf patients get no BSL interpreter', null);
    expect(tags.map((t) => `${t.kind}:${t.value}`)).toEqual([
      'theme:Interpreting and language',
      'group:Deaf and hard of hearing people',
      'group:People who speak little or no English',
    ]);
    expect(tags.every((t) => t.source === 'rule' && t.reason?.startsWith('Mentions'))).toBe(true);
  });
});

describe('reading a file of comments to import', () => {
  it('accepts a Friends and Family Test export and reports rows with problems', () => {
    const csv = [
      'FFT question,FFT answer,Service type 1,Site,Communities',
      'What could we do better?,Waited two hours,Outpatients,Northfield,Older people',
      'What was good?,,Outpatients,Northfield,',
      'What could we do better?,No ramp,Outpatients,Eastgate,Disabled people; Martians',
    ].join('\n');
    const { rows, problems, read } = parseImport(csv, 'fft.csv');
    expect(read).toBe(3);
    expect(rows).toEqual([
      {
        row: 2,
        title: 'Waited two hours',
        description: 'Waited two hours',
        service: 'Outpatients',
        place: 'Northfield',
        communities: ['Older people'],
        evidence: 'Imported from fft.csv, row 2. Question: What could we do better?',
      },
    ]);
    expect(problems).toEqual([
      { row: 3, column: 'comment', message: 'The comment is empty' },
      { row: 4, column: 'communities', message: '“Martians” is not a community on Parity’s list' },
    ]);
  });

  it('refuses a file with no comment column, or that is not CSV', () => {
    expect(parseImport('Name,Score\nA,1', 'x.csv').problems[0]).toMatchObject({ row: 1, column: 'comment' });
    expect(parseImport('comment\n"unclosed', 'x.csv').problems[0]!.message).toMatch(/not valid CSV/);
  });

  it('makes a short title from a long comment', () => {
    const title = titleFrom('word '.repeat(40));
    expect(title.length).toBeLessThanOrEqual(81);
    expect(title.endsWith('…')).toBe(true);
  });
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outcomesOf } from './framework.ts';
import { frameworks, loadFrameworks, parseFrameworkFile } from './framework.loader.ts';
import { temporaryDir } from '../../../test/temporary-dirs.ts';

const minimal = {
  id: 'test-eds',
  name: 'Test',
  description: 'A test framework',
  groupTerm: 'Domain',
  scale: [
    { score: 0, label: 'No', shortLabel: 'No' },
    { score: 1, label: 'Yes', shortLabel: 'Yes' },
  ],
  thresholds: [
    { min: 0, max: 0, label: 'Low' },
    { min: 1, max: 2, label: 'High' },
  ],
  groups: [
    {
      code: '1',
      name: 'One',
      outcomes: [
        { code: '1A', text: 'a' },
        { code: '1B', text: 'b' },
      ],
    },
  ],
};

describe('framework files', () => {
  it('ships EDS 2022 with 3 domains and 11 outcomes, and the original EDS with 18', () => {
    const byId = Object.fromEntries(frameworks().map((f) => [f.id, f]));
    expect(byId.eds2022!.groups.map((g) => g.outcomes.length)).toEqual([4, 4, 3]);
    expect(outcomesOf(byId.eds2011!)).toHaveLength(18);
    expect(byId.eds2022!.groups[2]!.thirdPartyInvolvement).toBe(true);
  });

  it('loads a new version from a file without code', () => {
    const dir = temporaryDir('frameworks-');
    writeFileSync(path.join(dir, 'test.json'), JSON.stringify(minimal));
    expect(loadFrameworks(dir).map((f) => f.id)).toEqual(['test-eds']);
  });

  it('refuses bands that leave a gap or stop short of the maximum', () => {
    const gap = {
      ...minimal,
      thresholds: [
        { min: 0, max: 0, label: 'Low' },
        { min: 2, max: 2, label: 'High' },
      ],
    };
    expect(() => parseFrameworkFile('gap.json', JSON.stringify(gap))).toThrow(/must start at 1/);
    const short = { ...minimal, thresholds: [{ min: 0, max: 1, label: 'Low' }] };
    expect(() => parseFrameworkFile('short.json', JSON.stringify(short))).toThrow(/maximum total, 2/);
  });

  it('refuses duplicate outcome codes, a scale out of order and broken JSON', () => {
    const duplicate = {
      ...minimal,
      groups: [
        {
          code: '1',
          name: 'One',
          outcomes: [
            { code: '1A', text: 'a' },
            { code: '1A', text: 'b' },
          ],
        },
      ],
    };
    expect(() => parseFrameworkFile('d.json', JSON.stringify(duplicate))).toThrow(/1A is used twice/);
    const scale = {
      ...minimal,
      scale: [
        { score: 1, label: 'x', shortLabel: 'x' },
        { score: 0, label: 'y', shortLabel: 'y' },
      ],
    };
    expect(() => parseFrameworkFile('s.json', JSON.stringify(scale))).toThrow(/scale must run/);
    expect(() => parseFrameworkFile('b.json', '{')).toThrow(/not valid JSON/);
  });
});

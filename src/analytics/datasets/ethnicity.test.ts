import { describe, expect, it } from 'vitest';
import { ethnicCategories, ethnicDescriptions } from './ethnicity.ts';

describe('written-out ethnic categories', () => {
  it('read each form as one category only, the Data Dictionary description among them', () => {
    // ethnicDescriptions() throws if a form would be read as two categories.
    const descriptions = ethnicDescriptions();
    for (const c of ethnicCategories) expect(descriptions.get(c.detailed.toLowerCase())).toBe(c.code);
    expect(descriptions.get('black: african')).toBe('N');
    expect(descriptions.get('mixed or multiple: white and asian')).toBe('F');
    expect(descriptions.get('asian other')).toBe('L');
    expect(descriptions.get('other: chinese')).toBe('R');
    // The 2011 and 2021 censuses count Chinese people among the Asian groups.
    expect(descriptions.get('asian or asian british: chinese')).toBe('R');
    // HES's descriptions of its ETHNOS codes.
    expect(descriptions.get('british (white)')).toBe('A');
    expect(descriptions.get('white and black caribbean (mixed)')).toBe('D');
    expect(descriptions.get('indian (asian or asian british)')).toBe('H');
    expect(descriptions.get('caribbean (black or black british)')).toBe('M');
    expect(descriptions.get('chinese (other ethnic group)')).toBe('R');
    expect(descriptions.get('other')).toBe('OTHER');
    expect(descriptions.get('asian, asian british or asian welsh')).toBe('ASIAN');
    expect(descriptions.has('any other')).toBe(false);
  });
});

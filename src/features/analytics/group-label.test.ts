import { describe, expect, it } from 'vitest';
import { groupLabel } from './group-label.ts';

describe('the names of breakdown groups', () => {
  it('names sex groups in words, and leaves other groups alone', () => {
    expect(['F', 'M', 'U'].map((g) => groupLabel('sex', g))).toEqual(['Female', 'Male', 'Not known']);
    expect(groupLabel('ethnic_broad', 'M')).toBe('M');
  });
});

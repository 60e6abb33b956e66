import { describe, expect, it } from 'vitest';
import { can } from '../access/access.policy.ts';
import { roles } from '../accounts/account.ts';
import { constituencies, perspectiveOf, roleForNewGrader } from './grader.ts';

describe('graders', () => {
  it('counts everyone but the organisation’s own staff and leads as local interests', () => {
    expect(constituencies.filter((c) => perspectiveOf(c) === 'organisation')).toEqual([
      'internal_lead',
      'staff',
    ]);
  });

  it('gives new graders from the partnership a member account and anyone else only a grader account', () => {
    expect(roleForNewGrader('patient')).toBe('member');
    expect(roleForNewGrader('healthwatch')).toBe('member');
    expect(roleForNewGrader('peer_reviewer')).toBe('grader');
    expect(roleForNewGrader('staff')).toBe('grader');
  });

  it('lets a grader account grade and nothing more', () => {
    const grader = { id: 'g', role: 'grader' as const };
    expect(can(grader, 'eds:grade')).toBe(true);
    expect(can(grader, 'eds:manage')).toBe(false);
    expect(can(grader, 'workforce:manage')).toBe(false);
    expect(can(grader, 'users:list')).toBe(false);
    for (const role of roles) expect(can({ id: 'x', role }, 'eds:reopen')).toBe(role === 'admin');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import {
  buildThirdSectorWorld,
  core20WardOf,
  type ThirdSectorWorld,
} from '../places/third-sector.test-util.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { financialYearLabel, financialYearOf } from './financial-year.ts';
import { coverageOf, type OutreachActivity } from './outreach.ts';

const activity = (over: Partial<Record<string, unknown>> = {}) => ({
  kind: 'drop_in',
  title: 'Wellbeing drop-in',
  heldOn: '2026-05-12',
  peopleReached: '24',
  languages: 'Somali, Arabic',
  heard: 'People struggle to get GP appointments by phone.',
  communities: ['Refugees and people seeking asylum', 'People who speak little or no English'],
  ...over,
});

describe('financial years and coverage', () => {
  it('names NHS financial years from April', () => {
    expect(financialYearOf('2026-03-31')).toBe(2025);
    expect(financialYearOf('2026-04-01')).toBe(2026);
    expect(financialYearLabel(2025)).toBe('2025/26');
    expect(financialYearLabel(2099)).toBe('2099/00');
  });

  it('lists every group and every Core20 ward, so gaps show', () => {
    const reached = { communities: ['Men'], wardCode: 'W1', peopleReached: 12 } as OutreachActivity;
    const wards = [
      { wardCode: 'W1', wardName: 'One', laName: 'LA', place: 'P', core20Lsoas: 2 },
      { wardCode: 'W2', wardName: 'Two', laName: 'LA', place: 'P', core20Lsoas: 1 },
      { wardCode: 'W3', wardName: 'Three', laName: 'LA', place: 'P', core20Lsoas: 0 },
    ];
    const coverage = coverageOf([reached], wards);
    expect(coverage.groupsReached).toBe(1);
    expect(coverage.groupsNotReached).toContain('Older people');
    expect(coverage.core20Wards.map((w) => w.wardCode)).toEqual(['W1', 'W2']);
    expect(coverage.core20WardsNotReached.map((w) => w.wardCode)).toEqual(['W2']);
    expect(coverage.people).toBe(12);
  });
});

describeEachDatabase('outreach', (current) => {
  let w: ThirdSectorWorld;
  beforeAll(async () => {
    w = await buildThirdSectorWorld(current().handle);
    w.t.clock.now = new Date('2026-06-01T10:00:00Z');
  });
  afterAll(async () => w.t.services.analytics.close());

  it('counts a logged event in the coverage of its place, ward and groups', async () => {
    const { outreach } = w.t.services;
    const wardCode = await core20WardOf(w.t, 'Riverside City');
    const before = await outreach.coverage({ year: 2026, placeId: w.riversideId });
    expect(before.core20WardsReached).toBe(0);
    const id = await outreach.record(
      w.viewers.staff,
      activity({ wardCode, organisationId: w.organisations.ours }),
    );
    const after = await outreach.coverage({ year: 2026, placeId: w.riversideId });
    expect(after.core20WardsReached).toBe(1);
    expect(after.groupsNotReached).not.toContain('Refugees and people seeking asylum');
    expect(after.people).toBe(24);
    const saved = await outreach.get(w.viewers.staff, id);
    expect(saved.placeId).toBe(w.riversideId);
    expect(saved.languages).toEqual(['Somali', 'Arabic']);
    const lastYear = await outreach.coverage({ year: 2025, placeId: w.riversideId });
    expect(lastYear.activities).toBe(0);
    const audit = await w.t.services.audit.list({ entityId: id, page: 1 });
    expect(audit.entries.map((e) => e.action)).toContain('outreach.record');
  });

  it('refuses a ward outside the place chosen, and a missing community', async () => {
    const wardCode = await core20WardOf(w.t, 'Riverside City');
    await expect(
      w.t.services.outreach.record(w.viewers.staff, activity({ wardCode, placeId: w.northshireId })),
    ).rejects.toThrow(FormError);
    await expect(
      w.t.services.outreach.record(w.viewers.staff, activity({ communities: [] })),
    ).rejects.toThrow(FormError);
  });

  it('keeps members to their own organisation’s activities', async () => {
    const { outreach } = w.t.services;
    const id = await outreach.record(w.viewers.member, activity({ organisationId: w.organisations.theirs }));
    const saved = await outreach.get(w.viewers.member, id);
    expect(saved.organisationId).toBe(w.organisations.ours);
    await expect(outreach.get(w.viewers.otherMember, id)).rejects.toThrow(NotFoundError);
    const theirList = await outreach.list(w.viewers.otherMember);
    expect(theirList.map((a) => a.id)).not.toContain(id);
  });

  it('raises what was heard as insight, and staff agree follow-ups as shared actions', async () => {
    const { outreach, insights } = w.t.services;
    const id = await outreach.record(w.viewers.member, activity());
    const insightId = await outreach.raiseInsight(w.viewers.member, id, {
      title: 'Phone booking shuts people out',
      description: 'People who speak little English cannot use the phone menu.',
      peopleAffected: 'some',
    });
    const item = await insights.get(w.viewers.member, insightId);
    expect(item.organisationId).toBe(w.organisations.ours);
    expect(item.communities).toContain('People who speak little or no English');
    const followUp = {
      title: 'Offer booking at the drop-in',
      description: 'Reception staff attend the next drop-in',
      ownerRoleLabel: 'Practice manager lead',
      directorate: 'Primary care',
      dueDate: '2026-09-01',
    };
    await expect(outreach.addFollowUp(w.viewers.member, id, followUp)).rejects.toThrow(ForbiddenError);
    const actionId = await outreach.addFollowUp(w.viewers.staff, id, followUp);
    const detail = await outreach.get(w.viewers.staff, id);
    expect(detail.insights.map((i) => i.id)).toEqual([insightId]);
    expect(detail.actions.map((a) => a.id)).toEqual([actionId]);
  });
});

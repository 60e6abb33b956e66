import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser } from '../../../test/factories.ts';
import type { Actor } from '../audit/audit.ts';
import { FormError } from '../shared/errors.ts';
import { ehiaGroups, ehiaSections, isUnmitigated, sectionStatus } from './impact-assessment.ts';

describe('EHIA rules', () => {
  it('covers the nine protected characteristics and the Core20PLUS5 clinical areas', () => {
    expect(ehiaSections[0]!.groups).toHaveLength(9);
    expect(ehiaGroups.filter((g) => g.clinical)).toHaveLength(10);
    expect(new Set(ehiaGroups.map((g) => g.key)).size).toBe(ehiaGroups.length);
  });

  it('flags a negative impact until it has a written mitigation or an action', () => {
    const negative = { groupKey: 'age', impact: 'negative' as const, evidence: 'e', mitigation: null };
    expect(isUnmitigated(negative, [])).toBe(true);
    expect(isUnmitigated({ ...negative, mitigation: 'Phone line' }, [])).toBe(false);
    const action = { groupKey: 'age', targetType: 'action' as const, targetId: 'a', title: 'A' };
    expect(isUnmitigated(negative, [action])).toBe(false);
    expect(isUnmitigated(negative, [{ ...action, groupKey: 'race' }])).toBe(true);
    expect(isUnmitigated({ ...negative, impact: 'unknown' }, [])).toBe(false);
  });

  it('marks a section complete only when every group in it is assessed', () => {
    const section = ehiaSections[0]!;
    expect(sectionStatus(section, new Set())).toBe('not_started');
    expect(sectionStatus(section, new Set(['age']))).toBe('in_progress');
    expect(sectionStatus(section, new Set(section.groups.map((g) => g.key)))).toBe('completed');
  });
});

describeEachDatabase('impact assessments', (current) => {
  let t: TestApp;
  let staff: Actor;
  let id = '';

  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const user = await makeUser(t.services, 'staff');
    staff = { id: user.id, label: user.name };
    id = await t.services.initiatives.create(staff, {
      title: 'Online self-referral',
      service: 'Physiotherapy',
      summary: 'Refer yourself online.',
      decisionDate: '2030-08-01',
    });
  });

  it('asks for evidence, and lets only clinical areas be "not relevant"', async () => {
    const save = (key: string, input: Record<string, string>) =>
      t.services.impactAssessments.saveGroup(staff, id, key, input);
    await expect(save('age', { impact: 'negative' })).rejects.toSatisfy(
      (e: FormError) => e.errors[0]!.field === 'evidence',
    );
    await expect(save('race', { impact: 'not_relevant' })).rejects.toBeInstanceOf(FormError);
    await save('cancer', { impact: 'not_relevant' });
    await expect(save('nonsense', { impact: 'neutral' })).rejects.toThrow('No such group');
  });

  it('links evidence from insight, and flags an unmitigated negative impact until an action is agreed', async () => {
    const insightId = await t.services.insights.submitPublic({
      title: 'Online forms are hard for older people',
      description: 'd',
      peopleAffected: 'some',
      wantsReply: 'no',
      communities: ['Older people'],
    });
    await t.services.impactAssessments.saveGroup(staff, id, 'age', {
      impact: 'negative',
      evidence: 'Older people use the internet less.',
      insightIds: [insightId, 'not-a-real-id'],
    });
    const group = await t.services.impactAssessments.group(id, 'age');
    expect(group.links.map((l) => [l.targetType, l.title])).toEqual([
      ['insight', 'Online forms are hard for older people'],
    ]);
    expect((await t.services.initiatives.flagged()).map((i) => i.id)).toEqual([id]);
    const viewer = { id: staff.id!, name: staff.label, role: 'staff' as const, organisationId: null };
    expect((await t.services.initiatives.list(viewer))[0]!.flagged).toBe(true);

    const actionId = await t.services.impactAssessments.addMitigationAction(staff, id, 'age', {
      title: 'Staff the phone line until 8pm',
      description: 'For people who cannot use the form.',
      ownerRoleLabel: 'Service manager',
      directorate: 'Physiotherapy',
      dueDate: '2030-07-01',
    });
    const action = await t.services.actions.get(actionId);
    expect(action.links).toEqual([{ targetType: 'advice', targetId: id }]);
    expect(await t.services.initiatives.flagged()).toEqual([]);
    const overview = await t.services.impactAssessments.overview(id);
    expect(overview.flaggedGroups).toEqual([]);
    expect(overview.sections[0]!.status).toBe('in_progress');
  });

  it('signs off only when every group is assessed and the engagement is recorded', async () => {
    const signOff = {
      signedOffBy: 'Priya',
      signedOffRole: 'Head of EDI',
      signedOffOn: '2030-07-10',
      reviewDate: '2031-07-10',
    };
    await expect(t.services.impactAssessments.signOff(staff, id, signOff)).rejects.toSatisfy(
      (e: FormError) => e.errors.length === 2,
    );
    for (const group of ehiaGroups.filter((g) => g.key !== 'age' && g.key !== 'cancer')) {
      await t.services.impactAssessments.saveGroup(staff, id, group.key, {
        impact: 'neutral',
        evidence: 'No difference expected.',
      });
    }
    await t.services.impactAssessments.saveEngagement(staff, id, { engagement: 'Partnership meeting.' });
    await expect(
      t.services.impactAssessments.signOff(staff, id, { ...signOff, reviewDate: '2030-07-01' }),
    ).rejects.toBeInstanceOf(FormError);
    await t.services.impactAssessments.signOff(staff, id, signOff);
    const overview = await t.services.impactAssessments.overview(id);
    expect([overview.groupsDone, overview.signOffStatus, overview.assessment?.reviewDate]).toEqual([
      true,
      'completed',
      '2031-07-10',
    ]);
  });
});

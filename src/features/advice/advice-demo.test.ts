import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp } from '../../../test/test-app.ts';
import { makeUser } from '../../../test/factories.ts';
import { systemActor } from '../audit/audit.ts';
import { loadAdviceDemo } from './advice-demo.ts';

describeEachDatabase('advice demo data', (current) => {
  it('loads initiatives in every state, one EHIA signed off and one flagged', async () => {
    const t = await buildTestApp(current().handle);
    const organisation = await t.services.organisations.create(systemActor, {
      name: 'Northfields Community Association',
      kind: 'community_group',
    });
    await t.services.organisations.create(systemActor, { name: 'Traveller Support Hub', kind: 'vcse' });
    const staff = await makeUser(t.services, 'staff');
    await makeUser(t.services, 'member', { organisationId: organisation.id });
    const actor = { id: staff.id, label: staff.name };
    for (const date of ['2020-01-10', '2099-01-10']) {
      await t.services.meetings.create(actor, {
        title: `Meeting ${date}`,
        date,
        startTime: '14:00',
        endTime: '16:00',
        location: 'Room 1',
      });
    }
    await loadAdviceDemo({
      db: current().handle.db,
      clock: t.services.clock,
      accounts: t.services.accounts,
      organisations: t.services.organisations,
    });
    const viewer = { id: staff.id, name: staff.name, role: 'staff' as const, organisationId: null };
    const list = await t.services.initiatives.list(viewer);
    expect(list.map((i) => i.stage).sort()).toEqual(['advice_given', 'open', 'preparing', 'published']);
    const flagged = list.filter((i) => i.flagged).map((i) => i.stage);
    expect(flagged).toEqual(['open']);
    expect(list.find((i) => i.stage === 'open')!.organisationsAnswered).toBe(2);
    const published = list.find((i) => i.stage === 'published')!;
    const overview = await t.services.impactAssessments.overview(published.id);
    expect([overview.groupsDone, overview.signOffStatus, overview.flaggedGroups.length]).toEqual([
      true,
      'completed',
      0,
    ]);
    expect((await t.services.accountability.page({})).advice.map((a) => a.title)).toEqual([published.title]);
    expect((await t.services.advice.decisions()).map((d) => d.dutySection)).toEqual(['s242']);
    const withMeetings = list.filter((i) => i.stage === 'open' || i.stage === 'advice_given');
    for (const i of withMeetings)
      expect((await t.services.initiatives.get(viewer, i.id)).agenda).toHaveLength(1);
  });
});

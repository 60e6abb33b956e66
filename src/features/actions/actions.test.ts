import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser } from '../../../test/factories.ts';
import type { Actor } from '../audit/audit.ts';
import { FormError } from '../shared/errors.ts';
import { reminderKind } from './action.ts';

describe('reminder days', () => {
  it('reminds a week and a day before, on the day, the day after and weekly while overdue', () => {
    const due = '2030-03-10';
    const kinds = [
      '2030-03-03',
      '2030-03-05',
      '2030-03-09',
      '2030-03-10',
      '2030-03-11',
      '2030-03-12',
      '2030-03-18',
    ].map((d) => reminderKind(due, d));
    expect(kinds).toEqual(['before', null, 'before', 'due', 'after', null, 'after']);
  });
});

describeEachDatabase('actions', (current) => {
  let t: TestApp;
  let actor: Actor;
  let ownerId: string;
  const input = (dueDate: string) => ({
    title: 'Hearing loops at reception',
    description: 'Fit loops',
    ownerUserId: ownerId,
    ownerRoleLabel: 'Head of Estates',
    directorate: 'Estates',
    dueDate,
  });
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const owner = await makeUser(t.services, 'staff');
    ownerId = owner.id;
    actor = { id: owner.id, label: owner.name };
    t.clock.now = new Date('2030-03-11T09:00:00Z');
  });

  it('creates, links, updates and completes an action, auditing each change', async () => {
    const action = await t.services.actions.create(actor, input('2030-06-30'), [
      { targetType: 'eds_outcome', targetId: 'outcome-1a' },
    ]);
    expect(action.links).toEqual([{ targetType: 'eds_outcome', targetId: 'outcome-1a' }]);
    await t.services.actions.addUpdate(actor, action.id, { body: 'Quotes requested' });
    await expect(
      t.services.actions.changeStatus(actor, action.id, { status: 'not_possible' }),
    ).rejects.toThrow(FormError);
    await t.services.actions.changeStatus(actor, action.id, { status: 'done' });
    const done = await t.services.actions.get(action.id);
    expect([done.status, done.updates[0]!.body, done.completedAt]).toEqual([
      'done',
      'Quotes requested',
      t.clock.now.toISOString(),
    ]);
    const audit = await t.services.audit.list({ entityId: action.id, page: 1 });
    expect(audit.entries.map((e) => e.action).sort()).toEqual([
      'action.create',
      'action.status',
      'action.update',
    ]);
    expect(
      (await t.services.actions.list({ linkedTo: { targetType: 'eds_outcome', targetId: 'outcome-1a' } }))
        .length,
    ).toBe(1);
  });

  it('refuses a member as owner and a publishable action without a public summary', async () => {
    const member = await makeUser(t.services, 'member');
    await expect(
      t.services.actions.create(actor, { ...input('2030-06-30'), ownerUserId: member.id }),
    ).rejects.toThrow(FormError);
    await expect(
      t.services.actions.create(actor, { ...input('2030-06-30'), publishable: true }),
    ).rejects.toThrow(FormError);
    await expect(t.services.actions.create(actor, { ...input('2030-02-30') })).rejects.toThrow(FormError);
  });

  it('finds overdue actions and reminds owners once a day', async () => {
    const overdue = await t.services.actions.create(actor, input('2030-03-10'));
    expect((await t.services.actions.list({ overdue: true, ownerId })).map((a) => a.id)).toEqual([
      overdue.id,
    ]);
    const first = await t.services.notifications.remindActionOwners();
    const second = await t.services.notifications.remindActionOwners();
    expect(first.sent).toBe(1);
    expect(second).toEqual({ sent: 0, alreadySentToday: 1 });
    expect(t.mailer.sent.at(-1)!.subject).toContain('overdue');
    t.clock.now = new Date('2030-03-18T09:00:00Z');
    expect((await t.services.notifications.remindActionOwners()).sent).toBe(1);
  });
});

import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser } from '../../../test/factories.ts';
import { systemActor } from '../audit/audit.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import type { InsightViewer } from './insight.ts';
import { guardCell } from './insight-csv.ts';

const fields = {
  title: 'Long waits for wheelchair transport',
  description: 'People wait three hours after discharge',
  peopleAffected: 'many',
  communities: ['Disabled people', 'Older people'],
};

describeEachDatabase('insight', (current) => {
  let t: TestApp;
  let staff: InsightViewer;
  let member: InsightViewer;
  let outsider: InsightViewer;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const ours = await t.services.organisations.create(systemActor, { name: 'Ours', kind: 'vcse' });
    const theirs = await t.services.organisations.create(systemActor, { name: 'Theirs', kind: 'vcse' });
    const view = (u: Awaited<ReturnType<typeof makeUser>>): InsightViewer => ({
      id: u.id,
      name: u.name,
      role: u.role,
      organisationId: u.organisationId,
    });
    staff = view(await makeUser(t.services, 'staff'));
    member = view(await makeUser(t.services, 'member', { organisationId: ours.id }));
    outsider = view(await makeUser(t.services, 'member', { organisationId: theirs.id }));
  });

  it('stores no identity for an anonymous public submission', async () => {
    const id = await t.services.insights.submitPublic({
      ...fields,
      wantsReply: 'no',
      replyEmail: 'x@example.org',
      replyName: 'X',
    });
    const item = await t.services.insights.get(staff, id);
    expect([item.submittedBy, item.organisationId, item.replyEmail, item.replyName]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(item.source).toBe('public');
    const audit = await t.services.audit.list({ entityId: id, page: 1 });
    expect(audit.entries[0]!.actorId).toBeNull();
  });

  it('asks the public for an e-mail only when they want a reply', async () => {
    await expect(t.services.insights.submitPublic({ ...fields, wantsReply: 'yes' })).rejects.toThrow(
      FormError,
    );
  });

  it('scopes members to their own organisation and refuses them triage', async () => {
    const id = await t.services.insights.submit(member, { ...fields, wantsReply: 'no' });
    expect((await t.services.insights.get(member, id)).organisationId).toBe(member.organisationId);
    await expect(t.services.insights.get(outsider, id)).rejects.toThrow(NotFoundError);
    await expect(t.services.insights.edit(outsider, id, fields)).rejects.toThrow(NotFoundError);
    await expect(
      t.services.insights.triage(member, id, { status: 'under_review', publishable: 'no' }),
    ).rejects.toThrow(ForbiddenError);
    const listed = await t.services.insights.list(outsider, { page: 1 });
    expect(listed.items.map((i) => i.id)).not.toContain(id);
  });

  it('follows the triage path, needs a public reason for no action, and e-mails the submitter', async () => {
    const id = await t.services.insights.submitPublic({
      ...fields,
      wantsReply: 'yes',
      replyEmail: 'Reply@Example.org',
    });
    await expect(
      t.services.insights.triage(staff, id, { status: 'closed', publishable: 'no' }),
    ).rejects.toThrow(/cannot move/);
    await t.services.insights.triage(staff, id, { status: 'under_review', publishable: 'no' });
    await expect(
      t.services.insights.triage(staff, id, { status: 'no_action', publishable: 'no' }),
    ).rejects.toThrow(FormError);
    await t.services.insights.triage(staff, id, {
      status: 'no_action',
      noActionReason: 'Covered by a national review',
      publishable: 'no',
    });
    const mails = t.mailer.sent.filter((m) => m.to === 'reply@example.org');
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain('Covered by a national review');
    await t.services.insights.triage(staff, id, { status: 'closed', publishable: 'no' });
    expect((await t.services.insights.get(staff, id)).replyEmail).toBeNull();
  });

  it('agrees a linked action and moves the item to action agreed', async () => {
    const id = await t.services.insights.submit(member, { ...fields, wantsReply: 'yes' });
    await t.services.insights.triage(staff, id, { status: 'under_review', publishable: 'no' });
    const actionId = await t.services.insights.agreeAction(staff, id, {
      title: 'Book transport at admission',
      description: 'd',
      ownerRoleLabel: 'Discharge Lead',
      directorate: 'Operations',
      dueDate: '2031-01-31',
    });
    expect((await t.services.insights.get(member, id)).status).toBe('action_agreed');
    const linked = await t.services.actions.list({ linkedTo: { targetType: 'insight', targetId: id } });
    expect(linked.map((a) => a.id)).toEqual([actionId]);
    const memberEmail = (await t.services.accounts.get(member.id)).email;
    expect(t.mailer.sent.filter((m) => m.to === memberEmail).at(-1)!.text).toContain('action agreed');
  });

  it('links related items by reference and filters by theme, community and search', async () => {
    const a = await t.services.insights.submit(member, {
      ...fields,
      title: 'Parking for blue badge holders',
      wantsReply: 'no',
    });
    const b = await t.services.insights.submit(member, {
      ...fields,
      title: 'Blue badge bays full',
      wantsReply: 'no',
    });
    const item = await t.services.insights.get(staff, b);
    await t.services.insights.relate(staff, a, { relatedReference: item.reference });
    expect((await t.services.insights.related(staff, b)).map((r) => r.id)).toEqual([a]);
    await expect(t.services.insights.relate(staff, a, { relatedReference: 'HEP-ZZZZZZ' })).rejects.toThrow(
      FormError,
    );
    const transport = (await t.services.insights.themes()).find((th) => th.name === 'Transport')!;
    await t.services.insights.triage(staff, a, {
      status: 'under_review',
      themeIds: [transport.id],
      publishable: 'no',
    });
    expect((await t.services.insights.list(staff, { themeId: transport.id })).items.map((i) => i.id)).toEqual(
      [a],
    );
    expect((await t.services.insights.list(staff, { q: 'BLUE BADGE' })).total).toBe(2);
    expect((await t.services.insights.list(staff, { community: 'Disabled people' })).total).toBeGreaterThan(
      2,
    );
  });

  it('guards CSV cells that spreadsheets would run as formulas', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(guardCell(bad)).toBe(`'${bad}`);
    expect(guardCell('plain')).toBe('plain');
  });
});

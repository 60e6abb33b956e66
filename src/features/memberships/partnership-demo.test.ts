import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';

const staffView = { id: 'demo-check', name: 'Check', role: 'staff' as const, organisationId: null };

describeEachDatabase('partnership demo data', (current) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    await t.services.demo.load();
  }, 120_000);

  // Other features' demos (outreach, imported comments) add issues of their own, so at least 60.
  it('loads 15 member organisations, 60 issues, 25 actions and 4 meetings', async () => {
    expect(await t.services.organisations.directory({ listedOnly: false })).toHaveLength(15);
    const { total, items } = await t.services.insights.list(staffView, { page: 1 });
    expect(total).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((i) => i.status)).size).toBeGreaterThan(2);
    const linked = new Map<string, Awaited<ReturnType<typeof t.services.actions.list>>[number]>();
    const pages = Math.ceil(total / items.length);
    for (let page = 1; page <= pages; page++) {
      for (const item of (await t.services.insights.list(staffView, { page })).items) {
        for (const a of await t.services.actions.list({
          linkedTo: { targetType: 'insight', targetId: item.id },
        })) {
          linked.set(a.id, a);
        }
      }
    }
    const actions = [...linked.values()];
    expect(actions).toHaveLength(25);
    expect(actions.some((a) => a.overdue)).toBe(true);
    expect(actions.some((a) => a.status === 'done')).toBe(true);
    expect(await t.services.meetings.list({ managesMeetings: true })).toHaveLength(4);
  });

  it('publishes some records on "you said, we did" and sends no e-mail', async () => {
    const page = await t.services.accountability.page({});
    expect(page.records.length).toBeGreaterThan(10);
    expect(page.records.some((r) => r.actions.length > 0)).toBe(true);
    expect(t.mailer.sent.filter((m) => m.subject.startsWith('Update on'))).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser } from '../../../test/factories.ts';
import type { InsightViewer } from '../insights/insight.ts';
import { parseQuarter } from './accountability.ts';

describe('quarters', () => {
  it('reads a quarter key and defaults to the current quarter', () => {
    expect(parseQuarter('2030-Q2', '2031-01-01')).toMatchObject({
      from: '2030-04-01',
      to: '2030-07-01',
      label: 'April to June 2030',
    });
    expect(parseQuarter('nonsense', '2030-11-05').key).toBe('2030-Q4');
  });
});

describeEachDatabase('you said, we did', (current) => {
  let t: TestApp;
  let staff: InsightViewer;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const user = await makeUser(t.services, 'staff', { name: 'Private Person' });
    staff = { id: user.id, name: user.name, role: 'staff', organisationId: null };
  });

  it('shows only publishable records, by role not person, and only publishable actions', async () => {
    const base = {
      description: 'Raw text with a name: Mrs Example',
      peopleAffected: 'few',
      wantsReply: 'no',
      service: 'Maternity',
      place: 'Eastgate',
      communities: ['Men'],
    };
    const shown = await t.services.insights.submitPublic({ ...base, title: 'Shown' });
    const hidden = await t.services.insights.submitPublic({ ...base, title: 'Hidden' });
    await t.services.insights.triage(staff, shown, {
      status: 'under_review',
      publicSummary: 'Anonymised summary',
      publishable: 'yes',
    });
    await t.services.insights.triage(staff, hidden, {
      status: 'under_review',
      publicSummary: 'Not for the public',
      publishable: 'no',
    });
    const action = {
      description: 'd',
      ownerUserId: staff.id,
      ownerRoleLabel: 'Head of Midwifery',
      directorate: 'Women',
      dueDate: '2031-01-01',
    };
    await t.services.insights.agreeAction(staff, shown, {
      ...action,
      title: 'Public action',
      publishable: 'yes',
      publicSummary: 'We changed it',
    });
    await t.services.insights.agreeAction(staff, shown, { ...action, title: 'Internal action' });
    const page = await t.services.accountability.page({
      service: 'Maternity',
      place: 'Eastgate',
      community: 'Men',
    });
    expect(page.records.map((r) => r.youSaid)).toEqual(['Anonymised summary']);
    const json = JSON.stringify(page.records);
    expect(json).not.toContain('Mrs Example');
    expect(json).not.toContain('Private Person');
    expect(json).not.toContain('Internal action');
    expect(page.records[0]!.actions.map((a) => [a.summary, a.responsible])).toEqual([
      ['We changed it', 'Head of Midwifery'],
    ]);
    expect(page.services).toEqual(['Maternity']);
    expect(
      (await t.services.accountability.page({ community: 'Carers that do not exist' })).records,
    ).toHaveLength(1);
    expect((await t.services.accountability.page({ service: 'Cardiology' })).records).toHaveLength(0);
    const quarter = await t.services.accountability.quarter(undefined);
    expect([quarter.received, quarter.records.length]).toEqual([2, 1]);
  });
});

import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser } from '../../../test/factories.ts';
import type { Actor } from '../audit/audit.ts';
import { FormError } from '../shared/errors.ts';

const application = {
  organisationName: 'Harbour Lane Bangladeshi Elders',
  kind: 'community_group',
  description: 'Lunch club and health talks',
  communities: ['Older people', 'Ethnic minority communities'],
  places: 'Eastgate, Highcross',
  languages: 'Bengali; Sylheti',
  contactName: 'Rahima Begum',
  contactRole: 'Chair',
  contactEmail: 'Rahima@Example.org',
  listedPublicly: 'yes',
};

describeEachDatabase('memberships', (current) => {
  let t: TestApp;
  let actor: Actor;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const staff = await makeUser(t.services, 'staff');
    actor = { id: staff.id, label: staff.name };
  });

  it('approves an application: creates the organisation and invites the contact', async () => {
    const applied = await t.services.memberships.apply(application);
    expect(t.mailer.sent.at(-1)!.to).toBe('rahima@example.org');
    const result = await t.services.memberships.approve(actor, applied.id);
    const profile = (await t.services.organisations.profile(result.organisationId))!;
    expect(profile.communities.filter((c) => c.category === 'place').map((c) => c.label)).toEqual([
      'Eastgate',
      'Highcross',
    ]);
    expect(profile.communities.filter((c) => c.category === 'language').map((c) => c.label)).toEqual([
      'Bengali',
      'Sylheti',
    ]);
    expect(profile.representatives.map((r) => r.name)).toEqual(['Rahima Begum']);
    const invited = (await t.services.accounts.list()).find((u) => u.email === 'rahima@example.org')!;
    expect([invited.status, invited.role, invited.organisationId]).toEqual([
      'invited',
      'member',
      result.organisationId,
    ]);
    expect(t.mailer.lastLinkTo('rahima@example.org')).toMatch(/^\/invitations\//);
    await expect(t.services.memberships.approve(actor, applied.id)).rejects.toThrow(FormError);
    expect((await t.services.organisations.directory({ listedOnly: true })).map((o) => o.name)).toContain(
      application.organisationName,
    );
  });

  it('declines with a reason that is e-mailed, and lists only groups that agreed', async () => {
    const applied = await t.services.memberships.apply({
      ...application,
      organisationName: 'Private Group',
      contactEmail: 'p@example.org',
      listedPublicly: 'no',
    });
    await expect(t.services.memberships.decline(actor, applied.id, { reason: '' })).rejects.toThrow(
      FormError,
    );
    await t.services.memberships.decline(actor, applied.id, {
      reason: 'We only accept groups working in our area',
    });
    expect(t.mailer.sent.at(-1)!.text).toContain('We only accept groups working in our area');
    expect((await t.services.memberships.get(applied.id)).status).toBe('declined');
    expect(
      (await t.services.organisations.directory({ listedOnly: false })).map((o) => o.name),
    ).not.toContain('Private Group');
  });

  it('rejects an application without communities or places, and a bad website', async () => {
    await expect(
      t.services.memberships.apply({ ...application, communities: [], places: '' }),
    ).rejects.toThrow(FormError);
    await expect(
      t.services.memberships.apply({ ...application, website: 'javascript:alert(1)' }),
    ).rejects.toThrow(FormError);
  });
});

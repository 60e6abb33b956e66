import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../test/test-app.ts';
import { makeUser, testPassword } from '../../test/factories.ts';
import type { Role } from '../features/accounts/account.ts';
import { auditPageSize, systemActor } from '../features/audit/audit.ts';

const adminPages = ['/admin/users', '/admin/users/invite', '/admin/audit'];

describeEachDatabase('administration pages', (current) => {
  let t: TestApp;
  const browsers = {} as Record<Role, Browser>;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    for (const role of ['admin', 'staff', 'member'] as const) {
      const user = await makeUser(t.services, role);
      browsers[role] = new Browser(t.app);
      await browsers[role].signIn(user.email, testPassword);
    }
  });

  it('sends anonymous visitors to sign in, refuses staff and members, and lets admins in', async () => {
    for (const url of adminPages) {
      expect((await new Browser(t.app).get(url)).statusCode).toBe(303);
      expect((await browsers.member.get(url)).statusCode).toBe(403);
      expect((await browsers.staff.get(url)).statusCode).toBe(403);
      expect((await browsers.admin.get(url)).statusCode).toBe(200);
    }
  });

  it('refuses a member posting an invitation directly', async () => {
    const response = await browsers.member.submit(
      '/dashboard',
      { name: 'X', email: 'x@example.org', role: 'admin' },
      '/admin/users/invite',
    );
    expect(response.statusCode).toBe(403);
    expect((await t.services.accounts.list()).some((u) => u.email === 'x@example.org')).toBe(false);
  });

  it('names the page of the audit log in its title when the log has several', async () => {
    for (let i = 0; i <= auditPageSize; i++)
      await t.services.organisations.create(systemActor, { name: `Group ${i}`, kind: 'community_group' });
    const title = async (url: string) =>
      (await browsers.admin.get(url)).body.match(/<title>(.*)<\/title>/)![1];
    expect(await title('/admin/audit')).toMatch(/^Audit log \(page 1 of \d+\) – Parity$/);
    expect(await title('/admin/audit?page=2')).toMatch(/^Audit log \(page 2 of \d+\) – Parity$/);
    expect(await title('/admin/audit?entityType=user&entityId=none')).toBe('Audit log – Parity');
  });

  it('shows navigation for the role', async () => {
    const adminPage = (await browsers.admin.get('/dashboard')).body;
    const memberPage = (await browsers.member.get('/dashboard')).body;
    expect(adminPage).toContain('href="/admin/audit"');
    expect(memberPage).not.toContain('href="/admin/audit"');
  });

  it('invites someone, keeps the typed values on error, and logs the change for the audit page', async () => {
    const bad = await browsers.admin.submit('/admin/users/invite', {
      name: 'Priya Patel',
      email: 'not-an-email',
      role: 'member',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="Priya Patel"');
    expect(bad.body).toContain('Enter an email address in the correct format');

    const ok = await browsers.admin.submit('/admin/users/invite', {
      name: 'Priya Patel',
      email: 'priya@example.org',
      role: 'member',
    });
    expect(ok.headers.location).toBe('/admin/users?invited=1');
    const invited = (await t.services.accounts.list()).find((u) => u.email === 'priya@example.org')!;
    expect(invited.status).toBe('invited');

    const changed = await browsers.admin.submit(`/admin/users/${invited.id}`, {
      name: 'Priya K Patel',
      role: 'staff',
      status: 'active',
    });
    expect(changed.headers.location).toBe('/admin/users?saved=1');
    const audit = (await browsers.admin.get(`/admin/audit?entityType=user&entityId=${invited.id}`)).body;
    expect(audit).toContain('Invited Priya Patel');
    expect(audit).toContain('Changed the account of Priya K Patel');
    expect(audit).toContain('<del>Priya Patel</del>');
  });

  it('escapes what people typed', async () => {
    await browsers.admin.submit('/admin/users/invite', {
      name: '<script>alert(1)</script>',
      email: 'xss@example.org',
      role: 'member',
    });
    const page = (await browsers.admin.get('/admin/users')).body;
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

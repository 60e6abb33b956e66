import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { systemActor } from '../audit/audit.ts';
import { FormError } from '../shared/errors.ts';
import { maxFailedSignIns } from './account.ts';
import { AccountLockedError } from './sign-in.service.ts';

describeEachDatabase('accounts', (current) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    const user = await makeUser(t.services, 'staff');
    const attempt = t.services.accounts.create(systemActor, {
      name: 'Copy',
      email: user.email.toUpperCase(),
      role: 'staff',
      password: testPassword,
    });
    await expect(attempt).rejects.toMatchObject({
      errors: [{ field: 'email', message: 'An account with this email address already exists' }],
    });
  });

  it('reports every invalid field at once', async () => {
    const attempt = t.services.accounts.create(systemActor, {
      name: '',
      email: 'not-an-address',
      role: 'boss',
      password: 'short',
    });
    await expect(attempt).rejects.toBeInstanceOf(FormError);
    const error = (await attempt.catch((e: unknown) => e)) as FormError;
    expect(error.errors.map((e) => e.field)).toEqual(['name', 'email', 'role', 'password']);
  });

  it('locks an account after repeated wrong passwords, even against the right one', async () => {
    const user = await makeUser(t.services, 'member');
    for (let i = 1; i < maxFailedSignIns; i++) {
      await expect(
        t.services.signIn.signIn({ email: user.email, password: 'wrong password!' }),
      ).rejects.toBeInstanceOf(FormError);
    }
    await expect(
      t.services.signIn.signIn({ email: user.email, password: 'wrong password!' }),
    ).rejects.toBeInstanceOf(AccountLockedError);
    await expect(
      t.services.signIn.signIn({ email: user.email, password: testPassword }),
    ).rejects.toBeInstanceOf(AccountLockedError);
    const { entries } = await t.services.audit.list({ entityId: user.id, action: 'sign_in.locked', page: 1 });
    expect(entries).toHaveLength(1);

    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    await expect(
      t.services.signIn.signIn({ email: user.email, password: testPassword }),
    ).resolves.toMatchObject({
      userId: user.id,
    });
    t.clock.now = new Date();
  });

  it('invites by e-mail; the link sets a password once and activates the account', async () => {
    const admin = await makeUser(t.services, 'admin');
    const invited = await t.services.accounts.invite(
      { id: admin.id, label: admin.name },
      { name: 'Nia Newcomer', email: 'nia@example.org', role: 'member' },
    );
    expect(invited.status).toBe('invited');
    const token = t.mailer.lastLinkTo('nia@example.org').split('/').pop()!;
    await expect(
      t.services.signIn.signIn({ email: 'nia@example.org', password: testPassword }),
    ).rejects.toBeInstanceOf(FormError);

    await t.services.credentials.setPassword('invite', token, {
      password: testPassword,
      confirmPassword: testPassword,
    });
    await expect(
      t.services.signIn.signIn({ email: 'nia@example.org', password: testPassword }),
    ).resolves.toBeTruthy();
    await expect(
      t.services.credentials.setPassword('invite', token, {
        password: testPassword,
        confirmPassword: testPassword,
      }),
    ).rejects.toBeInstanceOf(FormError);
  });

  it('resets a password by a single-use, expiring link and ends other sessions', async () => {
    const user = await makeUser(t.services, 'staff');
    const { token: sessionToken } = await t.services.signIn.signIn({
      email: user.email,
      password: testPassword,
    });
    await t.services.credentials.requestReset({ email: user.email });
    const token = t.mailer.lastLinkTo(user.email).split('/').pop()!;
    const newPassword = 'a completely new passphrase';
    await t.services.credentials.setPassword('reset', token, {
      password: newPassword,
      confirmPassword: newPassword,
    });
    expect(await t.services.sessions.resolve(sessionToken)).toBeNull();
    await expect(
      t.services.signIn.signIn({ email: user.email, password: newPassword }),
    ).resolves.toBeTruthy();

    await t.services.credentials.requestReset({ email: user.email });
    const late = t.mailer.lastLinkTo(user.email).split('/').pop()!;
    t.clock.now = new Date(t.clock.now.getTime() + 61 * 60_000);
    expect(await t.services.credentials.userForLink('reset', late)).toBeNull();
    t.clock.now = new Date();
  });

  it('says nothing about addresses without an account', async () => {
    const before = t.mailer.sent.length;
    await t.services.credentials.requestReset({ email: 'nobody@example.org' });
    expect(t.mailer.sent.length).toBe(before);
  });

  it('records who changed an account, with the fields before and after', async () => {
    const admin = await makeUser(t.services, 'admin');
    const user = await makeUser(t.services, 'member', { name: 'Before Name' });
    await t.services.accounts.update({ id: admin.id, label: admin.name }, user.id, {
      name: 'After Name',
      role: 'staff',
      status: 'active',
    });
    const { entries } = await t.services.audit.list({ entityId: user.id, action: 'user.update', page: 1 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: admin.id,
      before: { name: 'Before Name', role: 'member' },
      after: { name: 'After Name', role: 'staff' },
    });
  });

  it('signs a disabled person out at once and refuses their password', async () => {
    const admin = await makeUser(t.services, 'admin');
    const user = await makeUser(t.services, 'member');
    const { token } = await t.services.signIn.signIn({ email: user.email, password: testPassword });
    await t.services.accounts.update({ id: admin.id, label: admin.name }, user.id, {
      name: user.name,
      role: 'member',
      status: 'disabled',
    });
    expect(await t.services.sessions.resolve(token)).toBeNull();
    await expect(
      t.services.signIn.signIn({ email: user.email, password: testPassword }),
    ).rejects.toBeInstanceOf(FormError);
  });

  it('ends a session after two idle hours', async () => {
    const user = await makeUser(t.services, 'staff');
    const { token } = await t.services.signIn.signIn({ email: user.email, password: testPassword });
    expect(await t.services.sessions.resolve(token)).not.toBeNull();
    t.clock.now = new Date(t.clock.now.getTime() + 121 * 60_000);
    expect(await t.services.sessions.resolve(token)).toBeNull();
    t.clock.now = new Date();
  });

  it('never copies password hashes into the audit log', async () => {
    const { entries } = await t.services.audit.list({ page: 1 });
    expect(JSON.stringify(entries)).not.toMatch(/argon2|password_hash|passwordHash/);
  });
});

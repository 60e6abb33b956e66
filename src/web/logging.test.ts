import { Writable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../test/test-app.ts';
import { makeUser, testPassword } from '../../test/factories.ts';
import { buildApp } from './app.ts';
import { redactUrl } from './logging.ts';

it('shows the shape of secret links, never their token or query', () => {
  expect(redactUrl('/password-reset/abc123?x=1')).toBe('/password-reset/:token');
  expect(redactUrl('/invitations/abc123')).toBe('/invitations/:token');
  expect(redactUrl('/admin/audit?action=sign_in')).toBe('/admin/audit');
});

describeEachDatabase('logs', (current) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle, { logLevel: 'info' });
  });

  it('record requests without personal data', async () => {
    let logs = '';
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    const app = await buildApp(t.services, { logStream });
    const user = await makeUser(t.services, 'member', { name: 'Zainab Quraishi' });
    const browser = new Browser(app);
    await browser.signIn(user.email, 'a wrong password');
    await browser.signIn(user.email, testPassword);
    await browser.submit('/password-reset', { email: user.email });
    await browser.get(t.mailer.lastLinkTo(user.email));
    await app.close();

    expect(logs).toContain('"url":"/sign-in"');
    expect(logs).toContain('"url":"/password-reset/:token"');
    expect(logs).not.toContain(user.email);
    expect(logs).not.toContain('Zainab');
    expect(logs).not.toContain(testPassword);
    expect(logs).not.toContain(t.mailer.lastLinkTo(user.email).split('/').pop()!);
    expect(logs).not.toMatch(/remoteAddress|cookie/i);
  });
});

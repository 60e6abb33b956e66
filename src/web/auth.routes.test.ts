import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../test/test-app.ts';
import { makeUser, testPassword } from '../../test/factories.ts';

describeEachDatabase('signing in and out over HTTP', (current) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
  });

  it('signs in with a server-side session cookie, and records sign-in and sign-out', async () => {
    const user = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    const response = await browser.signIn(user.email, testPassword);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/dashboard');
    const cookie = response.cookies.find((c) => c.name === 'parity_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const dashboard = await browser.get('/dashboard');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain(user.name);

    const signedOut = await browser.submit('/dashboard', {}, '/sign-out');
    expect(signedOut.statusCode).toBe(303);
    expect((await browser.get('/dashboard')).headers.location).toMatch(/^\/sign-in/);

    const { entries } = await t.services.audit.list({ entityId: user.id, page: 1 });
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['sign_in', 'sign_out']));
  });

  it('shows the error summary, keeps the e-mail typed, and never echoes the password', async () => {
    const browser = new Browser(t.app);
    const response = await browser.submit('/sign-in', {
      email: 'someone@example.org',
      password: 'not-the-password',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('nhsuk-error-summary');
    expect(response.body).toContain('href="#email"');
    expect(response.body).toContain('Enter a correct email address and password');
    expect(response.body).toContain('value="someone@example.org"');
    expect(response.body).not.toContain('not-the-password');
    expect(response.body).toContain('<title>Error: Sign in – Parity</title>');
  });

  it('refuses a form without a valid CSRF token and changes nothing', async () => {
    const user = await makeUser(t.services, 'member');
    const browser = new Browser(t.app);
    await browser.get('/sign-in');
    const refused = await browser.post('/sign-in', { email: user.email, password: testPassword });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('that form has expired');
    expect(refused.cookies.find((c) => c.name === 'parity_session')).toBeUndefined();
    const forged = await browser.post('/sign-in', {
      _csrf: 'forged-token',
      email: user.email,
      password: testPassword,
    });
    expect(forged.statusCode).toBe(403);
    const { entries } = await t.services.audit.list({ entityId: user.id, action: 'sign_in', page: 1 });
    expect(entries).toHaveLength(0);
  });

  it('throttles sign-in attempts from one address beyond what an office behind one proxy needs', async () => {
    const own = await buildTestApp(current().handle);
    const browser = new Browser(own.app);
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) {
      statuses.push(
        (await browser.submit('/sign-in', { email: `x${i}@example.org`, password: 'wrong' })).statusCode,
      );
    }
    expect(statuses.slice(0, 100)).toEqual(Array(100).fill(400));
    expect(statuses[100]).toBe(429);
  });

  it('resets a forgotten password through the e-mailed link', async () => {
    const user = await makeUser(t.services, 'member');
    const browser = new Browser(t.app);
    const sent = await browser.submit('/password-reset', { email: user.email });
    expect(sent.body).toContain('Check your email');
    const link = t.mailer.lastLinkTo(user.email);
    const mismatch = await browser.submit(link, {
      password: 'long enough password',
      confirmPassword: 'different',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('The passwords do not match');
    const saved = await browser.submit(link, {
      password: 'long enough password',
      confirmPassword: 'long enough password',
    });
    expect(saved.headers.location).toBe('/sign-in?done=password');
    expect((await browser.get(link)).statusCode).toBe(410);
    expect((await browser.signIn(user.email, 'long enough password')).statusCode).toBe(303);
  });

  it('returns people to the page they asked for, but only on this site', async () => {
    const user = await makeUser(t.services, 'admin');
    const browser = new Browser(t.app);
    const page = await browser.get('/admin/audit');
    expect(page.headers.location).toBe('/sign-in?next=%2Fadmin%2Faudit');
    const back = await browser.submit('/sign-in?next=%2Fadmin%2Faudit', {
      email: user.email,
      password: testPassword,
      next: '/admin/audit',
    });
    expect(back.headers.location).toBe('/admin/audit');
    const evil = await new Browser(t.app).submit('/sign-in', {
      email: user.email,
      password: testPassword,
      next: '//evil.example',
    });
    expect(evil.headers.location).toBe('/dashboard');
  });
});

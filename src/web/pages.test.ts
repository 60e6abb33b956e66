import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, createTestDatabase } from '../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../test/test-app.ts';
import { makeUser, testPassword } from '../../test/factories.ts';

describeEachDatabase('public pages and failures', (current, dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
  });

  it('serves the home page with a strict content security policy and no inline script', async () => {
    const response = await new Browser(t.app).get('/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Health Equality Partnership');
    expect(response.body).toContain('Skip to main content');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves the NHS.UK styles without the fonts the policy would block, and links every stylesheet it serves', async () => {
    const browser = new Browser(t.app);
    const page = (await browser.get('/')).body;
    const csp = String((await browser.get('/')).headers['content-security-policy']);
    expect(csp).toContain("font-src 'self'");
    const sheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(sheets.length).toBeGreaterThan(1);
    for (const href of sheets) {
      const sheet = await browser.get(href);
      expect([href, sheet.statusCode]).toEqual([href, 200]);
      expect(String(sheet.headers['content-type'])).toMatch(/^text\/css/);
      // Every url() a stylesheet loads is on this server.
      for (const [, url] of sheet.body.matchAll(/url\(["']?([^)"']+)/g))
        expect(url, href).toMatch(/^(\/|data:)/);
    }
    const nhsuk = sheets.find((h) => h.includes('nhsuk'))!;
    const body = (await browser.get(nhsuk)).body;
    expect(body).toContain('.nhsuk-header');
    expect(body).not.toContain('@font-face');
  });

  it('shows the demonstration banner on every page once demo data is loaded', async () => {
    const browser = new Browser(t.app);
    expect((await browser.get('/')).body).not.toContain('This is demonstration data');
    await t.services.demo.load();
    t.clock.now = new Date(t.clock.now.getTime() + 6_000);
    for (const url of ['/', '/sign-in', '/accessibility', '/no-such-page']) {
      expect((await browser.get(url)).body).toContain(
        'This is demonstration data; all people and figures are synthetic',
      );
    }
  });

  it('answers unknown addresses with the NHS-style 404 page', async () => {
    const response = await new Browser(t.app).get('/no-such-page');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
  });

  it('reports health', async () => {
    const response = await new Browser(t.app).get('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('shows the 500 page, not a stack trace, when the database fails', async () => {
    const broken = await createTestDatabase(dialect);
    const app = await buildTestApp(broken.handle);
    const user = await makeUser(app.services, 'staff');
    const browser = new Browser(app.app);
    await browser.signIn(user.email, testPassword);
    await broken.handle.close();
    const response = await browser.get('/dashboard');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Sorry, there is a problem with the service');
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    expect((await new Browser(app.app).get('/healthz')).statusCode).toBe(503);
    await broken.drop();
  });
});

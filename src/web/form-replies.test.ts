// A form handler answers each request once: the form again with its errors, or where it leads.
// Answering twice is logged by Fastify as "Reply was already sent" (and the second answer is lost).
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../test/test-app.ts';
import { makeUser, testPassword } from '../../test/factories.ts';
import { buildApp } from './app.ts';

const indicatorForm = {
  title: 'People waiting more than two years',
  id: 'waiting-over-104-weeks',
  programme: 'Local',
  area: 'Elective recovery',
  statistic: 'proportion',
  numeratorDescription: 'People waiting more than 104 weeks',
  numeratorConditions: 'wait_weeks > 104',
  denominatorDescription: 'Everyone on the waiting list',
  denominatorConditions: 'wait_weeks present',
  polarity: 'low-is-good',
  unit: '%',
  definition: 'The share of the waiting list that has waited more than two years.',
};

describeEachDatabase('form replies', (current) => {
  let t: TestApp;
  let app: FastifyInstance;
  let logs = '';
  beforeAll(async () => {
    t = await buildTestApp(current().handle, { logLevel: 'info' });
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    app = await buildApp(t.services, { logStream });
  });
  afterAll(async () => {
    await app.close();
    await t.services.analytics.close();
  });

  it('answers a form with mistakes once, and a correct one once', async () => {
    const user = await makeUser(t.services, 'staff');
    const browser = new Browser(app);
    const wrongPassword = await browser.signIn(user.email, 'not the password');
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.headers['set-cookie'] ?? '').not.toContain('parity_session');
    await browser.signIn(user.email, testPassword);

    const wrong = await browser.submit('/analytics/catalogue/new', {
      ...indicatorForm,
      numeratorConditions: 'wait_weeks more than 104',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers.location).toBeUndefined();
    const added = await browser.submit('/analytics/catalogue/new', indicatorForm);
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/analytics/catalogue?added=waiting-over-104-weeks');

    expect(logs).toContain('"url":"/analytics/catalogue/new"');
    expect(logs).not.toContain('Reply was already sent');
    // The log names the status that was sent: the second answer had overwritten it with 303.
    const statuses = logs
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { res?: { statusCode: number } })
      .flatMap((entry) => (entry.res ? [entry.res.statusCode] : []));
    expect(statuses.filter((s) => s === 400)).toHaveLength(2);
  });
});

import { readdirSync } from 'node:fs';
import path from 'node:path';
import XLSX from '@e965/xlsx';
import { beforeAll, expect, it } from 'vitest';
import { makeUser } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { describeEachDatabase } from '../../test/test-db.ts';
import { systemActor } from '../features/audit/audit.ts';
import { EdsClient } from './eds-test-client.test-util.ts';

const pdf = Buffer.from('%PDF-1.7\n%synthetic evidence\n');

describeEachDatabase('EDS pages over HTTP', (current) => {
  let t: TestApp;
  let id: string;
  const c = {} as Record<'admin' | 'lead' | 'member' | 'grader' | 'outsider', EdsClient>;
  const anonymous = () => t.app.inject({ method: 'GET', url: '/eds' });
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const trust = await t.services.organisations.create(systemActor, { name: 'Trust', kind: 'trust' });
    const users = {
      admin: await makeUser(t.services, 'admin'),
      lead: await makeUser(t.services, 'staff', { organisationId: trust.id }),
      member: await makeUser(t.services, 'member'),
      grader: await makeUser(t.services, 'grader'),
      outsider: await makeUser(t.services, 'member'),
    };
    for (const [key, user] of Object.entries(users))
      c[key as keyof typeof c] = await EdsClient.signIn(t.app, t.services, user.email);
    await c.lead.post('/eds/reviews/new', {
      frameworkId: 'eds2022',
      yearLabel: '2025/26',
      level: 'organisation',
      icsName: 'ICS',
      sponsorName: 'Sponsor',
    });
    id = (await t.services.eds.reviews.list())[0]!.id;
    await c.lead.post(`/eds/reviews/${id}/graders`, {
      name: 'Member',
      email: users.member.email,
      constituency: 'patient',
      outcomes: ['1A', '1B'],
    });
    await c.lead.post(`/eds/reviews/${id}/graders`, {
      name: 'Grader',
      email: users.grader.email,
      constituency: 'internal_lead',
      outcomes: '1A',
    });
  });

  it('lets only staff and administrators manage, and sends visitors to sign in', async () => {
    expect((await anonymous()).statusCode).toBe(303);
    const pages = [
      '/eds',
      '/eds/reviews/new',
      `/eds/reviews/${id}`,
      `/eds/reviews/${id}/plan`,
      `/eds/reviews/${id}/graders`,
      `/eds/reviews/${id}/sign-off`,
      `/eds/reviews/${id}/report`,
      `/eds/reviews/${id}/outcomes/1A`,
      `/eds/reviews/${id}/outcomes/1A/evidence/new`,
      `/eds/reviews/${id}/outcomes/1A/actions/new`,
      '/eds/objectives',
      '/eds/workforce',
    ];
    for (const url of pages) {
      expect([url, (await c.admin.get(url)).statusCode]).toEqual([url, 200]);
      expect([url, (await c.lead.get(url)).statusCode]).toEqual([url, 200]);
      expect([url, (await c.member.get(url)).statusCode]).toEqual([url, 403]);
      expect([url, (await c.grader.get(url)).statusCode]).toEqual([url, 403]);
    }
  });

  it("links a review's history of changes only for those who may read the audit log", async () => {
    const history = `/admin/audit?entityType=eds_review&amp;entityId=${id}`;
    expect((await c.lead.get(`/eds/reviews/${id}`)).body).not.toContain('/admin/audit');
    expect((await c.admin.get(`/eds/reviews/${id}`)).body).toContain(history);
    expect((await c.admin.get(history.replace('&amp;', '&'))).statusCode).toBe(200);
  });

  it('shows graders only the outcomes they were invited to grade', async () => {
    expect((await c.member.get('/eds/grading')).body).toContain(`/eds/grading/${id}`);
    expect((await c.member.get(`/eds/grading/${id}`)).body).toContain('1B');
    expect((await c.grader.get(`/eds/grading/${id}`)).body).not.toContain('1B ');
    expect((await c.grader.get(`/eds/grading/${id}/1A`)).statusCode).toBe(200);
    expect((await c.grader.get(`/eds/grading/${id}/1B`)).statusCode).toBe(403);
    expect((await c.outsider.get(`/eds/grading/${id}`)).statusCode).toBe(403);
    expect((await c.lead.get(`/eds/grading/${id}/1A`)).statusCode).toBe(403);
  });

  it('accepts only grades 0 to 3, and saves a grade to come back to', async () => {
    const bad = await c.member.post(`/eds/grading/${id}/1A`, { score: '5', rationale: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select a grade from 0 to 3');
    const ok = await c.member.post(`/eds/grading/${id}/1A`, {
      score: '1',
      rationale: 'Long waits for interpreters',
    });
    expect(ok.headers.location).toBe(`/eds/grading/${id}?saved=1A`);
    expect((await c.member.get(`/eds/grading/${id}/1A`)).body).toContain('Long waits for interpreters');
    await c.grader.post(`/eds/grading/${id}/1A`, { score: '3', rationale: 'All targets met' });
    expect((await c.member.get(`/eds/grading/${id}/1A`)).body).not.toContain('All targets met');
    const outcome = (await c.lead.get(`/eds/reviews/${id}/outcomes/1A`)).body;
    expect(outcome).toContain('the local interests’ grade prevails');
    expect(outcome).toContain('1 – Developing activity');
  });

  it('uploads evidence only with a valid CSRF field before the file', async () => {
    const url = `/eds/reviews/${id}/outcomes/1A/evidence/new`;
    const token = await c.lead.token(url);
    const fields = [
      { name: 'title', value: 'Audit' },
      { name: 'providedBy', value: 'Team' },
    ];
    const file = { name: 'file', filename: 'audit.pdf', data: pdf };
    const uploads = path.join(t.services.config.dataDir, 'eds-evidence');
    const stored = () => {
      try {
        return readdirSync(uploads).length;
      } catch {
        return 0;
      }
    };

    expect((await c.lead.postMultipart(url, [...fields, file])).statusCode).toBe(403);
    expect(
      (await c.lead.postMultipart(url, [...fields, file, { name: '_csrf', value: token }])).statusCode,
    ).toBe(403);
    expect(
      (await c.lead.postMultipart(url, [{ name: '_csrf', value: `${token.slice(1)}x` }, ...fields, file]))
        .statusCode,
    ).toBe(403);
    expect((await c.lead.postMultipart(url, [{ name: '_csrf', value: token }, ...fields])).statusCode).toBe(
      400,
    );
    expect(stored()).toBe(0);

    const disguised = await c.lead.postMultipart(url, [
      { name: '_csrf', value: token },
      ...fields,
      { ...file, data: Buffer.from('MZ program') },
    ]);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.body).toContain('The selected file must be a PDF');

    const ok = await c.lead.postMultipart(url, [{ name: '_csrf', value: token }, ...fields, file]);
    expect(ok.statusCode).toBe(303);
    expect(stored()).toBe(1);
    const evidenceId = (await t.services.eds.evidence.list(id, '1A'))[0]!.id;
    const download = await c.member.get(`/eds/evidence/${evidenceId}/file`);
    expect(download.headers['content-disposition']).toBe('attachment; filename="audit.pdf"');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await c.outsider.get(`/eds/evidence/${evidenceId}/file`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/eds/evidence/${evidenceId}/file` })).statusCode).toBe(
      303,
    );
  });

  it('escapes what people typed', async () => {
    await c.lead.post(
      `/eds/reviews/${id}/outcomes/1B/consensus`,
      { score: '2', agreedBy: '<script>alert(1)</script>', rationale: 'ok' },
      `/eds/reviews/${id}/outcomes/1B`,
    );
    const page = (await c.lead.get(`/eds/reviews/${id}/outcomes/1B`)).body;
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;');
  });

  it('imports workforce figures and names the row and column of each problem', async () => {
    const token = await c.lead.token('/eds/workforce');
    const send = (csv: string) =>
      c.lead.postMultipart('/eds/workforce/import', [
        { name: '_csrf', value: token },
        { name: 'file', filename: 'wres.csv', data: Buffer.from(csv) },
      ]);
    const bad = await send('year,measure,group,cluster,value,base\n2025,appointed,white,,x,\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Row 2, column value: enter a number');
    const ok = await send(
      'year,measure,group,cluster,value,base\n2025,shortlisted,white,,100,\n2025,appointed,white,,30,\n2025,shortlisted,bme,,100,\n2025,appointed,bme,,15,\n',
    );
    expect(ok.headers.location).toBe('/eds/workforce?imported=2025');
    expect((await c.member.get('/eds/workforce/2025')).body).toContain('2.00');
  });

  it('closes, refuses staff a reopening, publishes, and shows the report to the public', async () => {
    await c.lead.post(`/eds/reviews/${id}/close`, {}, `/eds/reviews/${id}`);
    const late = await c.member.post(
      `/eds/grading/${id}/1B`,
      { score: '2', rationale: 'late' },
      `/eds/grading/${id}`,
    );
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('This review is closed');
    expect((await c.lead.post(`/eds/reviews/${id}/reopen`, {}, `/eds/reviews/${id}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/eds/reports/${id}` })).statusCode).toBe(404);

    await c.lead.post(`/eds/reviews/${id}/publish`, {}, `/eds/reviews/${id}`);
    const page = await t.app.inject({ method: 'GET', url: `/eds/reports/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Score 3 out of 33: Undeveloped');
    expect((await t.app.inject({ method: 'GET', url: '/eds/reports' })).body).toContain(`/eds/reports/${id}`);

    const xlsx = await t.app.inject({ method: 'GET', url: `/eds/reports/${id}/report.xlsx` });
    const book = XLSX.read(xlsx.rawPayload);
    expect(book.SheetNames).toEqual(['Summary', 'Ratings', 'Action plan']);
    const ratings = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Ratings!, { header: 1 });
    expect(ratings[1]).toEqual(
      expect.arrayContaining([
        '1A Patients (service users) have required levels of access to the service',
        1,
      ]),
    );
    const ods = await t.app.inject({ method: 'GET', url: `/eds/reports/${id}/report.ods` });
    expect(ods.headers['content-type']).toBe('application/vnd.oasis.opendocument.spreadsheet');

    expect((await c.admin.post(`/eds/reviews/${id}/reopen`, {}, `/eds/reviews/${id}`)).statusCode).toBe(303);
  });
});

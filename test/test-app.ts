import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/config.ts';
import type { DatabaseHandle } from '../src/db/connect.ts';
import type { Email, Mailer } from '../src/features/mail/mail.service.ts';
import { createServices, type Services } from '../src/services.ts';
import { buildApp } from '../src/web/app.ts';
import { temporaryDir } from './temporary-dirs.ts';

/** Keeps sent e-mails in memory so tests can follow the links in them. */
export class MemoryMailer implements Mailer {
  readonly sent: Email[] = [];
  send(email: Email): Promise<void> {
    this.sent.push(email);
    return Promise.resolve();
  }
  describe(): string {
    return 'memory';
  }
  /** The first link to this site in the last e-mail to `to`. */
  lastLinkTo(to: string): string {
    const email = [...this.sent].reverse().find((e) => e.to === to);
    const link = email?.text.match(/https?:\/\/\S+/)?.[0];
    if (!link) throw new Error(`No e-mail with a link was sent to ${to}`);
    return new URL(link).pathname;
  }
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = temporaryDir('parity-data-');
  return {
    ...loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'x'.repeat(40),
    }),
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  mailer: MemoryMailer;
  clock: { now: Date };
}

/** The real app over a real database, with e-mail kept in memory and a clock tests can move. */
export async function buildTestApp(
  database: DatabaseHandle,
  overrides: Partial<Config> = {},
): Promise<TestApp> {
  const mailer = new MemoryMailer();
  const clock = { now: new Date() };
  const services = createServices({
    config: testConfig(overrides),
    database,
    mailer,
    clock: () => clock.now,
  });
  const app = await buildApp(services, { logger: false });
  return { app, services, mailer, clock };
}

/** A browser-like client: keeps cookies, and fills in the CSRF token of the page a form is on. */
export class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.request('GET', url);
  }

  /** Opens `pageUrl`, then posts `fields` to `action` (default: the same URL) with the page's token. */
  async submit(
    pageUrl: string,
    fields: Record<string, string>,
    action = pageUrl,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl);
    const token = csrfTokenIn(page.body);
    return this.post(action, { _csrf: token, ...fields });
  }

  async post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.request('POST', url, new URLSearchParams(fields).toString());
  }

  /** Opens `pageUrl`, then posts a multipart form: the page's token first, the fields, then the files. */
  async upload(
    pageUrl: string,
    fields: Record<string, string>,
    files: { field: string; filename: string; content: string | Buffer }[],
  ): Promise<LightMyRequestResponse> {
    const token = csrfTokenIn((await this.get(pageUrl)).body);
    const boundary = 'parity-test-boundary';
    // Bytes, so that a gzipped file arrives as it is.
    const part = (disposition: string, body: string | Buffer) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n`),
        Buffer.from(body),
        Buffer.from('\r\n'),
      ]);
    const body = Buffer.concat([
      ...Object.entries({ _csrf: token, ...fields }).map(([name, value]) => part(`name="${name}"`, value)),
      ...files.map((f) => part(`name="${f.field}"; filename="${f.filename}"`, f.content)),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    return this.request('POST', pageUrl, body, `multipart/form-data; boundary=${boundary}`);
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.submit('/sign-in', { email, password });
  }

  private async request(
    method: 'GET' | 'POST',
    url: string,
    payload?: string | Buffer,
    contentType = 'application/x-www-form-urlencoded',
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (payload !== undefined) headers['content-type'] = contentType;
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now()))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }
}

export function csrfTokenIn(html: string): string {
  const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!token) throw new Error('The page has no form with a CSRF token');
  return token;
}

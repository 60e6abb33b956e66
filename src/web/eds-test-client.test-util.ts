import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { csrfTokenIn } from '../../test/test-app.ts';
import { testPassword } from '../../test/factories.ts';
import type { Services } from '../services.ts';

export interface Part {
  name: string;
  value?: string;
  filename?: string;
  data?: Buffer;
}

/** Builds a multipart/form-data body with the parts in the order given. */
export function multipartBody(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----parity${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.filename !== undefined
        ? `form-data; name="${part.name}"; filename="${part.filename}"`
        : `form-data; name="${part.name}"`;
    const type = part.filename !== undefined ? 'Content-Type: application/octet-stream\r\n' : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(part.data ?? Buffer.from(part.value ?? ''));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A signed-in client that can also post multipart forms (the shared Browser posts url-encoded ones). */
export class EdsClient {
  private constructor(
    private readonly app: FastifyInstance,
    private readonly cookie: string,
  ) {}

  static async signIn(app: FastifyInstance, services: Services, email: string): Promise<EdsClient> {
    const { token } = await services.signIn.signIn({ email, password: testPassword });
    return new EdsClient(app, `parity_session=${token}`);
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'GET', url, headers: { cookie: this.cookie } });
  }

  async token(pageUrl: string): Promise<string> {
    return csrfTokenIn((await this.get(pageUrl)).body);
  }

  async post(
    url: string,
    fields: Record<string, string | string[]>,
    pageUrl = url,
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    body.append('_csrf', await this.token(pageUrl));
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    return this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  }

  postMultipart(url: string, parts: Part[]): Promise<LightMyRequestResponse> {
    const { payload, contentType } = multipartBody(parts);
    return this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookie, 'content-type': contentType },
      payload,
    });
  }
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActiveSession } from '../../features/sessions/session.ts';
import type { Services } from '../../services.ts';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: ActiveSession | null;
    csrfToken: string;
  }
}

export const sessionCookie = 'parity_session';
const visitorCookie = 'parity_visitor';

export class CsrfError extends Error {
  override readonly name = 'CsrfError';
}

export function cookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}

/**
 * Resolves the server-side session from its cookie, and derives the CSRF token: from the session's
 * secret when signed in, otherwise from a random visitor cookie (signed double-submit).
 */
export function registerRequestContext(app: FastifyInstance, services: Services): void {
  const { sessionSecret, secureCookies } = services.config;
  const tokenFor = (value: string) => createHmac('sha256', sessionSecret).update(value).digest('base64url');

  app.decorateRequest('viewer', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/static/') || request.url.startsWith('/assets/')) return;
    const token = request.cookies[sessionCookie];
    request.viewer = token ? await services.sessions.resolve(token) : null;
    if (token && !request.viewer) reply.clearCookie(sessionCookie, { path: '/' });
    if (request.viewer) {
      request.csrfToken = tokenFor(`session:${request.viewer.csrfSecret}`);
      return;
    }
    let visitor = request.cookies[visitorCookie];
    if (!visitor || !/^[A-Za-z0-9_-]{20,64}$/.test(visitor)) {
      visitor = randomBytes(24).toString('base64url');
      reply.setCookie(visitorCookie, visitor, cookieOptions(secureCookies));
    }
    request.csrfToken = tokenFor(`visitor:${visitor}`);
  });

  app.addHook(
    'preHandler',
    (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
      if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS')
        return done();
      const body = request.body as Record<string, unknown> | undefined;
      const sent = body?._csrf ?? request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, request.csrfToken)) {
        return done(new CsrfError('Missing or wrong CSRF token'));
      }
      done();
    },
  );
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

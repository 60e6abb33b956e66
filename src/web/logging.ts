import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

/** Secret links carry their token in the path; logs show the route shape instead. */
export function redactUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/^\/(password-reset|invitations)\/[^/]+/, '/$1/:token');
}

/** Structured logs with no personal data: no query strings, bodies, cookies, addresses or e-mails. */
export function loggerOptions(
  config: Config,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: FastifyRequest) => ({
        id: request.id,
        method: request.method,
        url: redactUrl(request.url),
      }),
    },
  };
}

// The NHS.UK frontend's stylesheet without its @font-face rules. They load the licensed Frutiger
// font from assets.nhs.uk, which the Content Security Policy (font-src 'self') blocks: every page
// logged four CSP errors and fell back to Arial anyway. Served without them, pages look the same
// (the font stack goes on to Arial) and make no request that must fail.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { nhsukAssetsDir } from './views.ts';

const nhsukStylesheetPath = '/static/nhsuk-frontend.css';

/** The frontend's minified CSS with every @font-face block taken out (they hold no nested braces). */
function withoutFontFaces(css: string): string {
  return css.replace(/@font-face\s*\{[^}]*\}/g, '');
}

export function registerNhsukStylesheet(app: FastifyInstance): void {
  const css = withoutFontFaces(readFileSync(path.join(nhsukAssetsDir, 'nhsuk-frontend.min.css'), 'utf8'));
  app.get(nhsukStylesheetPath, async (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(css),
  );
}

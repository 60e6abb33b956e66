import { createRequire } from 'node:module';
import path from 'node:path';
import nunjucks from 'nunjucks';

const nhsukDist = path.join(
  path.dirname(createRequire(import.meta.url).resolve('nhsuk-frontend/package.json')),
  'dist',
);
export const nhsukAssetsDir = path.join(nhsukDist, 'nhsuk');
export const viewsDir = path.join(import.meta.dirname, 'views');
export const staticDir = path.join(import.meta.dirname, 'static');

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "4 December 2026", in London time, as every page writes a date; empty for none. */
export const formatDate = (iso: string | null | undefined): string =>
  iso ? dateFormat.format(new Date(iso)) : '';

/** Nunjucks over our views and the nhsuk-frontend macros; output is escaped unless marked safe. */
export function createViewEngine(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([viewsDir, nhsukDist]), {
    autoescape: true,
  });
  env.addFilter('dateTime', (iso: string) => (iso ? dateTimeFormat.format(new Date(iso)) : ''));
  env.addFilter('date', formatDate);
  env.addFilter('count', (n: number | null | undefined) =>
    n === null || n === undefined ? '–' : n.toLocaleString('en-GB'),
  );
  // Nunjucks' own capitalize lowercases the rest, which breaks acronyms such as IMD and NHS.
  env.addFilter('sentenceStart', (text: string) =>
    text ? text.charAt(0).toUpperCase() + text.slice(1) : '',
  );
  return env;
}

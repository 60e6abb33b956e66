// Places as staff type them on the geography import form: one place a line, its name, a colon, then
// its local authority codes ("Leicester City: E06000016"). The command line takes the same as JSON.
import type { PlaceConfig } from '../../analytics/geography/model.ts';
import { FormError, type FieldError } from '../../features/shared/errors.ts';

const codePattern = /^[A-Z]\d{8}$/;

/** The places of the form's text; undefined when it is blank. Every wrong line is named at once. */
export function placesFromText(text: string | undefined): PlaceConfig | undefined {
  const lines = (text ?? '').split(/\r?\n/).map((line) => line.trim());
  const places: PlaceConfig = {};
  const lineOf = new Map<string, number>();
  const errors: FieldError[] = [];
  const problem = (n: number, message: string) =>
    errors.push({ field: 'places', message: `Line ${n}: ${message}` });
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!line) return;
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0)).trim();
    const codes = line
      .slice(colon + 1)
      .split(/[,\s]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    if (colon < 0 || !name || codes.length === 0)
      return problem(
        n,
        'write the place’s name, a colon, then its local authority codes, as in Rutland: E06000017',
      );
    if (name.length > 100) return problem(n, 'the place’s name must be 100 characters or fewer');
    const wrong = codes.filter((c) => !codePattern.test(c));
    if (wrong.length)
      return problem(
        n,
        `${wrong.join(', ')} ${wrong.length === 1 ? 'is not a local authority code' : 'are not local authority codes'} (they look like E06000016)`,
      );
    const earlier = lineOf.get(name);
    if (earlier !== undefined) return problem(n, `${name} is named on line ${earlier} already`);
    lineOf.set(name, n);
    places[name] = [...new Set(codes)];
  });
  if (errors.length) throw new FormError(errors);
  return Object.keys(places).length ? places : undefined;
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { frameworkSchema, type Framework } from './framework.ts';

export const frameworksDir = path.join(import.meta.dirname, 'frameworks');

export class FrameworkFileError extends Error {
  override readonly name = 'FrameworkFileError';
}

/** Reads and checks every framework file; a broken file stops start-up with every problem named. */
export function loadFrameworks(dir = frameworksDir): Framework[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const frameworks = files.map((file) =>
    parseFrameworkFile(file, readFileSync(path.join(dir, file), 'utf8')),
  );
  const ids = frameworks.map((f) => f.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new FrameworkFileError(`Two framework files use the id ${duplicate}`);
  return frameworks;
}

export function parseFrameworkFile(file: string, text: string): Framework {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FrameworkFileError(`${file} is not valid JSON`);
  }
  const parsed = frameworkSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new FrameworkFileError(`${file} is not a valid framework:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

let cached: Framework[] | undefined;

/** The frameworks shipped with Parity, read once. */
export function frameworks(): Framework[] {
  cached ??= loadFrameworks();
  return cached;
}

export function frameworkById(id: string): Framework | undefined {
  return frameworks().find((f) => f.id === id);
}

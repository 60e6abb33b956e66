// The indicator catalogue shipped with Parity: JSON files under catalogue/, validated on load.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { indicatorSchema, type IndicatorDefinition } from './schema.ts';

const catalogueDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalogue');

let cached: IndicatorDefinition[] | undefined;

/** Every built-in indicator, in file order; throws naming the file and problem if one is invalid. */
export function builtInIndicators(): IndicatorDefinition[] {
  if (cached) return cached;
  const all: IndicatorDefinition[] = [];
  for (const file of readdirSync(catalogueDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = z
      .array(indicatorSchema)
      .safeParse(JSON.parse(readFileSync(path.join(catalogueDir, file), 'utf8')));
    if (!parsed.success)
      throw new Error(
        `Indicator catalogue ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    all.push(...parsed.data);
  }
  const ids = all.map((i) => i.id);
  const duplicate = ids.find((id, n) => ids.indexOf(id) !== n);
  if (duplicate) throw new Error(`Indicator catalogue: ${duplicate} is defined twice`);
  cached = all;
  return all;
}

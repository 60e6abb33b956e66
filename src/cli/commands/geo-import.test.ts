import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../main.ts';

it('asks for the deprivation file when only a lookup is given, and says why', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-geo-cli-'));
  const err: string[] = [];
  const io = { out: () => undefined, err: (l: string) => err.push(l), env: { DATA_DIR: dir } };
  try {
    expect(await runCli(['geo', 'import', '--lookup', path.join(dir, 'lookup.csv')], io)).toBe(1);
    const message = err.join('\n');
    expect(message).toContain('Give the deprivation file with --imd');
    expect(message).toContain('imported with the deprivation file of their vintage');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../main.ts';
import { captureIO } from '../../../test/cli-io.ts';

it('refuses to compute a dataset that gives no indicator, saying first what each one needs', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-compute-cli-'));
  const { io, out, err } = captureIO({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  try {
    const extract = path.join(dir, 'referrals.csv');
    writeFileSync(extract, 'person_id,lsoa_code,age,sex,event_date\nR1,E01013600,40,F,2024-05-01\n');
    expect(await runCli(['dataset', 'import', extract, '--name', 'Referrals'], io), err.join('\n')).toBe(0);
    out.length = 0;
    err.length = 0;
    expect(await runCli(['indicators', 'compute', '--dataset', 'Referrals'], io)).toBe(1);
    expect(out).toEqual([]);
    const dna = err.findIndex((l) =>
      l.startsWith(
        'Not computed: Outpatient appointments not attended (DNA rate) (did-not-attend) needs a field this dataset does not have: dna',
      ),
    );
    const refusal = err.findIndex((l) =>
      l.includes('Nothing was computed: Referrals can give none of the catalogue'),
    );
    expect(dna).toBeGreaterThanOrEqual(0);
    expect(refusal).toBeGreaterThan(dna);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

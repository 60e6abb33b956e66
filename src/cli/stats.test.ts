import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.ts';

async function runStats(method: string, input: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['stats', method], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: Readable.from([input]),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parity stats', () => {
  it('answers the README example with the reference package field names', async () => {
    const input = {
      params: { groupBy: ['area'], confidence: 0.95, multiplier: 100 },
      rows: [{ area: 'A', x: 12, n: 80 }],
    };
    const { code, out } = await runStats('proportion', JSON.stringify(input));
    expect(code).toBe(0);
    const [row] = (JSON.parse(out) as { rows: Record<string, unknown>[] }).rows;
    expect(row).toMatchObject({
      area: 'A',
      x: 12,
      n: 80,
      value: 15,
      confidence: '95%',
      statistic: 'percentage',
      method: 'Wilson',
    });
    expect(row!.lowercl as number).toBeLessThan(15);
    expect(row!.uppercl as number).toBeGreaterThan(15);
  });

  it('writes plain-English errors to stderr with a non-zero exit', async () => {
    const negative = await runStats('rate', JSON.stringify({ rows: [{ x: -1, n: 10 }] }));
    expect(negative.code).toBe(1);
    expect(negative.err).toContain('greater than or equal to zero');
    expect(negative.out).toBe('');
    expect((await runStats('rate', '{not json')).err).toContain('not valid JSON');
    expect((await runStats('wizardry', '{"rows":[]}')).err).toContain('Unknown method "wizardry"');
    expect((await runStats('rate', '{"rows":{}}')).err).toContain('"rows" must be a list');
  });
});

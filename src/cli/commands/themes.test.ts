import { expect, it } from 'vitest';
import { runCli } from '../main.ts';

function captureIO() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {} }, out, err };
}

it('explains the themes commands and refuses a bad number of folds', async () => {
  const usage = captureIO();
  expect(await runCli(['themes'], usage.io)).toBe(1);
  expect(usage.err.join('\n')).toContain('parity themes evaluate');
  const folds = captureIO();
  expect(await runCli(['themes', 'evaluate', '--folds', '1'], folds.io)).toBe(1);
  expect(folds.err.join('\n')).toContain('--folds must be 2 to 20');
  const missing = captureIO();
  expect(await runCli(['themes', 'evaluate', '--data', '/nonexistent.csv'], missing.io)).toBe(1);
  expect(missing.err.join('\n')).toContain('Could not read the labelled comments');
});

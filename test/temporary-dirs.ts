// Folders the tests make in the system's temporary folder, each removed once its test file has run
// (test/setup.ts), so that a run of the tests leaves nothing behind.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();

/** A new empty folder in the system's temporary folder, named from `prefix`. */
export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder `temporaryDir` has made so far. */
export function removeTemporaryDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

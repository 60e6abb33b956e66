import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { e2eDataDir } from '../../playwright.config.ts';
import { expectAccessible } from './axe.ts';

export type DemoRole = 'admin' | 'staff' | 'member';

/** The demo accounts exactly as `parity start` printed them. */
export function demoCredentials(role: DemoRole): { email: string; password: string } {
  const text = readFileSync(path.join(e2eDataDir, 'demo-credentials.txt'), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(role));
  const match = line?.match(/^\w+\s+(\S+)\s+password: (\S+)$/);
  if (!match) throw new Error(`No demo ${role} in demo-credentials.txt`);
  return { email: match[1]!, password: match[2]! };
}

/** The path of the newest link e-mailed to `to` (messages are .eml files in the outbox). */
export function lastEmailedLink(to: string): string {
  const outbox = path.join(e2eDataDir, 'outbox');
  const files = readdirSync(outbox)
    .map((name) => path.join(outbox, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .reverse();
  for (const file of files) {
    const message = readFileSync(file, 'utf8').replace(/=\r?\n/g, '');
    if (!message.includes(`To: ${to}`)) continue;
    const link = message.match(/https?:\/\/[^\s]+/);
    if (link) return new URL(link[0]).pathname;
  }
  throw new Error(`No e-mail with a link to ${to}`);
}

export async function signIn(page: Page, role: DemoRole, options = { scan: true }): Promise<void> {
  const { email, password } = demoCredentials(role);
  await page.goto('/sign-in');
  if (options.scan) await expectAccessible(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Wait for the session: a page.goto straight after the click can cancel the sign-in while the
  // password is still being checked (seen on a loaded machine).
  await page.waitForURL((url) => url.pathname !== '/sign-in', { timeout: 15_000 });
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
}

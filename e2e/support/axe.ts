import { createHash } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * The markup this worker has scanned, with the size of the window it was scanned in. The same
 * markup in the same window gives the same result, so it is not scanned again: a journey signs in
 * on the same page each time, and goes back to pages it has seen (201 scans took 689 s of the
 * journeys' time in a clean-clone run on a slow machine, 2026-12-07).
 */
const scanned = new Set<string>();

/** The page as it stands, each form's CSRF token left out (it is new for each request). */
const markupOf = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      `${window.innerWidth}x${window.innerHeight} ${document.documentElement.outerHTML.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf"')}`,
  );

/** Every page a journey reaches is scanned against WCAG 2.2 A and AA; the result must be empty. */
export async function expectAccessible(page: Page): Promise<void> {
  const started = Date.now();
  // The NHS header moves navigation links that no longer fit into its "More" menu on the animation
  // frame after a load or resize; scanning before that frame finds white links overflowing onto the
  // white page (a colour-contrast failure no user sees once the frame has run).
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  // Legacy mode runs axe.run in the page itself. The default opens a blank page for every scan to
  // merge per-frame results (only needed for cross-origin frames, which Parity has none of); that
  // doubled each scan's time and brought the longest journeys close to their time limit.
  // Every rule still runs and every violation is reported in full; only passes and the rest are
  // summarised (one node each), which axe otherwise builds a selector for, node by node: 21.4 s
  // against 27.5 s for the 32 scans of the EDS journey. Options first: withTags adds to them.
  const markup = createHash('sha256')
    .update(await markupOf(page))
    .digest('hex');
  if (scanned.has(markup)) {
    console.log('AXE seen', page.url());
    return;
  }
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  console.log('AXE', Date.now() - started, page.url());
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  scanned.add(markup);
}

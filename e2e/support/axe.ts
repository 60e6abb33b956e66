import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every page a journey reaches is scanned against WCAG 2.2 A and AA; the result must be empty. */
export async function expectAccessible(page: Page): Promise<void> {
  // The NHS header moves navigation links that no longer fit into its "More" menu on the animation
  // frame after a load or resize; scanning before that frame finds white links overflowing onto the
  // white page (a colour-contrast failure no user sees once the frame has run).
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  // Legacy mode runs axe.run in the page itself. The default opens a blank page for every scan to
  // merge per-frame results (only needed for cross-origin frames, which Parity has none of); that
  // doubled each scan's time and brought the longest journeys close to their time limit.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

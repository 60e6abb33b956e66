// Server-rendered charts: Observable Plot draws into a linkedom document and we keep the SVG. The
// inline <style> Plot adds is dropped (the CSP forbids it); presentation attributes carry the look.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface ChartText {
  /** Short name read out by screen readers. */
  label: string;
  /** One sentence that says what the chart shows; the data table beside it has every number. */
  description: string;
}

/** The few DOM methods used on linkedom's elements (the project has no DOM typings). */
interface SvgNode {
  tagName: string;
  outerHTML: string;
  querySelector(selector: string): SvgNode | null;
  querySelectorAll(selector: string): Iterable<SvgNode>;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  remove(): void;
}

/** How the SVG is drawn: its text size (in the viewBox's units) and its CSS class. */
export interface ChartLook {
  fontSize: number;
  className: string;
}

const standardLook: ChartLook = { fontSize: 12, className: 'parity-chart' };

export function renderPlot(
  options: Plot.PlotOptions,
  text: ChartText,
  look: ChartLook = standardLook,
): string {
  // Plot's types name the browser's Document, which this server-side project does not declare.
  const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as {
    document: never;
  };
  const chart = Plot.plot({
    ...options,
    document,
    ariaLabel: text.label,
    ariaDescription: text.description,
  }) as unknown as SvgNode;
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
  if (!svg) return '';
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  svg.setAttribute('role', 'img');
  svg.setAttribute('font-family', 'Frutiger W01, Arial, sans-serif');
  svg.setAttribute('font-size', String(look.fontSize));
  svg.setAttribute('class', look.className);
  svg.removeAttribute('style');
  // Without fixed width and height the viewBox lets the chart shrink to a 320px screen.
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  for (const element of [...svg.querySelectorAll('[style]')]) element.removeAttribute('style');
  // The chart is one image to assistive technology; its parts' labels would be prohibited ARIA.
  for (const element of [...svg.querySelectorAll('[aria-label], [aria-description]')]) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
  }
  return svg.outerHTML;
}

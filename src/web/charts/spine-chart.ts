// The overview's spine: for each indicator, a small bar spanning its values across the ten IMD deciles
// of the latest period, worse to the left and better to the right (as Fingertips' spine charts put
// the worst and best areas), with the most deprived tenth as a filled dot, the least deprived as an
// open dot and the overall value as a red line. Each indicator is drawn to its own scale, so the
// spines show where the gap lies, not how large it is against another indicator's. Hand-written SVG
// (a handful of shapes a row; presentation attributes only, as the CSP forbids inline styles).
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';

const width = 200;
const height = 28;
const inset = 8;
const nhsBlue = '#005eb8';
const nhsRed = '#d5281b';
const barGrey = '#aeb7bd';

export interface SpineInput {
  polarity: IndicatorResult['polarity'];
  /** The deciles' published rows, decile 1 (most deprived) first; hidden values are left out. */
  deciles: PublishedRow[];
  overall: number | null;
  /** The values as the page writes them ("13.4%"), for the spoken label. */
  words: { mostDeprived: string; leastDeprived: string; overall: string };
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where a value sits across the spine: worse to the left, better to the right. */
function spineScale(values: number[], polarity: IndicatorResult['polarity']): (value: number) => number {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  // Lower is better, or neither: the highest value (the worse, or simply the larger) sits left.
  const reversed = polarity !== 'high-is-good';
  return (value) => {
    const share = (value - low) / span;
    return inset + (reversed ? 1 - share : share) * (width - 2 * inset);
  };
}

export function decileSpine({ polarity, deciles, overall, words }: SpineInput): string {
  const shown = deciles.filter((d) => d.value !== null);
  const first = shown.find((d) => d.group === '1');
  const last = shown.find((d) => d.group === '10');
  if (shown.length < 2 || !first || !last) return '';
  const values = shown.map((d) => d.value as number);
  const x = spineScale(overall === null ? values : [...values, overall], polarity);
  const decileXs = values.map(x);
  const round = (v: number) => v.toFixed(1);
  const middle = height / 2;
  const orientation =
    polarity === 'no-judgement' ? 'higher values to the left' : 'worse to the left, better to the right';
  const label = `Deprivation deciles: most deprived tenth ${words.mostDeprived}, least deprived tenth ${
    words.leastDeprived
  }${overall === null ? '' : `, overall ${words.overall}`}; ${orientation}.`;
  return [
    `<svg class="parity-spine" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(label)}">`,
    `<rect x="${round(Math.min(...decileXs))}" y="${middle - 5}" width="${round(Math.max(...decileXs) - Math.min(...decileXs))}" height="10" fill="${barGrey}"/>`,
    ...shown
      .filter((d) => d !== first && d !== last)
      .map(
        (d) =>
          `<line x1="${round(x(d.value as number))}" x2="${round(x(d.value as number))}" y1="${middle - 5}" y2="${middle + 5}" stroke="#425563" stroke-width="1"/>`,
      ),
    overall === null
      ? ''
      : `<line x1="${round(x(overall))}" x2="${round(x(overall))}" y1="2" y2="${height - 2}" stroke="${nhsRed}" stroke-width="2"/>`,
    `<circle cx="${round(x(last.value as number))}" cy="${middle}" r="6" fill="#ffffff" stroke="${nhsBlue}" stroke-width="2"/>`,
    `<circle cx="${round(x(first.value as number))}" cy="${middle}" r="6" fill="${nhsBlue}"/>`,
    '</svg>',
  ].join('');
}

/** Text to terms: lower-cased words (1–2-grams) and character n-grams inside word boundaries. */

export interface TermOptions {
  wordNgrams: readonly [number, number];
  charNgrams: readonly [number, number] | null;
}

export const defaultTermOptions: TermOptions = { wordNgrams: [1, 2], charNgrams: [2, 5] };

const contractions: [RegExp, string][] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'m\b/g, ' am'],
];

/** Lower case, curly quotes straightened, contractions expanded, digits folded to 0. */
export function normalise(text: string): string {
  let out = text.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'");
  for (const [pattern, replacement] of contractions) out = out.replace(pattern, replacement);
  return out.replace(/\d/g, '0');
}

export function words(normalised: string): string[] {
  return normalised.match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

function wordGrams(tokens: string[], [min, max]: readonly [number, number], out: string[]): void {
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= tokens.length; i++) out.push(`w ${tokens.slice(i, i + n).join(' ')}`);
  }
}

/** Like scikit-learn's char_wb: n-grams of each word padded with one space either side. */
function charGrams(tokens: string[], [min, max]: readonly [number, number], out: string[]): void {
  for (const token of tokens) {
    const padded = ` ${token} `;
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.push(`c${padded.slice(i, i + n)}`);
      if (n >= padded.length) break;
    }
  }
}

/** Every term of a text, with repeats (the vectoriser counts them). */
export function termsOf(text: string, options: TermOptions = defaultTermOptions): string[] {
  const tokens = words(normalise(text));
  const out: string[] = [];
  wordGrams(tokens, options.wordNgrams, out);
  if (options.charNgrams) charGrams(tokens, options.charNgrams, out);
  return out;
}

// Just enough XML for the parts of an Excel workbook: the elements read (rows, cells, strings) are
// never nested in themselves, so each is matched whole by a regular expression over the text
// inflated so far, and the text after the last complete one waits for the next chunk.
import { StringDecoder } from 'node:string_decoder';

/** Elements may carry a namespace prefix (`<x:row>`), as some writers give them. */
const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

/** Matches `<name …/>` or `<name …>inner</name>`: group 1 the attributes, group 2 the inner XML. */
export function elementPattern(name: string, flags = 'g'): RegExp {
  return new RegExp(`<${PREFIX}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${PREFIX}${name}>)`, flags);
}

/** Text is handed on in pieces of at least this many characters (fewer, larger regex passes). */
const BATCH_CHARS = 1 << 20;

export interface XmlElement {
  attributes: string;
  inner: string;
}

/**
 * The elements called `name` in a stream of XML, in order, in batches (one per megabyte or so of
 * text), with the text before the first of them (`head`) given once, with the first batch.
 */
export async function* elementBatches(
  chunks: AsyncIterable<Buffer>,
  name: string,
): AsyncGenerator<{ head: string | null; elements: XmlElement[] }> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let head: string | null = null;
  let first = true;
  const take = (final: boolean) => {
    const pattern = elementPattern(name);
    const elements: XmlElement[] = [];
    let end = 0;
    for (let m = pattern.exec(pending); m !== null; m = pattern.exec(pending)) {
      if (first && head === null) head = pending.slice(0, m.index);
      elements.push({ attributes: m[1] ?? '', inner: m[2] ?? '' });
      end = pattern.lastIndex;
    }
    if (first && head === null && final) head = pending;
    pending = pending.slice(end);
    const batch = { head: first ? head : null, elements };
    if (elements.length > 0 || final) first = false;
    return batch;
  };
  for await (const chunk of chunks) {
    pending += decoder.write(chunk);
    if (pending.length < BATCH_CHARS) continue;
    const batch = take(false);
    if (batch.elements.length > 0) yield batch;
  }
  pending += decoder.end();
  yield take(true);
}

const attributePatterns = new Map<string, RegExp>();

function attributeByPattern(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const found = pattern.exec(attributes);
  return found ? (found[1] ?? found[2] ?? '') : undefined;
}

/**
 * The raw value of attribute `name` (not decoded: for values that are plain tokens, such as a
 * cell's reference, type and style). Written ` name="…"` nearly always, so that is looked for first.
 */
export function tokenAttribute(attributes: string, name: string): string | undefined {
  const marker = ` ${name}="`;
  const start = attributes.indexOf(marker);
  if (start >= 0) {
    const from = start + marker.length;
    return attributes.slice(from, attributes.indexOf('"', from));
  }
  return attributes.includes(name) ? attributeByPattern(attributes, name) : undefined;
}

/** The value of attribute `name` in an attribute string (either quote), decoded; undefined if absent. */
export function attribute(attributes: string, name: string): string | undefined {
  const value = attributeByPattern(attributes, name);
  return value === undefined ? undefined : decodeXml(value);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML's escape of a character XML cannot hold (`_x000D_` for a carriage return). */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

const codePoint = (n: number): string => (Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : '');

/** A CDATA section, kept by split() as a part of its own. */
const CDATA = /(<!\[CDATA\[[\s\S]*?\]\]>)/;
const decodeOutsideCdata = (part: string): string =>
  part.startsWith('<![CDATA[') ? part.slice(9, -3).replace(/\r\n?/g, '\n') : decodeXml(part);

/**
 * Text of XML with its line ends as XML reads them (a CR LF or a lone CR is a LF; a `&#13;` stays a
 * CR), its entities and OOXML's `_xHHHH_` escapes decoded.
 */
export function decodeXml(text: string): string {
  if (text.includes('<![CDATA[')) return text.split(CDATA).map(decodeOutsideCdata).join('');
  let decoded = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (decoded.includes('&'))
    decoded = decoded.replace(ENTITY, (_m, entity: string) =>
      entity.startsWith('#x')
        ? codePoint(parseInt(entity.slice(2), 16))
        : entity.startsWith('#')
          ? codePoint(Number(entity.slice(1)))
          : (NAMED[entity] ?? ''),
    );
  if (decoded.includes('_x'))
    decoded = decoded.replace(OOXML_ESCAPE, (_m, hex: string) => codePoint(parseInt(hex, 16)));
  return decoded;
}

const PHONETIC = elementPattern('rPh');
const TEXT = elementPattern('t');

/** The text of a string item (`<si>` or `<is>`): its runs' `<t>` put together, phonetic hints left out. */
export function stringItemText(inner: string): string {
  const body = inner.includes('rPh') ? inner.replace(PHONETIC, '') : inner;
  let text = '';
  TEXT.lastIndex = 0;
  for (let m = TEXT.exec(body); m !== null; m = TEXT.exec(body)) text += m[2] ?? '';
  return decodeXml(text);
}

// Text saved as Windows-1252 ("Windows Latin-1": Excel's "CSV (Comma delimited)" on Windows) written
// out again as UTF-8. DuckDB reads ISO-8859-1 but refuses the bytes 0x80 to 0x9F, which Windows-1252
// uses for the euro sign, curly quotation marks and dashes ("Asian – Indian"); and Node 20's
// TextDecoder decodes "windows-1252" as ISO-8859-1. So those bytes are decoded here.
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/**
 * The characters of the bytes 0x80 to 0x9F in Windows-1252 (WHATWG Encoding Standard); the five
 * bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stand for themselves, as there.
 */
// prettier-ignore
const HIGH_CONTROLS = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
];

/** Bytes of Windows-1252 text as a string (each byte one character). */
export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => HIGH_CONTROLS[c.charCodeAt(0) - 0x80]!);
}

/** Writes the Windows-1252 text file `file` (plain or gzipped) to `out` as UTF-8, streaming. */
export async function windows1252ToUtf8(file: string, out: string): Promise<string> {
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decodeWindows1252(chunk), 'utf8'));
    },
  });
  const read = createReadStream(file);
  if (/\.gz$/i.test(file)) await pipeline(read, createGunzip(), decode, createWriteStream(out));
  else await pipeline(read, decode, createWriteStream(out));
  return out;
}

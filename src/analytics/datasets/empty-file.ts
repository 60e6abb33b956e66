// A file with nothing in it (0 bytes, or only spaces and line breaks, as an export that failed or
// was cancelled leaves) is refused in words, instead of being read as one column named "column0"
// that no heading could match.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { SourceFileError } from './source-error.ts';

/** Larger files hold something; only the first bytes of smaller ones are looked at. */
const LOOKED_AT = 4096;

function firstBytes(file: string, size: number): Buffer {
  const bytes = Buffer.alloc(Math.min(size, LOOKED_AT));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The text of a small file, unzipped if it is gzipped; null when it cannot be read as such. */
function smallText(file: string, size: number): string | null {
  const bytes = firstBytes(file, size);
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  try {
    const text = gzipped ? gunzipSync(bytes) : bytes;
    // UTF-16 text has a NUL beside each character of plain text; a byte order mark is no content.
    return text.toString('latin1').replace(/\0/g, '');
  } catch {
    return null;
  }
}

export function isEmptyFile(file: string): boolean {
  const { size } = statSync(file);
  if (size === 0) return true;
  if (size >= LOOKED_AT) return false;
  const text = smallText(file, size);
  return text !== null && /^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*$/.test(text);
}

export function refuseEmptyFile(file: string): void {
  if (isEmptyFile(file))
    throw new SourceFileError(
      'The file is empty: it has no headings and no rows. Export it again, and check that the export had finished before the file was saved or sent.',
    );
}

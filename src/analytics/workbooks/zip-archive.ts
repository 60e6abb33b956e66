// An Excel workbook is a zip archive of XML parts. The archive's directory is read from the end of
// the file, and each part is inflated as a stream when it is read: nothing is held whole.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** A part that could not be inflated: the archive is damaged (or cut short). */
export class DamagedPartError extends Error {
  override readonly name = 'DamagedPartError';
}

export interface ZipArchive {
  /** The part at `name` (case as written, or else any case), or undefined. */
  find(name: string): string | undefined;
  /** The part's size once inflated, in bytes (0 for a part the archive does not have). */
  size(name: string): number;
  /** The part's bytes as they are inflated; stopping early closes the part. */
  stream(name: string): AsyncGenerator<Buffer>;
  text(name: string): Promise<string>;
  close(): void;
}

const openZipFile = (file: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );

async function entriesOf(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName.replace(/^\//, ''), entry);
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** Opens a zip archive; rejects when the file is not one (or is damaged). */
export async function openZip(file: string): Promise<ZipArchive> {
  const zip = await openZipFile(file);
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await entriesOf(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  const lower = new Map([...entries.keys()].map((name) => [name.toLowerCase(), name]));
  const find = (name: string) => (entries.has(name) ? name : lower.get(name.toLowerCase()));
  const opened = (name: string) =>
    new Promise<Readable>((resolve, reject) => {
      const entry = entries.get(find(name) ?? '');
      if (!entry) return reject(new Error(`The archive has no part ${name}`));
      zip.openReadStream(entry, (error, readable) => (error ? reject(error) : resolve(readable)));
    });
  async function* stream(name: string): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of await opened(name)) yield chunk as Buffer;
    } catch (error) {
      throw new DamagedPartError(`The part ${name} could not be read`, { cause: error });
    }
  }
  return {
    find,
    size: (name) => entries.get(find(name) ?? '')?.uncompressedSize ?? 0,
    stream,
    async text(name) {
      const chunks: Buffer[] = [];
      for await (const chunk of stream(name)) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    close: () => zip.close(),
  };
}

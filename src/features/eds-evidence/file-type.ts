/**
 * What an uploaded file really is, judged by its first bytes (its "magic number") rather than by
 * the name or the type the browser claims. The name's extension must agree with the content.
 */
export interface FileKind {
  kind: 'pdf' | 'docx' | 'xlsx' | 'csv' | 'png' | 'jpeg' | 'gif' | 'webp';
  mime: string;
  extensions: string[];
}

export const maxUploadBytes = 10 * 1024 * 1024;

const kinds: Record<FileKind['kind'], FileKind> = {
  pdf: { kind: 'pdf', mime: 'application/pdf', extensions: ['pdf'] },
  docx: {
    kind: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    kind: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  csv: { kind: 'csv', mime: 'text/csv', extensions: ['csv'] },
  png: { kind: 'png', mime: 'image/png', extensions: ['png'] },
  jpeg: { kind: 'jpeg', mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { kind: 'gif', mime: 'image/gif', extensions: ['gif'] },
  webp: { kind: 'webp', mime: 'image/webp', extensions: ['webp'] },
};

const startsWith = (data: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Office Open XML files are ZIP archives; the part names (stored as plain text) say which kind. */
function officeKind(data: Buffer): FileKind | undefined {
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return undefined;
  const text = data.toString('latin1');
  if (!text.includes('[Content_Types].xml')) return undefined;
  if (text.includes('word/document.xml')) return kinds.docx;
  if (text.includes('xl/workbook.xml')) return kinds.xlsx;
  return undefined;
}

/** CSV has no magic number: it must be UTF-8 text with no control characters but tab and line ends. */
function isCsvText(data: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return ![...text].some((c) => {
      const code = c.charCodeAt(0);
      return (code < 32 && c !== '\t' && c !== '\n' && c !== '\r') || code === 127;
    });
  } catch {
    return false;
  }
}

function detectByContent(data: Buffer, extension: string): FileKind | undefined {
  if (startsWith(data, ascii('%PDF-'))) return kinds.pdf;
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return kinds.png;
  if (startsWith(data, [0xff, 0xd8, 0xff])) return kinds.jpeg;
  if (startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'))) return kinds.gif;
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return kinds.webp;
  const office = officeKind(data);
  if (office) return office;
  if (extension === 'csv' && data.length > 0 && isCsvText(data)) return kinds.csv;
  return undefined;
}

export function extensionOf(filename: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(filename);
  return match ? match[1]!.toLowerCase() : '';
}

/** The kind of an allowed file, or a sentence saying why it is refused. */
export function checkUpload(
  data: Buffer,
  filename: string,
): { ok: true; kind: FileKind } | { ok: false; message: string } {
  if (data.length === 0) return { ok: false, message: 'The selected file is empty' };
  if (data.length > maxUploadBytes)
    return { ok: false, message: 'The selected file must be smaller than 10 MB' };
  const extension = extensionOf(filename);
  const kind = detectByContent(data, extension);
  if (!kind)
    return {
      ok: false,
      message:
        'The selected file must be a PDF, Word document (DOCX), spreadsheet (XLSX or CSV) or image (PNG, JPEG, GIF or WebP)',
    };
  if (!kind.extensions.includes(extension)) {
    return {
      ok: false,
      message: `The file’s name ends in .${extension || '(nothing)'} but it is a ${kind.kind.toUpperCase()} file: rename it and try again`,
    };
  }
  return { ok: true, kind };
}

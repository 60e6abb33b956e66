import { describe, expect, it } from 'vitest';
import { checkUpload, maxUploadBytes } from './file-type.ts';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const zipWith = (name: string) =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.from(`....[Content_Types].xml....${name}....`),
  ]);

describe('uploads are judged by their content', () => {
  it('accepts each allowed kind with a matching name', () => {
    expect(checkUpload(pdf, 'report.PDF')).toMatchObject({ ok: true, kind: { kind: 'pdf' } });
    expect(checkUpload(png, 'chart.png')).toMatchObject({ ok: true, kind: { kind: 'png' } });
    expect(checkUpload(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'photo.jpg')).toMatchObject({ ok: true });
    expect(checkUpload(zipWith('word/document.xml'), 'minutes.docx')).toMatchObject({
      ok: true,
      kind: { kind: 'docx' },
    });
    expect(checkUpload(zipWith('xl/workbook.xml'), 'figures.xlsx')).toMatchObject({
      ok: true,
      kind: { kind: 'xlsx' },
    });
    expect(checkUpload(Buffer.from('group,count\nA,3\n'), 'counts.csv')).toMatchObject({
      ok: true,
      kind: { kind: 'csv' },
    });
  });

  it('refuses a program or web page renamed as a PDF', () => {
    expect(checkUpload(Buffer.from('MZ\x90\x00'), 'report.pdf')).toMatchObject({ ok: false });
    expect(checkUpload(Buffer.from('<html><script>alert(1)</script>'), 'report.pdf')).toMatchObject({
      ok: false,
    });
  });

  it('refuses a PDF whose name claims another kind', () => {
    expect(checkUpload(pdf, 'figures.csv')).toMatchObject({
      ok: false,
      message: expect.stringContaining('PDF') as string,
    });
  });

  it('refuses binary content called CSV, a plain ZIP, empty and oversized files', () => {
    expect(checkUpload(Buffer.from([0x00, 0x01, 0x02]), 'data.csv').ok).toBe(false);
    expect(checkUpload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'archive.docx').ok).toBe(false);
    expect(checkUpload(Buffer.alloc(0), 'empty.pdf')).toMatchObject({
      ok: false,
      message: 'The selected file is empty',
    });
    const big = Buffer.concat([pdf, Buffer.alloc(maxUploadBytes)]);
    expect(checkUpload(big, 'big.pdf')).toMatchObject({
      ok: false,
      message: expect.stringContaining('10 MB') as string,
    });
  });
});

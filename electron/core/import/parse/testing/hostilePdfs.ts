import { deflateSync } from 'node:zlib';

/**
 * Small PDFs built to hurt a parser: each one a structure that is legal syntax but hostile (a page tree
 * that loops, a page count in the billions, nesting 100,000 deep, a Flate bomb, a page the size of a
 * city). The parser fuzz starts from these as well as from the corpus.
 */

/** A PDF of `objects` (object n is objects[n-1], without `n 0 obj`), catalog at 1, with a correct xref. */
export function buildPdf(objects: Array<string | { dict: string; stream: Uint8Array }>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, index) => {
    offsets.push(length);
    const body =
      typeof object === 'string'
        ? Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(`${index + 1} 0 obj\n${object.dict.replace('LENGTH', String(object.stream.length))}\nstream\n`, 'latin1'),
            object.stream,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    parts.push(body);
    length += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const catalog = '<< /Type /Catalog /Pages 2 0 R >>';
const text = (content: string) => ({ dict: '<< /Length LENGTH >>', stream: Buffer.from(content, 'latin1') });
const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const page = (extra = '') => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${extra} >>`;

export function hostilePdfs(): Array<[name: string, bytes: Buffer]> {
  return [
    ['plain.pdf', buildPdf([catalog, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(), text('BT /F1 24 Tf 72 720 Td (Refusal of 2 April 2021) Tj ET'), font])],
    // The page tree's kid is the tree itself.
    ['pages-loop.pdf', buildPdf([catalog, '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', page(), text('BT ET'), font])],
    // A page count in the billions, with one real page.
    ['count-billions.pdf', buildPdf([catalog, '<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>', page(), text('BT ET'), font])],
    // Arrays nested 100,000 deep in the page dictionary, and again in the content stream.
    ['nested-dict.pdf', buildPdf([catalog, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(`/Deep ${'['.repeat(100_000)}${']'.repeat(100_000)}`), text('BT ET'), font])],
    ['nested-content.pdf', buildPdf([catalog, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(), text(`${'['.repeat(100_000)} ${'q '.repeat(50_000)}`), font])],
    // A content stream that inflates to 256 MiB of zeros (a Flate bomb, 256 KiB on disk).
    ['flate-bomb.pdf', buildPdf([catalog, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(), { dict: '<< /Length LENGTH /Filter /FlateDecode >>', stream: deflateSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 }) }, font])],
    // A page a billion points wide, and an image that says it is 100,000 × 100,000 pixels.
    ['huge-page.pdf', buildPdf([catalog, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page().replace('[0 0 595 842]', '[0 0 1e9 1e9]'), text('BT /F1 24 Tf 72 720 Td (x) Tj ET'), font])],
    [
      'huge-image.pdf',
      buildPdf([
        catalog,
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>',
        text('q 595 0 0 842 0 0 cm /Im1 Do Q'),
        { dict: '<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length LENGTH /Filter /FlateDecode >>', stream: deflateSync(Buffer.alloc(1024 * 1024)) },
      ]),
    ],
    // Every object refers to the next, and the last to the first: resources that never end.
    ['ref-cycle.pdf', buildPdf([catalog, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page().replace('/F1 5 0 R', '/F1 5 0 R /F2 6 0 R'), text('BT /F2 12 Tf (x) Tj ET'), font, '<< /Type /Font /Subtype /Type1 /BaseFont 7 0 R >>', '7 0 R'])],
  ];
}

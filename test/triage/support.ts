/** Builders for synthetic correspondence: fictional people, `.test` domains, CRLF mail. */
import type { PracticeIdentity } from '../../src/domain/practice/identity.js';
export function email(headers: Record<string, string>, body: string): Uint8Array {
  const h = { 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset="utf-8"', 'Content-Transfer-Encoding': '8bit', ...headers };
  const text =
    Object.entries(h)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n') +
    '\r\n\r\n' +
    body.replace(/\r?\n/g, '\r\n');
  return Buffer.from(text, 'utf8');
}

/** A one-page PDF with a text layer (Helvetica), enough for pdf.js to read back. */
export function makePdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => '\\' + c);
  const content = 'BT /F1 11 Tf 50 780 Td 14 TL\n' + lines.map((l) => `(${esc(l)}) Tj T*`).join('\n') + '\nET';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => String(o).padStart(10, '0') + ' 00000 n \n').join('');
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A fictional practice's identity, as it would type it into its settings. */
export function practice(overrides: Partial<PracticeIdentity> = {}): PracticeIdentity {
  return {
    names: ['Brightwater OT'],
    staff: ['Wren Halloway'],
    address: '7 Quarry Row, Brightwater',
    postcode: 'BW1 4QT',
    email_domains: ['brightwater-ot.test'],
    invoice_prefix: 'BWOT-',
    ...overrides,
  };
}

/** A posted letter as text (what a scanner's text layer or a typed .txt gives). */
export function letter(lines: string[]): Uint8Array {
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

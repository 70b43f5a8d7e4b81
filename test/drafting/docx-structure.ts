/**
 * Reads a DOCX's structure without LibreOffice: its tables (grid widths, rows that may not
 * split, repeated header rows), the text of every run, and the page headers.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxTable {
  grid: number[];
  rows: { cantSplit: boolean; header: boolean; cells: number }[];
}

export interface DocxStructure {
  tables: DocxTable[];
  /** Every <w:t> of the body, in order. */
  runs: string[];
  /** Paragraph styles of headings and whether each keeps with the next paragraph. */
  headings: { style: string; keepNext: boolean; text: string }[];
  headers: Record<string, string>;
  pageWidth: number;
  margins: { left: number; right: number };
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!));

export function docxStructure(content: unknown): DocxStructure {
  const files = unzipSync(new Uint8Array(content as Buffer));
  const xml = strFromU8(files['word/document.xml']!);
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => ({
    grid: [...t[1]!.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1])),
    rows: [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => ({
      cantSplit: /<w:cantSplit\/>|<w:cantSplit w:val="(true|1|on)"\/>/.test(r[1]!),
      header: /<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(r[1]!),
      cells: (r[1]!.match(/<w:tc>/g) ?? []).length,
    })),
  }));
  const headings = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)]
    .map((p) => ({ style: /<w:pStyle w:val="(Heading\d)"\/>/.exec(p[1]!)?.[1] ?? '', keepNext: /<w:keepNext\/>/.test(p[1]!), text: texts(p[1]!).join('') }))
    .filter((h) => h.style !== '');
  const headers: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (/^word\/header\d+\.xml$/.test(name)) headers[name] = texts(strFromU8(data)).join('\n');
  return {
    tables,
    runs: texts(xml),
    headings,
    headers,
    pageWidth: Number(/<w:pgSz w:w="(\d+)"/.exec(xml)?.[1] ?? 0),
    margins: { left: Number(/<w:pgMar [^>]*w:left="(\d+)"/.exec(xml)?.[1] ?? 0), right: Number(/<w:pgMar [^>]*w:right="(\d+)"/.exec(xml)?.[1] ?? 0) },
  };
}

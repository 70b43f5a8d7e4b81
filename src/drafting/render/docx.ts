/**
 * Word (DOCX) rendering with the docx package, laid out for A4 portrait: the letterhead once on
 * the first page and a short continuation header (practice, client name and date of birth) on
 * the others; headings kept with what follows; tables with fixed column widths that sum to the
 * text width, header rows repeated and rows never split across pages; "Page N of M"; and
 * "DRAFT — not for circulation" on every page until the version is signed. docx writes text
 * through XML escaping, so recorded text never becomes markup or a field code.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocumentModel } from '../model.js';
import { columnWidths, PAGE, TEXT_WIDTH } from './column-widths.js';

const FONT = 'Arial';
const PLACEHOLDER_SPLIT = /(\[STILL NEEDED: [^\]]*\])/;

/** Runs for a line, with placeholders highlighted so they cannot be missed. */
function runs(text: string, opts: { bold?: boolean; size?: number } = {}): TextRun[] {
  const size = opts.size ? { size: opts.size } : {};
  return text
    .split(PLACEHOLDER_SPLIT)
    .filter((s) => s !== '')
    .map((s) =>
      PLACEHOLDER_SPLIT.test(s)
        ? new TextRun({ text: s, bold: true, highlight: 'yellow', font: FONT, ...size })
        : new TextRun({ text: s, font: FONT, ...size, ...(opts.bold ? { bold: true } : {}) }),
    );
}

/** Table text at 10 pt: an eight-column provision table must fit an A4 page. */
const TABLE_SIZE = 20;

function paragraphLines(text: string): Paragraph[] {
  return text.split('\n').map((l) => new Paragraph({ children: runs(l), spacing: { after: 120 } }));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    borders,
    width: { size: width, type: WidthType.DXA },
    children: text.split('\n').map((l) => new Paragraph({ children: runs(l, { bold: header, size: TABLE_SIZE }) })),
  });
}

function table(b: Block): Table {
  const widths = b.type === 'fields' ? fieldWidths(b) : columnWidths(b.header, b.rows ?? []);
  const rows: TableRow[] = [];
  if (b.header) rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: b.header.map((h, i) => cell(h, true, widths[i]!)) }));
  for (const r of b.rows ?? []) rows.push(new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, b.type === 'fields' && i === 0, widths[i]!)) }));
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
}

/** A table of fields: labels as narrow as their longest label allows, values the rest. */
function fieldWidths(b: Block): number[] {
  const [label] = columnWidths(
    undefined,
    (b.rows ?? []).map((r) => [r[0] ?? '', '']),
    TEXT_WIDTH,
  );
  const longest = Math.max(...(b.rows ?? []).map((r) => (r[0] ?? '').length), 8);
  const first = Math.min(Math.round(TEXT_WIDTH * 0.4), Math.max(label!, longest * 125 + 300));
  return [first, TEXT_WIDTH - first];
}

function blockElements(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: b.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2,
          keepNext: true,
          keepLines: true,
          children: runs(b.text ?? ''),
        }),
      ];
    case 'paragraph':
      return paragraphLines(b.text ?? '');
    case 'list':
      return (b.items ?? []).map((i) => new Paragraph({ bullet: { level: 0 }, children: runs(i) }));
    case 'table':
    case 'fields':
      return [table(b), new Paragraph({ children: [] })];
  }
}

export async function renderDocx(model: DocumentModel, opts: { signed?: boolean } = {}): Promise<Buffer> {
  const draft = opts.signed
    ? []
    : [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: 'DRAFT — not for circulation', bold: true, color: 'AA0000', font: FONT })],
        }),
      ];
  // The full letterhead once, on the first page; later pages carry a one-line continuation header.
  const firstHeader: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.letterhead.name, bold: true, font: FONT })] }),
    ...model.letterhead.lines.map((l) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: l, size: 18, font: FONT })] })),
    ...(model.running_header ? [new Paragraph({ children: [new TextRun({ text: model.running_header, size: 18, font: FONT })] })] : []),
    ...draft,
  ];
  const continuation = [model.letterhead.name, model.running_header, model.title].filter(Boolean).join(' · ');
  const laterHeader: Paragraph[] = [new Paragraph({ children: [new TextRun({ text: continuation, size: 18, font: FONT })] }), ...draft];
  const footer = () =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18, font: FONT })],
        }),
      ],
    });

  const doc = new Document({
    creator: model.letterhead.name,
    title: model.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
          },
        },
        headers: { first: new Header({ children: firstHeader }), default: new Header({ children: laterHeader }) },
        footers: { first: footer(), default: footer() },
        children: [new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: runs(model.title) }), ...model.blocks.flatMap(blockElements)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

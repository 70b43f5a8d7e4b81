/**
 * Word (DOCX) rendering with the docx package: letterhead, the client's name and date of
 * birth on every page, headings, tables with borders, "Page N of M", and "DRAFT — not for
 * circulation" on every page until the version is signed. docx writes text through XML
 * escaping, so recorded text never becomes markup or a field code.
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
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocumentModel } from '../model.js';

const FONT = 'Arial';
const PLACEHOLDER_SPLIT = /(\[STILL NEEDED: [^\]]*\])/;

/** Runs for a line, with placeholders highlighted so they cannot be missed. */
function runs(text: string, opts: { bold?: boolean } = {}): TextRun[] {
  return text
    .split(PLACEHOLDER_SPLIT)
    .filter((s) => s !== '')
    .map((s) =>
      PLACEHOLDER_SPLIT.test(s)
        ? new TextRun({ text: s, bold: true, highlight: 'yellow', font: FONT })
        : new TextRun({ text: s, font: FONT, ...(opts.bold ? { bold: true } : {}) }),
    );
}

function paragraphLines(text: string): Paragraph[] {
  return text.split('\n').map((l) => new Paragraph({ children: runs(l), spacing: { after: 120 } }));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, header: boolean): TableCell {
  return new TableCell({ borders, children: text.split('\n').map((l) => new Paragraph({ children: runs(l, { bold: header }) })) });
}

function table(b: Block): Table {
  const rows: TableRow[] = [];
  if (b.header) rows.push(new TableRow({ tableHeader: true, children: b.header.map((h) => cell(h, true)) }));
  for (const r of b.rows ?? []) rows.push(new TableRow({ children: r.map((c, i) => cell(c, b.type === 'fields' && i === 0)) }));
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

function blockElements(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ heading: b.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, children: runs(b.text ?? '') })];
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
  const headerParas: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.letterhead.name, bold: true, font: FONT })] }),
    ...model.letterhead.lines.map((l) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: l, size: 18, font: FONT })] })),
  ];
  if (model.running_header) headerParas.push(new Paragraph({ children: [new TextRun({ text: model.running_header, size: 18, font: FONT })] }));
  if (!opts.signed)
    headerParas.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: 'DRAFT — not for circulation', bold: true, color: 'AA0000', font: FONT })],
      }),
    );

  const doc = new Document({
    creator: model.letterhead.name,
    title: model.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        headers: { default: new Header({ children: headerParas }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18, font: FONT })],
              }),
            ],
          }),
        },
        children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(model.title) }), ...model.blocks.flatMap(blockElements)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

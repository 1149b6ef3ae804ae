// Word documents in the official layout (公文格式, after GB/T 9704 in spirit): the issuing body in red at the head,
// the number, a red rule, the title centred, the body in FangSong, tables with borders, the issuer and the date at
// the foot. Used by bulletins (their sanitised rich text) and by the monthly meeting pack.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chineseDate } from '@benpao/domain';
import type { Block, Run } from './rich-text.ts';

const RED = 'C00000';
const BODY_FONT = 'FangSong';
const TITLE_FONT = 'SimHei';
/** Sizes in half-points: 三号 16 pt for the body, 二号 22 pt for the title, a larger red head. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const HEAD_SIZE = 60;
const CELL_SIZE = 21;

const run = (text: string, opts: { bold?: boolean; size?: number; font?: string; color?: string } = {}) =>
  new TextRun({
    text,
    bold: opts.bold ?? false,
    size: opts.size ?? BODY_SIZE,
    font: opts.font ?? BODY_FONT,
    ...(opts.color && { color: opts.color }),
  });

const runsOf = (runs: readonly Run[], size = BODY_SIZE) =>
  runs.map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold,
        italics: r.italics,
        ...(r.underline && { underline: {} }),
        size,
        font: BODY_FONT,
        ...(r.break && { break: 1 }),
      }),
  );

const bordered = {
  top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
};

/** A table of plain text, the first row as its header (repeated on every page). */
export function textTable(columns: readonly string[], rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      borders: bordered,
      children: [new Paragraph({ children: [run(text, { bold: header, size: CELL_SIZE })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

function blockTable(rows: Extract<Block, { kind: 'table' }>['rows']): Table {
  const width = Math.max(...rows.map((r) => r.cells.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r) =>
        new TableRow({
          tableHeader: r.header,
          children: Array.from({ length: width }, (_, i) => {
            const c = r.cells[i] ?? [];
            return new TableCell({
              borders: bordered,
              children: [
                new Paragraph({
                  children: runsOf(
                    c.map((x) => ({ ...x, bold: x.bold || r.header })),
                    CELL_SIZE,
                  ),
                }),
              ],
            });
          }),
        }),
    ),
  });
}

/** Body paragraphs from blocks: first-line indent of two characters, headings in bold. */
export function bodyOf(blocks: readonly Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      out.push(blockTable(b.rows));
      out.push(new Paragraph({ children: [] }));
      continue;
    }
    const runs = b.kind === 'heading' ? b.runs.map((r) => ({ ...r, bold: true })) : b.runs;
    out.push(
      new Paragraph({
        indent: { firstLine: b.kind === 'item' ? 0 : 640 },
        spacing: { line: 560 },
        children: [...(b.kind === 'item' ? [run('• ')] : []), ...runsOf(runs)],
      }),
    );
  }
  return out;
}

export function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 240 }, children: [run(text, { bold: true })] });
}

export function paragraph(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(text)] });
}

export interface OfficialDocument {
  issuer: string;
  /** The number (文号); a draft prints what it is instead. */
  number: string;
  title: string;
  /** The date printed at the foot, YYYY-MM-DD. */
  date: string;
  body: (Paragraph | Table)[];
}

export async function officialDocx(d: OfficialDocument): Promise<Buffer> {
  const doc = new Document({
    creator: 'Benpao',
    title: d.title,
    sections: [
      {
        properties: {
          page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(d.issuer, { bold: true, size: HEAD_SIZE, font: TITLE_FONT, color: RED })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
            spacing: { after: 360 },
            children: [run(d.number)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [run(d.title, { bold: true, size: TITLE_SIZE, font: TITLE_FONT })],
          }),
          ...d.body,
          new Paragraph({
            spacing: { before: 480 },
            alignment: AlignmentType.RIGHT,
            children: [run(d.issuer)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(chineseDate(d.date))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

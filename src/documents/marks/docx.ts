// The workflow's marks in a DOCX (see marks.ts): KONSEP in the header of every page, the
// verification footer (QR image, URL and code), the paraf koordinasi table.
import { AlignmentType, Footer, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { literalText } from "../literal-text.js";
import { KONSEP_HEADER, KONSEP_TEXT, PARAF_COLUMNS, PARAF_TITLE, parafCells, qrPng, verificationLines, type DocumentMarks } from "./marks.js";

const PT_TO_PX = 96 / 72;
const RED = "B00020";

/** The header line of a draft (Word has no portable watermark: the mark sits at the top of every page). */
export function konsepHeaderParagraph(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [new TextRun({ text: KONSEP_TEXT, bold: true, color: RED, size: 28 }), new TextRun({ text: `  ${KONSEP_HEADER.slice(KONSEP_TEXT.length)}`, color: RED, size: 16 })],
  });
}

/** The footer of an approved decree: the QR code to the verification page with its URL and code. */
export function verificationFooter(marks: DocumentMarks): Footer | undefined {
  const v = marks.verification;
  if (!v) return undefined;
  const image = qrPng(v.url);
  const side = Math.round(48 * PT_TO_PX);
  return new Footer({
    children: [
      new Paragraph({
        children: [
          new ImageRun({ type: "png", data: image.png, transformation: { width: side, height: side } }),
          ...verificationLines(v).map((line, i) => new TextRun({ text: `${i === 0 ? "  " : ""}${literalText(line)}`, size: 14, ...(i > 0 ? { break: 1 } : {}) })),
        ],
      }),
    ],
  });
}

/** The paraf koordinasi table (empty when there is none to print). */
export function parafBlock(marks: DocumentMarks | undefined): Array<Paragraph | Table> {
  const rows = marks?.paraf ?? [];
  if (rows.length === 0) return [];
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: literalText(text), bold, size: 16 })] })] });
  return [
    new Paragraph({ spacing: { before: 360, after: 80 }, keepNext: true, children: [new TextRun({ text: PARAF_TITLE, bold: true, size: 16 })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, children: PARAF_COLUMNS.map((c) => cell(c, true)) }), ...parafCells(rows).map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) }))],
    }),
  ];
}

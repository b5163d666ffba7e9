// The workflow's marks in a pdfmake definition (see marks.ts): KONSEP as a watermark and in the
// header, the verification footer with its QR code, the paraf koordinasi table at the end.
import type { Content, DynamicContent, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { literalText } from "../literal-text.js";
import { KONSEP_HEADER, KONSEP_TEXT, PARAF_COLUMNS, PARAF_TITLE, parafCells, verificationLines, type DocumentMarks } from "./marks.js";

type Margins = { left: number; right: number };

const call = (part: TDocumentDefinitions["header"], page: number, count: number, size: unknown): Content | null => {
  if (!part) return null;
  const value = typeof part === "function" ? (part as DynamicContent)(page, count, size as never) : part;
  return (value ?? null) as Content | null;
};

/** The definition with the marks added; `margins` are the page's side margins (pt) for the footer. */
export function markPdf(definition: TDocumentDefinitions, marks: DocumentMarks | undefined, margins: Margins): TDocumentDefinitions {
  if (!marks || (!marks.konsep && !marks.verification && !(marks.paraf && marks.paraf.length > 0))) return definition;
  const font = (definition.defaultStyle as { font?: string } | undefined)?.font;
  const out: TDocumentDefinitions = { ...definition };
  if (marks.konsep) {
    out.watermark = { text: KONSEP_TEXT, color: "#b00020", opacity: 0.12, bold: true, ...(font ? { font } : {}) };
    const header = definition.header;
    out.header = (page, count, size) => ({
      stack: [{ text: KONSEP_HEADER, alignment: "right", bold: true, color: "#b00020", fontSize: 9, margin: [margins.left, 12, margins.right, 0] }, ...[call(header, page, count, size)].filter((c): c is Content => c !== null)],
    });
  }
  if (marks.verification) {
    const v = marks.verification;
    const footer = definition.footer;
    out.footer = (page, count, size) => ({
      stack: [
        ...[call(footer, page, count, size)].filter((c): c is Content => c !== null),
        {
          margin: [margins.left, 2, margins.right, 0],
          columns: [
            { width: 48, qr: v.url, fit: 48, eccLevel: "M" },
            { width: "*", stack: verificationLines(v).map((line) => ({ text: literalText(line), fontSize: 7 })), margin: [6, 8, 0, 0] },
          ],
        },
      ],
    });
  }
  if (marks.paraf && marks.paraf.length > 0) {
    const head = PARAF_COLUMNS.map((c) => ({ text: c, bold: true, alignment: "center" as const, fontSize: 8 }));
    const body = parafCells(marks.paraf).map((r) => r.map((c) => ({ text: literalText(c), fontSize: 8 })));
    const content = Array.isArray(definition.content) ? definition.content : [definition.content];
    out.content = [
      ...content,
      {
        unbreakable: true,
        margin: [0, 18, 0, 0],
        stack: [
          { text: PARAF_TITLE, bold: true, fontSize: 8, margin: [0, 0, 0, 4] },
          { table: { headerRows: 1, widths: [18, "*", "*", 40, 70], body: [head, ...body] } },
        ],
      },
    ];
  }
  return out;
}

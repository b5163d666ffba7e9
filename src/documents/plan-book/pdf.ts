// The plan book as PDF (pdfmake): lays out the blocks of model.ts. Charts go in as vector SVG.
import { markPdf } from "../marks/pdf.js";
import type { DocumentMarks } from "../marks/marks.js";
import pdfmake from "pdfmake";
import { withFallbackFonts } from "../pdf-fallback.js";
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { Plan } from "../../domain/plan/schema.js";
import { literalText } from "../literal-text.js";
import { pdfInlines } from "../sk/pdf-text.js";
import { CHART_FONT, usePdfFont } from "../pdf-fonts.js";
import type { Block, Cell, PlanBookDocument, Run } from "./blocks.js";
import { computePlanBookData, planBookModel } from "./model.js";
import type { ScheduleOptions } from "../../domain/schedule/index.js";

const MM = 72 / 25.4;

/** Runs as pdfmake inlines; a very long word is cut into pieces pdfmake can wrap (see pdf-text.ts). */
function runs(list: Run[]): { text: string; bold?: boolean; italics?: boolean; noWrap?: boolean }[] {
  return list.flatMap((r) => {
    const style = { ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) };
    const pieces = pdfInlines(r.text);
    return typeof pieces === "string" ? [{ text: pieces, ...style }] : pieces.map((p) => ({ ...p, ...style }));
  });
}

interface Geometry {
  widthPt: number;
  heightPt: number;
}

function tableNode(block: Extract<Block, { kind: "table" }>, geo: Geometry, bodySizePt: number): ContentTable {
  const total = block.widths.reduce((a, b) => a + b, 0);
  // pdfmake adds cell padding (4 pt each side) and a border to every column.
  const usable = geo.widthPt - block.widths.length * 9;
  const widths = block.widths.map((w) => (w / total) * usable);
  const toCells = (cells: Cell[]): TableCell[] => {
    const out: TableCell[] = [];
    for (const c of cells) {
      const span = c.colSpan ?? 1;
      out.push({
        text: runs(c.runs),
        ...(c.align ? { alignment: c.align } : {}),
        ...(span > 1 ? { colSpan: span } : {}),
        ...(c.fill ? { fillColor: c.fill } : {}),
      });
      for (let i = 1; i < span; i++) out.push({ text: "" });
    }
    return out;
  };
  return {
    table: { headerRows: 1, widths, body: [toCells(block.header), ...block.rows.map(toCells)], dontBreakRows: false },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => "#808080",
      vLineColor: () => "#808080",
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
    fontSize: block.fontSizePt ?? bodySizePt - 1,
    margin: [0, 2, 0, 8],
  };
}

function blockNodes(block: Block, geo: Geometry, bodySizePt: number, chartFont: string, firstInSection: boolean): Content[] {
  switch (block.kind) {
    case "heading":
      return [
        {
          text: literalText(block.text),
          bold: true,
          fontSize: block.level === 1 ? bodySizePt + 3 : block.level === 2 ? bodySizePt + 1 : bodySizePt,
          italics: block.level === 3,
          alignment: block.level === 1 ? "center" : "left",
          margin: [0, block.level === 1 ? 0 : 10, 0, 6],
          ...(block.level === 1 && !firstInSection ? { pageBreak: "before" as const } : {}),
          headlineLevel: block.level,
        },
      ];
    case "paragraph":
      return [
        {
          text: runs(block.runs),
          alignment: block.align ?? "left",
          ...(block.sizePt ? { fontSize: block.sizePt } : {}),
          margin: [0, 0, 0, block.spaceAfterPt ?? 6],
        },
      ];
    case "list":
      return block.items.map((item) => ({
        columns: [
          { width: 18, text: literalText(item.marker) },
          { width: "*", text: runs(item.runs) },
        ],
        columnGap: 2,
        margin: [item.level * 18, 0, 0, 2],
      }));
    case "table":
      return [tableNode(block, geo, bodySizePt)];
    case "picture": {
      const scale = Math.min(1, geo.widthPt / block.picture.width, (geo.heightPt - 40) / block.picture.height);
      return [
        { svg: block.picture.svg, width: block.picture.width * scale, alignment: "center", font: chartFont },
        { text: literalText(block.caption), italics: true, fontSize: bodySizePt - 2, alignment: "center", margin: [0, 4, 0, 10] },
      ];
    }
    case "pageBreak":
    case "section":
      return [];
  }
}

export function planBookPdfDefinition(doc: PlanBookDocument): TDocumentDefinitions {
  const page = doc.page;
  const font = usePdfFont(page.font);
  const chartFont = usePdfFont(CHART_FONT);
  const bodySizePt = page.fontSizePt - 1;
  const geometry = (orientation: "portrait" | "landscape"): Geometry => {
    const [w, h] = orientation === "landscape" ? [page.heightMm, page.widthMm] : [page.widthMm, page.heightMm];
    return { widthPt: (w - page.marginsMm.left - page.marginsMm.right) * MM, heightPt: (h - page.marginsMm.top - page.marginsMm.bottom) * MM };
  };

  const content: Content[] = [];
  for (const b of doc.cover) content.push(...blockNodes(b, geometry("portrait"), page.fontSizePt, chartFont, true));

  // A section or page break applies to the next node: pdfmake breaks *before* a node.
  let orientation: "portrait" | "landscape" = "portrait";
  let pending: { orientation?: "portrait" | "landscape" } | null = { orientation: "portrait" };
  for (const block of doc.blocks) {
    if (block.kind === "section") {
      orientation = block.orientation;
      pending = { orientation };
      continue;
    }
    if (block.kind === "pageBreak") {
      pending ??= {};
      continue;
    }
    const nodes = blockNodes(block, geometry(orientation), bodySizePt, chartFont, pending !== null);
    const first = nodes[0];
    if (pending && first && typeof first === "object") {
      Object.assign(first, { pageBreak: "before", ...(pending.orientation ? { pageOrientation: pending.orientation } : {}) });
      pending = null;
    }
    content.push(...nodes);
  }

  return {
    pageSize: { width: page.widthMm * MM, height: page.heightMm * MM },
    pageOrientation: "portrait",
    pageMargins: [page.marginsMm.left * MM, page.marginsMm.top * MM, page.marginsMm.right * MM, page.marginsMm.bottom * MM],
    defaultStyle: { font, fontSize: bodySizePt, lineHeight: 1.1 },
    info: { title: literalText(doc.title), creator: "Rencana Layanan", producer: "Rencana Layanan" },
    footer: (currentPage: number) => ({
      text: literalText(`${doc.footer} — halaman ${currentPage}`),
      alignment: "right",
      fontSize: 8,
      margin: [page.marginsMm.left * MM, 12, page.marginsMm.right * MM, 0],
    }),
    content,
  };
}

/** The plan book as .pdf bytes. */
export async function renderPlanBookPdf(plan: Plan, options: { marks?: DocumentMarks; calendar?: ScheduleOptions } = {}): Promise<Uint8Array> {
  const model = planBookModel(plan, computePlanBookData(plan, options.calendar));
  const definition = markPdf(planBookPdfDefinition(model), options.marks, { left: model.page.marginsMm.left * MM, right: model.page.marginsMm.right * MM });
  const buffer = await pdfmake.createPdf(withFallbackFonts(definition)).getBuffer();
  return new Uint8Array(buffer);
}

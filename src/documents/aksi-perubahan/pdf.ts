// The change-action plan as a PDF (pdfmake, landscape). Layout only: the words come from aksiPerubahanModel.
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { Plan } from "../../domain/plan/schema.js";
import { literalText } from "../literal-text.js";
import { usePdfFont } from "../pdf-fonts.js";
import { mmToPt } from "../sk/layout.js";
import { fontNote, pdfBytes } from "../sk/pdf.js";
import { pdfInlines } from "../sk/pdf-text.js";
import { AKSI_MARGINS_MM, MILESTONE_WIDTHS, STAKEHOLDER_WIDTHS, TEAM_WIDTHS } from "./layout.js";
import { aksiPerubahanModel, MILESTONE_COLUMNS, NONE, STAKEHOLDER_COLUMNS, TEAM_COLUMNS, type AksiPerubahanModel } from "./model.js";

const TABLE_FONT_SIZE = 10;
const t = pdfInlines;
const cell = (s: string, extra: Record<string, unknown> = {}): TableCell => ({ text: t(s), ...extra });

/** Headings carry headlineLevel so pageBreakBefore can keep them off the bottom of a page. */
function heading(text: string): Content {
  return { text, bold: true, margin: [0, 12, 0, 6], headlineLevel: 1 };
}

function numbered(items: readonly string[]): Content {
  return {
    table: { widths: [mmToPt(8), "*"], body: items.map((item, i): TableCell[] => [`${i + 1}.`, cell(item)]) },
    layout: "noBorders",
  };
}

/** A cell longer than this may not fit on one page; pdfmake drops such a row when rows may not break. */
const UNBREAKABLE_ROW_LIMIT = 600;

function table(columns: readonly string[], fractions: readonly number[], rows: TableCell[][], longestCell: number): Content {
  return {
    table: {
      headerRows: 1,
      // Both only for rows that fit a page: pdfmake loses content of a taller row kept whole.
      ...(longestCell <= UNBREAKABLE_ROW_LIMIT ? { dontBreakRows: true, keepWithHeaderRows: 1 } : {}),
      widths: fractions.map((f) => `${(f * 100).toFixed(2)}%`),
      body: [columns.map((c): TableCell => ({ text: c, bold: true, alignment: "center" })), ...rows],
    },
    fontSize: TABLE_FONT_SIZE,
    layout: { paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2 },
  };
}

export function aksiPerubahanPdfDefinition(m: AksiPerubahanModel): TDocumentDefinitions {
  const font = usePdfFont(m.page.font);
  const content: Content[] = [
    { text: m.title, bold: true, fontSize: 14, alignment: "center" },
    { text: t(m.subtitle), bold: true, alignment: "center", margin: [0, 0, 0, 12] },
    heading("A. Identitas"),
    {
      table: { widths: [mmToPt(40), mmToPt(4), "*"], body: m.identity.map((r): TableCell[] => [cell(r.label), ":", cell(r.value)]) },
      layout: "noBorders",
    },
  ];
  if (m.goals.length > 0) content.push(heading("B. Tujuan"), numbered(m.goals));
  if (m.indicators.length > 0) content.push(heading("C. Indikator Keberhasilan"), numbered(m.indicators));

  content.push(heading("D. Tahapan (Milestone)"));
  if (m.scheduleNote) content.push({ text: t(m.scheduleNote), italics: true, margin: [0, 0, 0, 6] });
  m.horizons.forEach((h, hi) => {
    content.push({ text: `${hi + 1}. ${h.heading}`, bold: true, margin: [0, 6, 0, 4], headlineLevel: 1 });
    if (h.groups.length === 0) {
      content.push({ text: "Belum ada kegiatan.", italics: true });
      return;
    }
    const rows: TableCell[][] = [];
    for (const g of h.groups) {
      const span = Math.max(1, g.activities.length);
      const acts = g.activities.length > 0 ? g.activities : [{ name: NONE, output: NONE, time: NONE, owner: NONE, resources: NONE }];
      acts.forEach((a, i) => {
        const own: TableCell[] = [cell(a.name), cell(a.output), cell(a.time), cell(a.owner), cell(a.resources)];
        if (i === 0) {
          rows.push([
            { text: g.no, alignment: "center", rowSpan: span },
            {
              rowSpan: span,
              stack: [{ text: t(g.milestone), bold: true }, ...(g.evidence ? [{ text: t(`Bukti: ${g.evidence}`) }] : []), ...(g.target ? [{ text: t(`Target: ${g.target}`), italics: true }] : [])],
            },
            ...own,
          ]);
        } else rows.push(["", "", ...own]);
      });
    }
    const longest = Math.max(0, ...h.groups.flatMap((g) => [g.milestone.length + (g.evidence?.length ?? 0), ...g.activities.flatMap((a) => [a.name, a.output, a.owner, a.resources].map((x) => x.length))]));
    content.push(table(MILESTONE_COLUMNS, MILESTONE_WIDTHS, rows, longest));
  });

  content.push(heading("E. Analisis Pemangku Kepentingan"));
  if (m.stakeholders.length === 0) content.push({ text: "Belum ada pemangku kepentingan.", italics: true });
  else {
    content.push(
      table(
        STAKEHOLDER_COLUMNS,
        STAKEHOLDER_WIDTHS,
        m.stakeholders.map((s): TableCell[] => [
          { text: s.no, alignment: "center" },
          cell(s.name),
          cell(s.kind),
          { text: s.power, alignment: "center" },
          { text: s.interest, alignment: "center" },
          cell(s.group),
          cell(s.strategy),
        ]),
        Math.max(0, ...m.stakeholders.map((s) => s.name.length)),
      ),
    );
  }

  content.push(heading("F. Tim Efektif"));
  if (m.team.length === 0) content.push({ text: "Tim belum disusun.", italics: true });
  else {
    content.push(
      table(
        TEAM_COLUMNS,
        TEAM_WIDTHS,
        m.team.map((x): TableCell[] => [
          { text: x.no, alignment: "center" },
          cell(x.role),
          { stack: [{ text: t(x.name) }, ...(x.nipLine ? [{ text: t(x.nipLine), noWrap: true }] : [])] },
          cell(x.position),
          x.duties.length > 0 ? { ul: x.duties.map((d) => ({ text: t(d) })) } : NONE,
        ]),
        Math.max(0, ...m.team.flatMap((x) => [x.name.length, x.position.length, x.duties.join(" ").length])),
      ),
    );
  }

  return {
    pageSize: { width: mmToPt(m.page.widthMm), height: mmToPt(m.page.heightMm) },
    pageOrientation: "landscape",
    pageMargins: [mmToPt(AKSI_MARGINS_MM.left), mmToPt(AKSI_MARGINS_MM.top), mmToPt(AKSI_MARGINS_MM.right), mmToPt(AKSI_MARGINS_MM.bottom)],
    defaultStyle: { font, fontSize: m.page.fontSizePt, lineHeight: 1.05 },
    // A heading in the last fifth of a page moves to the next one, with what it introduces.
    pageBreakBefore: (node) => node.headlineLevel === 1 && (node.startPosition.verticalRatio ?? 0) > 0.8,
    footer: (page: number, pages: number): Content => ({ text: `${page}/${pages}`, alignment: "center", fontSize: 9 }),
    info: {
      title: literalText(`${m.title} ${m.subtitle}`).slice(0, 1000),
      author: "Rencana Layanan",
      creator: "Rencana Layanan",
      subject: literalText(fontNote(m.page.font)),
      keywords: "Aksi Perubahan, PKP",
    },
    content,
  };
}

export async function renderAksiPerubahanPdf(plan: Plan): Promise<Uint8Array> {
  return pdfBytes(aksiPerubahanPdfDefinition(aksiPerubahanModel(plan)));
}

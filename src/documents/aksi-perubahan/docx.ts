// The change-action plan as an editable Word file (landscape: the milestone table is wide).
// Layout only: the words come from aksiPerubahanModel.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Plan } from "../../domain/plan/schema.js";
import { literalText } from "../literal-text.js";
import { AKSI_MARGINS_MM, aksiTextWidthMm, MILESTONE_WIDTHS, STAKEHOLDER_WIDTHS, TEAM_WIDTHS } from "./layout.js";
import { aksiPerubahanModel, MILESTONE_COLUMNS, STAKEHOLDER_COLUMNS, TEAM_COLUMNS, type AksiPerubahanModel } from "./model.js";

const tw = convertMillimetersToTwip;
/** Half-points for table text: seven columns need a smaller size than the body. */
const TABLE_SIZE = 20;

export function run(text: string, opts: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  return new TextRun({
    text: literalText(text),
    ...(opts.bold ? { bold: true } : {}),
    ...(opts.italics ? { italics: true } : {}),
    ...(opts.underline ? { underline: {} } : {}),
    ...(opts.size ? { size: opts.size } : {}),
  });
}

export function p(text: string, opts: { bold?: boolean; italics?: boolean; size?: number; center?: boolean; after?: number; before?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, opts)],
    ...(opts.keepNext ? { keepNext: true } : {}),
    ...(opts.center ? { alignment: AlignmentType.CENTER } : {}),
    spacing: { after: opts.after ?? 0, before: opts.before ?? 0 },
  });
}

function heading(text: string): Paragraph {
  return p(text, { bold: true, before: 240, after: 120, keepNext: true });
}

function numbered(items: readonly string[]): Paragraph[] {
  return items.map(
    (item, i) =>
      new Paragraph({
        children: [run(`${i + 1}.`), new TextRun({ text: "\t" }), run(item)],
        tabStops: [{ type: TabStopType.LEFT, position: tw(8) }],
        indent: { left: tw(8), hanging: tw(8) },
      }),
  );
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const borders = { top: border, bottom: border, left: border, right: border };

type CellSpec = { lines: Array<{ text: string; bold?: boolean; italics?: boolean }>; rowSpan?: number; center?: boolean };

function cell(spec: CellSpec, widthTwips: number, header = false): TableCell {
  return new TableCell({
    children: spec.lines.map(
      (l) =>
        new Paragraph({
          children: [run(l.text, { size: TABLE_SIZE, ...(l.bold || header ? { bold: true } : {}), ...(l.italics ? { italics: true } : {}) })],
          ...(spec.center || header ? { alignment: AlignmentType.CENTER } : {}),
        }),
    ),
    width: { size: widthTwips, type: WidthType.DXA },
    borders,
    ...(spec.rowSpan && spec.rowSpan > 1 ? { rowSpan: spec.rowSpan } : {}),
    verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
  });
}

function table(columns: readonly string[], fractions: readonly number[], textWidthMm: number, rows: CellSpec[][]): Table {
  const widths = fractions.map((f) => Math.round(tw(textWidthMm * f)));
  const header = new TableRow({ tableHeader: true, children: columns.map((c, i) => cell({ lines: [{ text: c }] }, widths[i] ?? 0, true)) });
  // Row-spanned cells are left out of the rows they cover, so each row lists only its own cells.
  const body = rows.map((cells) => {
    const offset = fractions.length - cells.length;
    return new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, widths[i + offset] ?? 0)) });
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...body],
  });
}

const line = (text: string) => ({ lines: [{ text }] });

export function aksiPerubahanDocxDocument(m: AksiPerubahanModel): Document {
  const width = aksiTextWidthMm(m.page);
  const children: Array<Paragraph | Table> = [];
  children.push(p(m.title, { bold: true, center: true, size: 28 }));
  children.push(p(m.subtitle, { bold: true, center: true, after: 240 }));

  children.push(heading("A. Identitas"));
  for (const row of m.identity) {
    children.push(
      new Paragraph({
        children: [run(row.label), new TextRun({ text: "\t" }), run(":"), new TextRun({ text: "\t" }), run(row.value)],
        tabStops: [
          { type: TabStopType.LEFT, position: tw(40) },
          { type: TabStopType.LEFT, position: tw(44) },
        ],
        indent: { left: tw(44), hanging: tw(44) },
      }),
    );
  }
  if (m.goals.length > 0) {
    children.push(heading("B. Tujuan"));
    children.push(...numbered(m.goals));
  }
  if (m.indicators.length > 0) {
    children.push(heading("C. Indikator Keberhasilan"));
    children.push(...numbered(m.indicators));
  }

  children.push(heading("D. Tahapan (Milestone)"));
  if (m.scheduleNote) children.push(p(m.scheduleNote, { italics: true, after: 120 }));
  m.horizons.forEach((h, hi) => {
    children.push(p(`${hi + 1}. ${h.heading}`, { bold: true, before: 120, after: 80, keepNext: true }));
    if (h.groups.length === 0) {
      children.push(p("Belum ada kegiatan.", { italics: true }));
      return;
    }
    const rows: CellSpec[][] = [];
    for (const g of h.groups) {
      const span = Math.max(1, g.activities.length);
      const stage: CellSpec = {
        rowSpan: span,
        lines: [{ text: g.milestone, bold: true }, ...(g.evidence ? [{ text: `Bukti: ${g.evidence}` }] : []), ...(g.target ? [{ text: `Target: ${g.target}`, italics: true }] : [])],
      };
      const no: CellSpec = { rowSpan: span, lines: [{ text: g.no }], center: true };
      const acts = g.activities.length > 0 ? g.activities : [{ name: "—", output: "—", time: "—", owner: "—", resources: "—" }];
      acts.forEach((a, i) => {
        const own = [line(a.name), line(a.output), line(a.time), line(a.owner), line(a.resources)];
        rows.push(i === 0 ? [no, stage, ...own] : own);
      });
    }
    children.push(table(MILESTONE_COLUMNS, MILESTONE_WIDTHS, width, rows));
  });

  children.push(heading("E. Analisis Pemangku Kepentingan"));
  if (m.stakeholders.length === 0) children.push(p("Belum ada pemangku kepentingan.", { italics: true }));
  else {
    children.push(
      table(
        STAKEHOLDER_COLUMNS,
        STAKEHOLDER_WIDTHS,
        width,
        m.stakeholders.map((s) => [{ ...line(s.no), center: true }, line(s.name), line(s.kind), { ...line(s.power), center: true }, { ...line(s.interest), center: true }, line(s.group), line(s.strategy)]),
      ),
    );
  }

  children.push(heading("F. Tim Efektif"));
  if (m.team.length === 0) children.push(p("Tim belum disusun.", { italics: true }));
  else {
    children.push(
      table(
        TEAM_COLUMNS,
        TEAM_WIDTHS,
        width,
        m.team.map((t) => [
          { ...line(t.no), center: true },
          line(t.role),
          { lines: [{ text: t.name }, ...(t.nipLine ? [{ text: t.nipLine }] : [])] },
          line(t.position),
          { lines: t.duties.length > 0 ? t.duties.map((d) => ({ text: `• ${d}` })) : [{ text: "—" }] },
        ]),
      ),
    );
  }

  return new Document({
    creator: "Rencana Layanan",
    title: literalText(`${m.title} ${m.subtitle}`).slice(0, 1000),
    styles: { default: { document: { run: { font: literalText(m.page.font), size: m.page.fontSizePt * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for landscape.
            size: { width: tw(m.page.widthMm), height: tw(m.page.heightMm), orientation: PageOrientation.LANDSCAPE },
            margin: { top: tw(AKSI_MARGINS_MM.top), bottom: tw(AKSI_MARGINS_MM.bottom), left: tw(AKSI_MARGINS_MM.left), right: tw(AKSI_MARGINS_MM.right) },
          },
        },
        children,
      },
    ],
  });
}

export async function renderAksiPerubahanDocx(plan: Plan): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(aksiPerubahanDocxDocument(aksiPerubahanModel(plan))));
}

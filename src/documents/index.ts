// Every document the app writes from a plan, in one table: kind × format → renderer. The CLI
// (`rencana render KIND FILE -o OUT`) and the API downloads both go through renderDocument.
// To add a document, add rows to DOCUMENT_RENDERERS.
import { DecreeAuthorityError } from "../domain/decree/authority.js";
import type { Bilingual } from "../domain/messages.js";
import type { Plan } from "../domain/plan/schema.js";
import type { DocumentMarks } from "./marks/marks.js";
import type { ScheduleOptions } from "../domain/schedule/index.js";
import { renderAksiPerubahanDocx } from "./aksi-perubahan/docx.js";
import { renderAksiPerubahanPdf } from "./aksi-perubahan/pdf.js";
import { renderDecreeDocx } from "./sk/docx.js";
import { renderDecreePdf } from "./sk/pdf.js";
import { renderIcs } from "./calendar/ics.js";
import { renderMspdi } from "./mspdi/write.js";
import { renderPlanBookDocx } from "./plan-book/docx.js";
import { renderPlanBookPdf } from "./plan-book/pdf.js";
import { renderBudgetXlsx } from "./budget/rab-xlsx.js";
import { renderBeritaAcaraDocx, renderSkmReportDocx, renderStandardDecreeDocx } from "./service/docx.js";
import { renderBeritaAcaraPdf, renderMaklumatPdf, renderSkmReportPdf, renderStandardDecreePdf } from "./service/pdf.js";
import type { SkmSummary } from "../domain/service/skm-summary.js";
import { renderLaporanKemajuanDocx } from "./laporan-kemajuan/docx.js";
import { renderLaporanKemajuanPdf } from "./laporan-kemajuan/pdf.js";
import { ProgressReportError, type ProgressReportOptions } from "./laporan-kemajuan/model.js";

export const CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ics: "text/calendar; charset=utf-8",
  xml: "application/xml; charset=utf-8",
} as const;
export type DocumentFormat = keyof typeof CONTENT_TYPES;

export type RenderOptions = {
  /** Language of labels where a document has a choice (documents are Indonesian by default). */
  lang?: "id" | "en";
  /** Where the app is reached from outside (the maklumat's QR code points at <publicUrl>/layanan/<slug>). */
  publicUrl?: string;
  /** The workflow's marks: KONSEP on a draft, the verification footer and paraf table of an approved decree. */
  marks?: DocumentMarks;
  /** The laporan kemajuan's date, period and approved baselines. */
  progress?: ProgressReportOptions;
  /** The SKM of a period, for the laporan hasil SKM (without it the report says there is no respondent yet). */
  skm?: SkmSummary;
  /** The report's date (YYYY-MM-DD); default today (UTC). */
  today?: string;
  /** The organisation's working calendar (holiday table, libur daerah) for the schedule in the plan book. */
  calendar?: ScheduleOptions;
};

function progressOptions(o: RenderOptions): ProgressReportOptions {
  if (!o.progress) {
    throw new DocumentError("document.refused", { id: "laporan kemajuan memerlukan tanggal laporan (--at TTTT-BB-HH)", en: "the progress report needs a date (--at YYYY-MM-DD)" });
  }
  return o.progress;
}

/** Without a configured address the QR code points at a local server: the poster still prints. */
export const DEFAULT_PUBLIC_URL = "http://localhost:3000";

export type RenderedDocument = { bytes: Uint8Array; contentType: string; fileName: string };

export type DocumentRenderer = {
  kind: string;
  format: DocumentFormat;
  /** File name stem; the plan's title is appended. */
  fileStem: string;
  description: Bilingual;
  render: (plan: Plan, options: RenderOptions) => Promise<Uint8Array>;
};

export const DOCUMENT_RENDERERS: readonly DocumentRenderer[] = [
  { kind: "sk", format: "docx", fileStem: "sk-tim", description: { id: "Keputusan pembentukan tim (Word)", en: "Team decree (Word)" }, render: renderDecreeDocx },
  { kind: "sk", format: "pdf", fileStem: "sk-tim", description: { id: "Keputusan pembentukan tim (PDF)", en: "Team decree (PDF)" }, render: renderDecreePdf },
  {
    kind: "aksi-perubahan",
    format: "docx",
    fileStem: "aksi-perubahan",
    description: { id: "Rancangan aksi perubahan (Word)", en: "Change-action plan (Word)" },
    render: renderAksiPerubahanDocx,
  },
  {
    kind: "aksi-perubahan",
    format: "pdf",
    fileStem: "aksi-perubahan",
    description: { id: "Rancangan aksi perubahan (PDF)", en: "Change-action plan (PDF)" },
    render: renderAksiPerubahanPdf,
  },
  { kind: "plan", format: "docx", fileStem: "buku-rencana", description: { id: "Buku rencana kegiatan (Word)", en: "Plan book (Word)" }, render: renderPlanBookDocx },
  { kind: "plan", format: "pdf", fileStem: "buku-rencana", description: { id: "Buku rencana kegiatan (PDF)", en: "Plan book (PDF)" }, render: renderPlanBookPdf },
  { kind: "budget", format: "xlsx", fileStem: "rab", description: { id: "Rencana anggaran biaya (Excel)", en: "Cost plan, RAB (Excel)" }, render: renderBudgetXlsx },
  { kind: "calendar", format: "ics", fileStem: "jadwal", description: { id: "Jadwal kegiatan (kalender .ics)", en: "Activity schedule (.ics calendar)" }, render: renderIcs },
  { kind: "standar-pelayanan", format: "docx", fileStem: "kep-standar-pelayanan", description: { id: "Keputusan penetapan standar pelayanan (Word)", en: "Decree adopting the service standard (Word)" }, render: renderStandardDecreeDocx },
  { kind: "standar-pelayanan", format: "pdf", fileStem: "kep-standar-pelayanan", description: { id: "Keputusan penetapan standar pelayanan (PDF)", en: "Decree adopting the service standard (PDF)" }, render: renderStandardDecreePdf },
  { kind: "berita-acara", format: "docx", fileStem: "berita-acara-fkp", description: { id: "Berita acara forum konsultasi publik (Word)", en: "Minutes of the public consultation forum (Word)" }, render: renderBeritaAcaraDocx },
  { kind: "berita-acara", format: "pdf", fileStem: "berita-acara-fkp", description: { id: "Berita acara forum konsultasi publik (PDF)", en: "Minutes of the public consultation forum (PDF)" }, render: renderBeritaAcaraPdf },
  { kind: "maklumat", format: "pdf", fileStem: "maklumat-a4", description: { id: "Maklumat pelayanan, poster A4 (PDF)", en: "Service pledge, A4 poster (PDF)" }, render: (plan, o) => renderMaklumatPdf(plan, "A4", o.publicUrl ?? DEFAULT_PUBLIC_URL) },
  { kind: "maklumat-a3", format: "pdf", fileStem: "maklumat-a3", description: { id: "Maklumat pelayanan, poster A3 (PDF)", en: "Service pledge, A3 poster (PDF)" }, render: (plan, o) => renderMaklumatPdf(plan, "A3", o.publicUrl ?? DEFAULT_PUBLIC_URL) },
  {
    kind: "laporan-kemajuan",
    format: "docx",
    fileStem: "laporan-kemajuan",
    description: { id: "Laporan kemajuan: Kurva S, deviasi, realisasi anggaran (Word)", en: "Progress report: S-curve, deviation, spending (Word)" },
    render: (plan, o) => renderLaporanKemajuanDocx(plan, progressOptions(o)),
  },
  {
    kind: "laporan-kemajuan",
    format: "pdf",
    fileStem: "laporan-kemajuan",
    description: { id: "Laporan kemajuan: Kurva S, deviasi, realisasi anggaran (PDF)", en: "Progress report: S-curve, deviation, spending (PDF)" },
    render: (plan, o) => renderLaporanKemajuanPdf(plan, progressOptions(o)),
  },
  { kind: "laporan-skm", format: "docx", fileStem: "laporan-skm", description: { id: "Laporan hasil survei kepuasan masyarakat (Word)", en: "Community satisfaction survey report (Word)" }, render: (plan, o) => renderSkmReportDocx(plan, o.skm, o.today ?? new Date().toISOString().slice(0, 10)) },
  { kind: "laporan-skm", format: "pdf", fileStem: "laporan-skm", description: { id: "Laporan hasil survei kepuasan masyarakat (PDF)", en: "Community satisfaction survey report (PDF)" }, render: (plan, o) => renderSkmReportPdf(plan, o.skm, o.today ?? new Date().toISOString().slice(0, 10)) },
  { kind: "mspdi", format: "xml", fileStem: "jadwal-msproject", description: { id: "Jadwal untuk Microsoft Project (XML)", en: "Schedule for Microsoft Project (XML)" }, render: renderMspdi },
];

export type DocumentErrorCode = "document.kind.unknown" | "document.format.unsupported" | "document.refused";

/** A document that cannot be produced: unknown kind/format, or refused (e.g. an unauthorised signatory). */
export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    readonly bilingual: Bilingual,
    readonly details: Array<{ path: string; code: string; message: Bilingual }> = [],
  ) {
    super(`${bilingual.id} / ${bilingual.en}`);
    this.name = "DocumentError";
  }
}

export function documentKinds(): string[] {
  return [...new Set(DOCUMENT_RENDERERS.map((r) => r.kind))];
}

export function formatsOf(kind: string): DocumentFormat[] {
  return DOCUMENT_RENDERERS.filter((r) => r.kind === kind).map((r) => r.format);
}

export function isDocumentFormat(s: string): s is DocumentFormat {
  return Object.prototype.hasOwnProperty.call(CONTENT_TYPES, s);
}

/** ASCII file-name part from a title: "Pelayanan Adminduk (Lansia)" → "pelayanan-adminduk-lansia". */
export function fileSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "rencana";
}

export async function renderDocument(kind: string, format: string, plan: Plan, options: RenderOptions = {}): Promise<RenderedDocument> {
  const known = documentKinds();
  if (!known.includes(kind)) {
    throw new DocumentError("document.kind.unknown", {
      id: `jenis dokumen "${kind}" tidak dikenal; pilihan: ${known.join(", ")}`,
      en: `unknown document kind "${kind}"; choose one of: ${known.join(", ")}`,
    });
  }
  const row = DOCUMENT_RENDERERS.find((r) => r.kind === kind && r.format === format);
  if (!row) {
    const formats = formatsOf(kind).join(", ");
    throw new DocumentError("document.format.unsupported", {
      id: `dokumen "${kind}" tidak tersedia dalam format "${format}"; yang tersedia: ${formats}`,
      en: `document "${kind}" is not available as "${format}"; available: ${formats}`,
    });
  }
  try {
    const bytes = await row.render(plan, options);
    return { bytes, contentType: CONTENT_TYPES[row.format], fileName: `${row.fileStem}-${fileSlug(plan.title)}.${row.format}` };
  } catch (e) {
    if (e instanceof DecreeAuthorityError) {
      throw new DocumentError(
        "document.refused",
        {
          id: `Keputusan tidak dibuat: penandatangan tidak berwenang (${e.problems.length} masalah, lihat rinciannya)`,
          en: `decree not rendered: the signatory is not authorised (${e.problems.length} problem(s), see details)`,
        },
        e.problems.map((p) => ({ path: p.path, code: p.code, message: p.message })),
      );
    }
    if (e instanceof ProgressReportError) throw new DocumentError("document.refused", e.bilingual);
    throw e;
  }
}

// What the laporan kemajuan (progress report to the Kepala Dinas) says, as data: the period, the
// physical and financial progress with the LKPP status, the Kurva S, the activities' planned /
// actual / deviation (and the slip against each approved baseline), spending per kode rekening,
// obstacles and follow-up, and the signatures. Every figure comes from computeProgress (the same
// computation as the screen and `rencana progress`); the DOCX and PDF writers only lay it out.
import { memberRow, pageSetup, type PageSetup } from "../../domain/decree/model.js";
import { oneLine } from "../../domain/decree/text.js";
import { formatAngka, formatRentangTanggal, formatRupiah, formatTanggal, NAMA_BULAN } from "../../domain/format/indonesian.js";
import type { Plan, TeamMember } from "../../domain/plan/schema.js";
import { isValidIsoDate } from "../../domain/plan/schema.js";
import { computeProgress, round2, type BaselineInput, type ProgressStatus, type ProgressView } from "../../domain/realization/index.js";
import { epochDayOf, isoOfEpochDay } from "../../domain/schedule/dates.js";
import type { KurvaSInput } from "../charts/kurva-s-svg.js";

/** The Kurva S of a progress view: its weekly curve and, at the date itself, its own figures. */
export function kurvaSOf(v: ProgressView): KurvaSInput {
  return {
    curve: v.curve,
    budget: v.financial.budget,
    at: v.at,
    baselineLabels: v.baselines.map((b) => b.label),
    current: { planned: v.planned, actual: v.actual, plannedSpend: v.financial.planned, actualSpend: v.financial.actual, baselines: v.baselines.map((b) => b.planned) },
  };
}

/** What the report is for: progress at `at`; `from` opens the period (a month, or any range). */
export type ProgressReportOptions = {
  at: string;
  from?: string;
  /** Approved versions to compare with, oldest first (the original, then the amended). */
  baselines?: readonly BaselineInput[];
};

export const STATUS_LABELS: Record<ProgressStatus, string> = { sesuai: "Sesuai rencana", terlambat: "Terlambat", kritis: "Kritis" };

export const NONE = "—";

export type SignatureBlock = { lead: string[]; role: string; name: string; nipLine?: string };

export type LaporanKemajuanModel = {
  page: PageSetup;
  title: string;
  subtitle: string;
  identity: Array<{ label: string; value: string }>;
  summary: Array<{ label: string; value: string; strong?: boolean }>;
  /** Said under the summary when the status is kritis or late (LKPP 12/2021). */
  statusNote?: string;
  chart: KurvaSInput;
  chartCaption: string;
  /** One line per baseline: what was planned by it at the date, and when it would finish. */
  baselineNotes: string[];
  activityColumns: string[];
  /** Column fractions of the text width, matching activityColumns. */
  activityWidths: number[];
  activities: string[][];
  /** Index of the columns to centre/right-align (figures). */
  figureFrom: number;
  accountColumns: string[];
  accounts: string[][];
  accountTotal: string[];
  spendingColumns: string[];
  spending: string[][];
  obstacles: Array<{ date: string; note: string; followUp: string; reportedBy?: string }>;
  signatures: { left: SignatureBlock; right: SignatureBlock };
  view: ProgressView;
};

export function pct(n: number): string {
  return `${formatAngka(n, 2)}%`;
}

function signed(n: number): string {
  return n > 0 ? `+${formatAngka(n, 2)}` : formatAngka(n, 2);
}

/** "Bulan Maret 2027" for a whole month, a date range otherwise, "s.d. 15 Maret 2027" without a start. */
export function periodLabel(at: string, from?: string): string {
  if (!from) return `s.d. ${formatTanggal(at)}`;
  const [y, m] = from.split("-").map(Number) as [number, number];
  const lastOfMonth = isoOfEpochDay(epochDayOf(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`) - 1);
  if (from.endsWith("-01") && at === lastOfMonth) return `Bulan ${NAMA_BULAN[m - 1]} ${y}`;
  return formatRentangTanggal(from, at);
}

/** The first and last day of a month "YYYY-MM", or undefined when it is not one. */
export function monthRange(month: string): { from: string; at: string } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return undefined;
  const from = `${m[1]}-${m[2]}-01`;
  if (!isValidIsoDate(from)) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, "0")}-01`;
  return { from, at: isoOfEpochDay(epochDayOf(next) - 1) };
}

function signatureOf(member: TeamMember | undefined, lead: string[], role: string): SignatureBlock {
  if (!member) return { lead, role, name: "...................." };
  const row = memberRow(member, 0);
  return { lead, role, name: row.name, ...(row.nipLine ? { nipLine: row.nipLine } : {}) };
}

export class ProgressReportError extends Error {
  constructor(readonly bilingual: { id: string; en: string }) {
    super(`${bilingual.id} / ${bilingual.en}`);
    this.name = "ProgressReportError";
  }
}

export function laporanKemajuanModel(plan: Plan, options: ProgressReportOptions): LaporanKemajuanModel {
  const { at, from } = options;
  const result = computeProgress(plan, at, { baselines: options.baselines ?? [] });
  if (!result.ok) throw new ProgressReportError({ id: `Jadwal belum dapat dihitung: ${result.error.message.id}`, en: `The schedule cannot be computed: ${result.error.message.en}` });
  const v = result.view;
  const fromDay = from ? epochDayOf(from) : -Infinity;
  const inPeriod = (date: string) => epochDayOf(date) >= fromDay && date <= at;

  const identity = [
    { label: "Kegiatan", value: oneLine(plan.title) },
    { label: "Perangkat daerah", value: oneLine(plan.organization.name) },
    ...(plan.organization.unit ? [{ label: "Unit kerja", value: oneLine(plan.organization.unit) }] : []),
    { label: "Periode laporan", value: periodLabel(at, from) },
    { label: "Keadaan per", value: formatTanggal(at) },
    { label: "Jadwal rencana", value: formatRentangTanggal(v.start, v.finish) },
    { label: "Pagu anggaran (RAB)", value: formatRupiah(v.financial.budget) },
    {
      label: "Bobot kegiatan",
      value: v.weightBasis === "rab" ? "dari anggaran (RAB) tiap kegiatan" : v.weightBasis === "duration" ? "dari lama kegiatan (hari kerja), tanpa RAB" : "sama rata",
    },
    { label: "Laporan realisasi", value: v.reportCount === 0 ? "belum ada" : `${v.reportCount} laporan, terakhir ${formatTanggal(v.lastReportDate!)}` },
  ];
  const summary = [
    { label: "Fisik, rencana", value: pct(v.planned) },
    { label: "Fisik, realisasi", value: pct(v.actual) },
    { label: "Deviasi fisik", value: `${signed(v.deviation)}%`, strong: true },
    { label: "Status", value: `${STATUS_LABELS[v.status]} (${v.status})`, strong: true },
    { label: "Keuangan, rencana", value: `${formatRupiah(v.financial.planned)} (${pct(v.financial.plannedPercent)})` },
    { label: "Keuangan, realisasi", value: `${formatRupiah(v.financial.actual)} (${pct(v.financial.actualPercent)})` },
  ];
  const statusNote =
    v.status === "kritis"
      ? "Status kritis menurut Peraturan LKPP Nomor 12 Tahun 2021: deviasi lebih dari 10% saat rencana 0–70%, atau lebih dari 5% saat rencana di atas 70%. Penanggung jawab perlu segera menetapkan langkah percepatan."
      : v.status === "terlambat"
        ? "Realisasi di bawah rencana, belum melewati batas kritis (Peraturan LKPP Nomor 12 Tahun 2021)."
        : undefined;

  const baselineNotes = v.baselines.map(
    (b) => `Menurut ${b.label}: rencana kumulatif per ${formatTanggal(at)} ${pct(b.planned)} (deviasi terhadapnya ${signed(round2(v.actual - b.planned))}%), jadwal ${formatRentangTanggal(b.start, b.finish)}.`,
  );
  if (v.baselines.length > 0) {
    baselineNotes.push(
      `Bobot dan rencana kumulatif di atas dihitung dari rencana yang berlaku sekarang (${formatRentangTanggal(v.start, v.finish)}); realisasi yang telah dilaporkan tetap. Kolom "Geser" adalah pergeseran selesai tiap kegiatan dalam hari kerja terhadap rencana yang disetujui (+ = lebih lambat).`,
    );
  }

  const baseCols = v.baselines.map((b) => `Geser thd ${b.label.replace(/^Rencana /, "rencana ")} (hari kerja)`);
  const activityColumns = ["No", "Kegiatan", "Bobot (%)", "Rencana (%)", "Realisasi (%)", "Deviasi (%)", "Keterangan", ...baseCols];
  const extra = baseCols.length;
  const activityWidths = [0.05, 0.3 - 0.05 * extra, 0.08, 0.11, 0.11, 0.1, 0.25 - 0.04 * extra, ...baseCols.map(() => 0.09)];
  const activities = v.activities.map((a, i) => {
    const notes: string[] = [];
    if (a.behind) notes.push(a.status === "kritis" ? "kritis" : "terlambat");
    if (a.onCriticalPath) notes.push("jalur kritis");
    if (a.actualFinish) notes.push(`selesai ${formatTanggal(a.actualFinish)}`);
    else if (a.actualStart) notes.push(`mulai ${formatTanggal(a.actualStart)}`);
    return [
      `${i + 1}.`,
      oneLine(a.name),
      formatAngka(a.weight, 2),
      formatAngka(a.planned, 2),
      formatAngka(a.actual, 2),
      signed(a.deviation),
      notes.join("; ") || NONE,
      ...a.baselineSlips.map((s) => (s === null ? "baru" : s > 0 ? `+${s}` : String(s))),
    ];
  });

  const accountColumns = ["No", "Kode rekening", "Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "Serapan (%)"];
  const accounts = v.accounts.map((a, i) => [
    `${i + 1}.`,
    a.account ?? "(tanpa kode rekening)",
    formatAngka(a.budget),
    formatAngka(a.spent),
    formatAngka(a.budget - a.spent),
    a.budget > 0 ? formatAngka((a.spent / a.budget) * 100, 2) : NONE,
  ]);
  const totalSpent = v.accounts.reduce((s, a) => s + a.spent, 0);
  const accountTotal = ["", "Jumlah", formatAngka(v.financial.budget), formatAngka(totalSpent), formatAngka(v.financial.budget - totalSpent), v.financial.budget > 0 ? formatAngka((totalSpent / v.financial.budget) * 100, 2) : NONE];

  const lines = new Map(plan.budget.map((b) => [b.id, b]));
  const spendingColumns = ["Tanggal", "Uraian RAB", "Kode rekening", "Jumlah (Rp)", "Bukti (SP2D/kuitansi)"];
  const spending = (plan.realization?.reports ?? [])
    .flatMap((r) => r.spending.map((s) => ({ ...s, date: s.date ?? r.date })))
    .filter((s) => inPeriod(s.date))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((s) => {
      const line = lines.get(s.budgetId);
      return [formatTanggal(s.date), oneLine(line?.item ?? s.budgetId), oneLine(line?.account ?? "") || NONE, formatAngka(s.amount), oneLine(s.reference ?? "") || NONE];
    });

  const obstacles = v.obstacles
    .filter((o) => inPeriod(o.date))
    .map((o) => ({ date: formatTanggal(o.date), note: o.note ? oneLine(o.note) : NONE, followUp: o.followUp ? oneLine(o.followUp) : NONE, ...(o.reportedBy ? { reportedBy: oneLine(o.reportedBy) } : {}) }));

  const ketua = plan.team.find((m) => m.role === "ketua");
  const pj = plan.team.find((m) => m.role === "penanggung-jawab");
  const place = oneLine(plan.decree.place ?? "");
  return {
    page: pageSetup(plan),
    title: "LAPORAN KEMAJUAN PELAKSANAAN KEGIATAN",
    subtitle: oneLine(plan.title),
    identity,
    summary,
    ...(statusNote ? { statusNote } : {}),
    chart: kurvaSOf(v),
    chartCaption: `Kurva S: rencana dan realisasi fisik dan keuangan per minggu, keadaan per ${formatTanggal(at)}`,
    baselineNotes,
    activityColumns,
    activityWidths,
    activities,
    figureFrom: 2,
    accountColumns,
    accounts,
    accountTotal,
    spendingColumns,
    spending,
    obstacles,
    signatures: {
      left: signatureOf(pj, ["Mengetahui,"], "Penanggung Jawab"),
      right: signatureOf(ketua, [`${place || "...................."}, ${formatTanggal(at)}`], "Ketua Tim"),
    },
    view: v,
  };
}

// What the plan book says, chapter by chapter, computed from one plan with the domain's own
// functions (stage outputs, schedule, resource loading, lineAmount). Pure: no IO, so the same
// content feeds the DOCX and the PDF renderer.
import { pageSetup } from "../../domain/decree/model.js";
import { formatAngka, formatNip, formatRupiah, formatTanggal } from "../../domain/format/indonesian.js";
import type { Plan } from "../../domain/plan/schema.js";
import { buildWorkingCalendar, schedulePlan, type Schedule, type ScheduleOptions } from "../../domain/schedule/index.js";
import { resourceLoading, type Overallocation } from "../../domain/schedule/resources.js";
import { stageOutputs, STAKEHOLDER_QUADRANT_INFO, type StageOutputs } from "../../domain/stages/index.js";
import { ganttPages, ganttRowsFitting, nonWorkingDaysBetween, type GanttRow } from "../charts/gantt-svg.js";
import { stakeholderGridSvg } from "../charts/stakeholder-grid-svg.js";
import { CHART_FONT } from "../pdf-fonts.js";
import { groupBudgetByActivity } from "../budget/groups.js";
import { totalInWords } from "../budget/rab-xlsx.js";
import { bold, cell, heading, italic, numCell, para, run, type Block, type Cell, type ListItem, type PlanBookDocument, type Run } from "./blocks.js";

/** Chapter titles, in order: tests and readers look for exactly these. */
export const CHAPTERS = [
  "BAB I PENDAHULUAN",
  "BAB II KELOMPOK MASYARAKAT SASARAN",
  "BAB III ANALISIS FAKTOR INTERNAL DAN EKSTERNAL",
  "BAB IV PENENTUAN KEGIATAN PELAYANAN",
  "BAB V JADWAL KEGIATAN",
  "BAB VI SUMBER DAYA YANG DIBUTUHKAN",
  "BAB VII PENGELOLAAN SUMBER DAYA",
  "BAB VIII TIM PELAKSANA",
  "BAB IX PEMANGKU KEPENTINGAN DAN KOMUNIKASI",
] as const;

const PATTERN_LABELS: Record<Plan["service"]["pattern"], string> = {
  fungsional: "Fungsional — diselenggarakan oleh penyelenggara pelayanan sesuai tugas, fungsi, dan kewenangannya",
  terpusat: "Terpusat — diselenggarakan oleh satu penyelenggara atas pelimpahan wewenang dari penyelenggara terkait",
  "terpadu-satu-atap": "Terpadu satu atap — beberapa jenis pelayanan yang tidak saling berkaitan di satu tempat, melalui beberapa pintu",
  "terpadu-satu-pintu": "Terpadu satu pintu — beberapa jenis pelayanan yang saling berkaitan di satu tempat, melalui satu pintu",
  "gugus-tugas": "Gugus tugas — petugas ditempatkan perorangan atau dalam gugus tugas di lokasi tertentu",
};

const ROLE_LABELS: Record<Plan["team"][number]["role"], string> = {
  pengarah: "Pengarah",
  "penanggung-jawab": "Penanggung Jawab",
  ketua: "Ketua",
  sekretaris: "Sekretaris",
  anggota: "Anggota",
};

const MECHANISM_LABELS: Record<Plan["mobilization"][number]["mechanism"], string> = {
  "inti-plasma": "Kemitraan inti-plasma",
  subkontrak: "Kemitraan subkontrak",
  keagenan: "Kemitraan keagenan",
  "bagi-hasil": "Kemitraan bagi hasil",
  swadaya: "Swadaya masyarakat",
  csr: "CSR (tanggung jawab sosial perusahaan)",
};

export const MOBILIZATION_STAGES: { key: Plan["mobilization"][number]["stage"]; label: string }[] = [
  // Named as the PKP module names them (Indonesian first, the module's English in brackets).
  { key: "cultivating", label: "Pembenihan (cultivating)" },
  { key: "first-contact", label: "Kontak Awal (first contact)" },
  { key: "appointment", label: "Membuat Janji (appointment setting)" },
  { key: "meeting", label: "Pertemuan (meeting)" },
  { key: "proposal", label: "Pengusulan (proposal)" },
  { key: "follow-up", label: "Menindaklanjuti (follow up)" },
  { key: "deal", label: "Capai Kesepakatan (get the deal)" },
];

const PRINCIPLE_LABELS: Record<Plan["communication"][number]["principles"][number], string> = {
  terbuka: "terbuka",
  terstruktur: "terstruktur",
  bersemangat: "bersemangat",
  seimbang: "seimbang",
  profesional: "profesional",
  wording: "pemilihan kata",
};

const ATTITUDE_LABELS = { supportive: "mendukung", neutral: "netral", opposed: "menentang" } as const;

const HEADER_FILL = "#d9e2f3";
const TOTAL_FILL = "#f2f2f2";
const CRITICAL_FILL = "#fbe3e1";

const dash = "–";
const orDash = (s: string | undefined | null): string => (s === undefined || s === null || s.trim() === "" ? dash : s);
const header = (...titles: string[]): Cell[] => titles.map((t) => cell([bold(t)], { align: "center", fill: HEADER_FILL }));
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** Decimal numbers the Indonesian way, without trailing zeros: 2.5 → "2,5". */
function angka(n: number): string {
  if (Number.isInteger(n)) return formatAngka(n);
  return formatAngka(n, 2).replace(/,?0+$/, "");
}
const dateOrDash = (iso: string | undefined): string => (iso ? formatTanggal(iso) : dash);

function bulletList(texts: string[], marker: "•" | "number" | "letter" = "•", level = 0): ListItem[] {
  return texts.map((t, i) => ({
    marker: marker === "number" ? `${i + 1}.` : marker === "letter" ? `${letter(i)}.` : "•",
    runs: [run(t)],
    level,
  }));
}

function letter(i: number): string {
  let s = "";
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** Everything the book shows that has to be computed, computed once. */
export interface PlanBookData {
  /** The organisation's working calendar (holiday table, libur daerah) the schedule was computed with. */
  calendar: ScheduleOptions;
  outputs: StageOutputs;
  schedule: Schedule | null;
  scheduleProblem: string | null;
}

export function computePlanBookData(plan: Plan, calendar: ScheduleOptions = {}): PlanBookData {
  const outputs = stageOutputs(plan);
  const result = schedulePlan(plan, calendar);
  if (result.ok) return { calendar, outputs, schedule: result.schedule, scheduleProblem: null };
  return { calendar, outputs, schedule: null, scheduleProblem: `${result.error.message.id} (${result.error.cycle.join(" → ")})` };
}

export function planBookModel(plan: Plan, data: PlanBookData = computePlanBookData(plan)): PlanBookDocument {
  const page = pageSetup(plan);
  const org = plan.organization;
  const cover: Block[] = [
    para([bold("RENCANA KEGIATAN PELAYANAN PUBLIK")], { align: "center", sizePt: 16, spaceAfterPt: 36 }),
    para([bold(plan.title.toUpperCase())], { align: "center", sizePt: 20, spaceAfterPt: 36 }),
    para(`Layanan: ${plan.service.name}`, { align: "center", spaceAfterPt: 120 }),
    ...(org.unit.trim() !== "" ? [para([bold(org.unit)], { align: "center", spaceAfterPt: 4 })] : []),
    para([bold(org.name.toUpperCase())], { align: "center", spaceAfterPt: 4 }),
    ...(org.government ? [para(org.government, { align: "center", spaceAfterPt: 4 })] : []),
    para([bold(`TAHUN ANGGARAN ${plan.fiscalYear}`)], { align: "center", spaceAfterPt: 4 }),
  ];

  const blocks: Block[] = [
    ...introduction(plan),
    ...targetGroupsChapter(plan, data.outputs),
    ...analysisChapter(plan, data.outputs),
    ...directionChapter(plan, data.outputs),
    ...scheduleChapter(plan, data),
    ...resourcesChapter(plan, data),
    ...resourceManagementChapter(plan),
    ...teamChapter(plan),
    ...stakeholderChapter(plan, data.outputs),
  ];
  return { page, title: plan.title, footer: `Rencana Kegiatan — ${plan.title}`, cover, blocks };
}

function introduction(plan: Plan): Block[] {
  const o = plan.organization;
  return [
    heading(1, CHAPTERS[0]),
    para([run("Rencana ini disusun oleh "), bold(o.unit.trim() !== "" ? `${o.unit}, ${o.name}` : o.name), run(` untuk Tahun Anggaran ${plan.fiscalYear}.`)], { align: "justify" }),
    heading(2, "A. Layanan"),
    {
      kind: "table",
      widths: [30, 70],
      header: header("Uraian", "Keterangan"),
      rows: [
        [cell("Nama layanan"), cell(orDash(plan.service.name))],
        [cell("Pola pelayanan"), cell(PATTERN_LABELS[plan.service.pattern])],
        [cell("Deskripsi"), cell(orDash(plan.service.description))],
        [cell("Mulai rencana"), cell(formatTanggal(plan.start))],
      ],
    },
    heading(2, "B. Sistematika"),
    { kind: "list", items: bulletList(CHAPTERS.map((c) => c.replace(/^(BAB [IVX]+) /, "$1 — "))) },
  ];
}

function targetGroupsChapter(plan: Plan, outputs: StageOutputs): Block[] {
  const t = outputs.targetGroups;
  return [
    heading(1, CHAPTERS[1]),
    para("Tahap 1 mengidentifikasi kelompok masyarakat yang menjadi sasaran pelayanan.", { align: "justify" }),
    {
      kind: "table",
      widths: [6, 30, 14, 22, 28],
      header: header("No", "Kelompok sasaran", "Jumlah (orang)", "Wilayah", "Kebutuhan"),
      rows: [
        ...plan.targetGroups.map((g, i) => [numCell(String(i + 1)), cell(g.name), numCell(formatAngka(g.size)), cell(orDash(g.area)), cell(orDash(g.needs))]),
        [cell([bold("Jumlah")], { colSpan: 2, fill: TOTAL_FILL }), numCell(formatAngka(t.peopleCount), { fill: TOTAL_FILL }), cell("", { colSpan: 2, fill: TOTAL_FILL })],
      ],
    },
    para([bold("Keluaran tahap 1: "), run(`${formatAngka(t.groupCount)} kelompok sasaran dengan ${formatAngka(t.peopleCount)} orang yang akan dilayani.`)]),
  ];
}

function analysisChapter(plan: Plan, outputs: StageOutputs): Block[] {
  const a = outputs.analysis;
  const factors = plan.analysis.factors;
  const ofKind = (kind: string) => factors.filter((f) => f.kind === kind);
  const listCell = (kind: string): Cell => {
    const list = ofKind(kind);
    return cell(list.length === 0 ? [italic("(belum ada)")] : list.flatMap((f, i) => [run(`${i + 1}. ${f.text}${i < list.length - 1 ? "\n" : ""}`)]));
  };
  const scoreTable = (title: string, kinds: [string, string, string, string]): Block => {
    const rows: Cell[][] = [];
    for (const [kind, label] of [[kinds[0], kinds[1]], [kinds[2], kinds[3]]] as const) {
      rows.push([cell([bold(label)], { colSpan: 4, fill: TOTAL_FILL })]);
      for (const f of ofKind(kind)) {
        const score = f.weight !== undefined && f.rating !== undefined ? angka(Math.round(f.weight * f.rating * 1e6) / 1e6) : dash;
        rows.push([cell(f.text), numCell(f.weight === undefined ? dash : angka(f.weight)), numCell(f.rating === undefined ? dash : angka(f.rating)), numCell(score)]);
      }
    }
    return { kind: "table", widths: [58, 14, 14, 14], header: header(title, "Bobot", "Rating", "Skor"), rows };
  };
  const strategiesOf = (kind: "SO" | "WO" | "ST" | "WT"): Cell => {
    const list = plan.analysis.strategies.filter((s) => s.kind === kind);
    return cell(list.length === 0 ? [italic("(belum ada)")] : list.map((s, i) => run(`${i + 1}. ${s.text}${i < list.length - 1 ? "\n" : ""}`)));
  };
  const q = a.quadrant;
  return [
    heading(1, CHAPTERS[2]),
    heading(2, "A. Matriks SWOT"),
    {
      kind: "table",
      widths: [50, 50],
      header: header("Kekuatan (S)", "Kelemahan (W)"),
      rows: [
        [listCell("strength"), listCell("weakness")],
        [cell([bold("Peluang (O)")], { align: "center", fill: HEADER_FILL }), cell([bold("Ancaman (T)")], { align: "center", fill: HEADER_FILL })],
        [listCell("opportunity"), listCell("threat")],
      ],
    },
    heading(2, "B. IFAS dan EFAS"),
    scoreTable("Faktor internal (IFAS)", ["strength", "Kekuatan", "weakness", "Kelemahan"]),
    para([
      bold("IFAS: "),
      run(`skor kekuatan ${angka(a.ifas.strengths.score)} − skor kelemahan ${angka(a.ifas.weaknesses.score)} = ${angka(a.ifas.difference)} (jumlah bobot ${angka(a.ifas.weightSum)}).`),
    ]),
    scoreTable("Faktor eksternal (EFAS)", ["opportunity", "Peluang", "threat", "Ancaman"]),
    para([
      bold("EFAS: "),
      run(`skor peluang ${angka(a.efas.opportunities.score)} − skor ancaman ${angka(a.efas.threats.score)} = ${angka(a.efas.difference)} (jumlah bobot ${angka(a.efas.weightSum)}).`),
    ]),
    para(
      q === null
        ? [italic("Posisi kuadran belum dapat ditentukan: bobot dan rating faktor belum lengkap.")]
        : [bold("Posisi: "), run(`${q.label.id} (x = ${angka(q.x)}, y = ${angka(q.y)}); ${q.advice.id}.`)],
    ),
    ...(a.warnings.length > 0 ? [{ kind: "list", items: bulletList(a.warnings.map((w) => `Catatan: ${w.message.id}`)) } as Block] : []),
    heading(2, "C. Asumsi"),
    plan.analysis.assumptions.length === 0 ? para([italic("(belum ada asumsi)")]) : { kind: "list", items: bulletList(plan.analysis.assumptions.map((x) => x.text), "number") },
    heading(2, "D. Matriks TOWS"),
    {
      kind: "table",
      widths: [20, 40, 40],
      header: header("", "Kekuatan (S)", "Kelemahan (W)"),
      rows: [
        [cell([bold("Peluang (O)")], { fill: HEADER_FILL }), strategiesOf("SO"), strategiesOf("WO")],
        [cell([bold("Ancaman (T)")], { fill: HEADER_FILL }), strategiesOf("ST"), strategiesOf("WT")],
      ],
    },
    para([
      bold("Keluaran tahap 2: "),
      run(
        `${a.counts.strengths} kekuatan, ${a.counts.weaknesses} kelemahan, ${a.counts.opportunities} peluang, ${a.counts.threats} ancaman, ${a.counts.assumptions} asumsi, dan ${a.counts.strategies} strategi TOWS.`,
      ),
    ]),
  ];
}

function directionChapter(plan: Plan, outputs: StageOutputs): Block[] {
  const d = outputs.direction;
  const tree = d.tree;
  const items: ListItem[] = [];
  const owners = new Map(plan.team.map((m) => [m.id, m.name]));
  const strategyKinds = new Map(plan.analysis.strategies.map((s) => [s.id, s.kind]));
  const programItems = (programs: typeof tree.untargeted, level: number) => {
    for (const p of programs) {
      items.push({ marker: "▪", runs: [bold("Program: "), run(p.programName ?? "(tanpa program)")], level });
      for (const a of p.activities) {
        items.push({ marker: "–", runs: [run(`Kegiatan: ${a.name}`), ...(a.output ? [italic(` → ${a.output}`)] : [])], level: level + 1 });
      }
    }
  };
  tree.goals.forEach((g, gi) => {
    items.push({ marker: `${gi + 1}.`, runs: [bold("Tujuan: "), run(g.text)], level: 0 });
    g.targets.forEach((t, ti) => {
      items.push({ marker: `${letter(ti)}.`, runs: [bold("Sasaran: "), run(`${t.text} — indikator: ${orDash(t.indicator)}; target: ${orDash(t.targetValue)}`)], level: 1 });
      programItems(t.programs, 2);
    });
  });
  if (tree.untargeted.length > 0) {
    items.push({ marker: `${tree.goals.length + 1}.`, runs: [italic("Kegiatan yang belum dikaitkan dengan sasaran")], level: 0 });
    programItems(tree.untargeted, 1);
  }
  return [
    heading(1, CHAPTERS[3]),
    heading(2, "A. Visi dan Misi"),
    para([bold("Visi: "), run(orDash(tree.vision))], { align: "justify" }),
    para([bold("Misi:")]),
    tree.missions.length === 0 ? para([italic("(belum ada misi)")]) : { kind: "list", items: bulletList(tree.missions, "number") },
    heading(2, "B. Pohon Arah Kegiatan"),
    para("Tujuan, sasaran (dengan indikator dan target), program, dan kegiatan yang diturunkan darinya:", { align: "justify" }),
    items.length === 0 ? para([italic("(belum ada tujuan atau kegiatan)")]) : { kind: "list", items },
    heading(2, "C. Kebijakan"),
    tree.policies.length === 0 ? para([italic("(belum ada kebijakan)")]) : { kind: "list", items: bulletList(tree.policies, "number") },
    heading(2, "D. Daftar Kegiatan"),
    {
      kind: "table",
      widths: [6, 30, 26, 14, 24],
      header: header("No", "Kegiatan", "Keluaran", "Strategi", "Penanggung jawab"),
      fontSizePt: 9,
      rows: plan.activities.map((a, i) => [
        numCell(String(i + 1)),
        cell(a.name),
        cell(orDash(a.output)),
        cell(orDash((a.strategyIds ?? []).map((id) => strategyKinds.get(id) ?? id).join(", "))),
        cell(orDash(a.ownerId ? (owners.get(a.ownerId) ?? a.ownerId) : undefined)),
      ]),
    },
    para([
      bold("Keluaran tahap 3: "),
      run(`${d.counts.goals} tujuan, ${d.counts.targets} sasaran, ${d.counts.programs} program, dan ${d.counts.activities} kegiatan (${d.counts.milestones} tonggak).`),
    ]),
  ];
}

function scheduleChapter(plan: Plan, data: PlanBookData): Block[] {
  const page = pageSetup(plan);
  const blocks: Block[] = [heading(1, CHAPTERS[4])];
  const schedule = data.schedule;
  if (!schedule) {
    blocks.push(para([bold("Jadwal belum dapat dihitung: "), run(data.scheduleProblem ?? "jadwal belum dihitung")]));
    return blocks;
  }
  const week = ["", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
  const fromYear = Number(schedule.start.slice(0, 4));
  const toYear = Number(schedule.finish.slice(0, 4));
  const calendar = buildWorkingCalendar(plan, Math.min(fromYear, toYear), Math.max(fromYear, toYear), data.calendar.holidayTable, data.calendar.regionalHolidays);
  const holidays = calendar.holidays(schedule.start, schedule.finish).filter((h) => h.observed);
  const byId = new Map(plan.activities.map((a) => [a.id, a]));
  const criticalNames = schedule.criticalPath.map((id) => byId.get(id)?.name ?? id);
  blocks.push(
    para([
      run("Jadwal dihitung dalam hari kerja ("),
      run([...plan.calendar.workWeek].sort().map((d) => week[d] ?? String(d)).join(", ")),
      run(plan.calendar.nationalHolidays ? "; di luar hari libur nasional dan cuti bersama" : ""),
      run(`). Kegiatan dimulai ${formatTanggal(schedule.start)} dan selesai ${formatTanggal(schedule.finish)}.`),
    ], { align: "justify" }),
  );
  if (schedule.estimatedHolidayYears.length > 0) {
    blocks.push(para([italic(`Hari libur tahun ${schedule.estimatedHolidayYears.join(", ")} masih perkiraan (belum ada SKB).`)]));
    if (schedule.unknownHolidays.length > 0)
      blocks.push(para([italic(`Belum masuk perkiraan karena tanggalnya belum dapat dihitung: ${schedule.unknownHolidays.map((u) => `${u.name} ${u.year}`).join(", ")}; jadwal dapat jatuh pada hari-hari tersebut.`)]));
  }
  blocks.push(
    heading(2, "A. Tabel Jadwal"),
    {
      kind: "table",
      widths: [6, 38, 10, 15, 15, 8, 8],
      header: header("No", "Kegiatan", "Durasi (hari kerja)", "Mulai", "Selesai", "Float", "Kritis"),
      fontSizePt: 9,
      rows: schedule.activities.map((s, i) => {
        const fill = s.critical ? CRITICAL_FILL : undefined;
        const opt = fill ? { fill } : {};
        return [
          numCell(String(i + 1), opt),
          cell([run(byId.get(s.id)?.name ?? s.id, s.critical ? { bold: true } : {}), ...(s.milestone ? [italic(" (tonggak)")] : [])], opt),
          numCell(String(s.durationDays), opt),
          cell(formatTanggal(s.start), opt),
          cell(formatTanggal(s.finish), opt),
          numCell(String(s.totalFloat), opt),
          cell(s.critical ? "ya" : "", { align: "center", ...opt }),
        ];
      }),
    },
    para([bold("Jalur kritis: "), run(criticalNames.length === 0 ? dash : criticalNames.join(" → "))], { align: "justify" }),
    heading(2, "B. Hari Libur dalam Rentang Jadwal"),
    holidays.length === 0
      ? para([italic("(tidak ada hari libur dalam rentang jadwal)")])
      : { kind: "list", items: bulletList(holidays.map((h) => `${formatTanggal(h.date)} — ${h.name}${h.estimated ? " (perkiraan)" : ""}`)) },
  );

  // The Gantt chart on landscape pages: the time axis needs the width.
  const rows: GanttRow[] = schedule.activities.map((s) => {
    const progress = byId.get(s.id)?.progress?.percent;
    return {
      id: s.id,
      label: byId.get(s.id)?.name ?? s.id,
      start: s.start,
      finish: s.finish,
      critical: s.critical,
      milestone: s.milestone,
      ...(progress === undefined ? {} : { progressPercent: progress }),
    };
  });
  const holidayNames = new Map(holidays.map((h) => [h.date, h.name]));
  const pages = ganttPages(
    {
      rows,
      from: schedule.start,
      to: schedule.finish,
      nonWorkingDays: nonWorkingDaysBetween(schedule.start, schedule.finish, (iso) => calendar.isWorkingDay(iso), (iso) => holidayNames.get(iso)),
      fontFamily: CHART_FONT,
    },
    // A landscape page's text height, less room for a heading and the caption.
    ganttRowsFitting(((page.widthMm - page.marginsMm.top - page.marginsMm.bottom) * 72) / 25.4 - 70),
  );
  blocks.push({ kind: "section", orientation: "landscape" }, heading(2, "C. Bagan Gantt"));
  pages.forEach((picture, i) => {
    if (i > 0) blocks.push({ kind: "pageBreak" });
    blocks.push({
      kind: "picture",
      picture,
      caption: `Gambar ${i + 1}. Bagan Gantt${pages.length > 1 ? ` (bagian ${i + 1} dari ${pages.length})` : ""}; batang merah = jalur kritis, arsiran = akhir pekan dan hari libur.`,
    });
  });
  blocks.push({ kind: "section", orientation: "portrait" });
  return blocks;
}

/** Consecutive over-allocated days of one resource, merged into periods. */
export interface OverallocationPeriod {
  resourceId: string;
  from: string;
  to: string;
  days: number;
  peakNeed: number;
  available: number;
  activityIds: string[];
}

export function overallocationPeriods(overallocations: Overallocation[], workingDayAfter: (iso: string) => string): OverallocationPeriod[] {
  const byResource = new Map<string, Overallocation[]>();
  for (const o of overallocations) {
    const list = byResource.get(o.resourceId);
    if (list) list.push(o);
    else byResource.set(o.resourceId, [o]);
  }
  const periods: OverallocationPeriod[] = [];
  for (const [resourceId, list] of byResource) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let current: OverallocationPeriod | undefined;
    for (const o of list) {
      if (current && workingDayAfter(current.to) === o.date) {
        current.to = o.date;
        current.days += 1;
        current.peakNeed = Math.max(current.peakNeed, o.need);
        for (const id of o.activityIds) if (!current.activityIds.includes(id)) current.activityIds.push(id);
      } else {
        current = { resourceId, from: o.date, to: o.date, days: 1, peakNeed: o.need, available: o.available, activityIds: [...o.activityIds] };
        periods.push(current);
      }
    }
  }
  return periods.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.resourceId.localeCompare(b.resourceId)));
}

function resourcesChapter(plan: Plan, data: PlanBookData): Block[] {
  const r = data.outputs.resources;
  const byId = new Map(plan.activities.map((a) => [a.id, a.name]));
  const blocks: Block[] = [heading(1, CHAPTERS[5]), heading(2, "A. Kebutuhan dan Beban Sumber Daya")];
  // One computation of load: with a schedule, the peak is the busiest working day of all
  // overlapping activities (resourceLoading); without one, the largest single assignment.
  const loading = data.schedule ? resourceLoading(plan, data.schedule, data.calendar) : undefined;
  const loadOf = new Map((loading?.resources ?? []).map((l) => [l.resourceId, l]));
  const rows: Cell[][] = [];
  for (const kind of ["people", "facility", "material", "budget"] as const) {
    const k = r.kinds[kind];
    if (k.resources.length === 0) continue;
    rows.push([cell([bold(`${capitalise(k.label.id)} (${k.count})`)], { colSpan: 6, fill: TOTAL_FILL })]);
    for (const s of k.resources) {
      const l = loadOf.get(s.id);
      const peak = l ? l.peak : s.peakPerDay;
      // Material is consumed: judged on the total. Capacities: on the busiest day.
      const over = kind === "material" ? !s.covered : l ? l.days.some((d) => d.need > d.available) : !s.covered;
      rows.push([
        cell(s.name),
        cell(orDash(s.unit)),
        numCell(angka(s.available)),
        numCell(angka(s.need)),
        numCell(angka(peak)),
        cell(over ? (kind === "material" ? "kurang" : "melebihi") : "cukup", { align: "center", ...(over ? { fill: CRITICAL_FILL } : {}) }),
      ]);
    }
  }
  if (rows.length === 0) rows.push([cell([italic("(belum ada sumber daya)")], { colSpan: 6 })]);
  const present = (["people", "facility", "material", "budget"] as const).filter((k) => r.kinds[k].count > 0);
  blocks.push(
    {
      kind: "table",
      widths: [34, 12, 12, 16, 14, 12],
      header: header("Sumber daya", "Satuan", "Tersedia (per hari; material: persediaan)", "Kebutuhan (satuan × hari)", loading ? "Puncak per hari (semua kegiatan)" : "Puncak per hari (satu kegiatan)", "Status"),
      fontSizePt: 9,
      rows,
    },
    para([
      bold("Keluaran tahap 5: "),
      run(`${r.resourceCount} sumber daya${present.length > 0 ? ` — ${present.map((k) => `${r.kinds[k].count} ${r.kinds[k].label.id}`).join(", ")}` : ""}.`),
    ]),
  );
  // A kind left empty is worth saying, except budget rates when the RAB itself is filled in.
  const missing = r.missingKinds.filter((k) => !(k === "budget" && plan.budget.length > 0));
  if (missing.length > 0) {
    blocks.push(para([italic(`Jenis sumber daya yang belum diisi: ${missing.map((k) => r.kinds[k].label.id).join(", ")}.`)]));
  }

  blocks.push(heading(2, "B. Kelebihan Alokasi"));
  if (!data.schedule || !loading) {
    blocks.push(para([italic("Beban harian belum dapat dihitung karena jadwal belum dihitung.")]));
  } else {
    const fromYear = Number(data.schedule.start.slice(0, 4));
    const calendar = buildWorkingCalendar(plan, fromYear, Math.max(fromYear, Number(data.schedule.finish.slice(0, 4))) + 1, data.calendar.holidayTable, data.calendar.regionalHolidays);
    const periods = overallocationPeriods(loading.overallocations, (iso) => calendar.addWorkingDays(iso, 1));
    const names = new Map(plan.resources.map((x) => [x.id, x]));
    if (periods.length === 0) {
      blocks.push(para("Tidak ada kelebihan alokasi: pada setiap hari kerja kebutuhan tidak melebihi yang tersedia."));
    } else {
      blocks.push(para([bold(`Kelebihan alokasi (${periods.length} periode):`)]), {
        kind: "table",
        widths: [22, 26, 8, 14, 30],
        header: header("Sumber daya", "Periode", "Hari kerja", "Kebutuhan puncak / tersedia", "Kegiatan"),
        fontSizePt: 9,
        rows: periods.map((p) => {
          const res = names.get(p.resourceId);
          return [
            cell(res?.name ?? p.resourceId),
            cell(p.from === p.to ? formatTanggal(p.from) : `${formatTanggal(p.from)} – ${formatTanggal(p.to)}`),
            numCell(String(p.days)),
            numCell(`${angka(p.peakNeed)} / ${angka(p.available)} ${res?.unit ?? ""}`.trim()),
            cell(p.activityIds.map((id) => byId.get(id) ?? id).join("; ")),
          ];
        }),
      });
    }
  }

  // The RAB, grouped by activity as in the XLSX, amounts from the domain's lineAmount.
  const groups = groupBudgetByActivity(plan);
  const b = data.outputs.budget;
  const rab: Cell[][] = [];
  groups.forEach((g, gi) => {
    rab.push([cell([bold(`${letter(gi).toUpperCase()}. ${g.activityName}`)], { colSpan: 8, fill: TOTAL_FILL })]);
    g.lines.forEach((line, li) => {
      rab.push([
        numCell(String(li + 1)),
        cell(orDash(line.account)),
        cell(line.item),
        numCell(`${angka(line.volume)} ${line.unit}`.trim()),
        numCell(formatRupiah(line.unitPrice)),
        numCell(angka(line.taxPercent ?? 0)),
        numCell(formatRupiah(g.amounts[li] ?? 0)),
        cell(orDash(line.source)),
      ]);
    });
    rab.push([cell([bold(`Jumlah ${g.activityName}`)], { colSpan: 6 }), numCell(formatRupiah(g.total), { fill: TOTAL_FILL }), cell("")]);
  });
  rab.push([cell([bold("JUMLAH TOTAL")], { colSpan: 6, fill: HEADER_FILL }), cell([bold(formatRupiah(b.grandTotal))], { align: "right", fill: HEADER_FILL }), cell("", { fill: HEADER_FILL })]);
  blocks.push(
    // Nine money-sized columns need the width of a landscape page.
    { kind: "section", orientation: "landscape" },
    heading(2, "C. Rencana Anggaran Biaya (RAB)"),
    {
      kind: "table",
      widths: [4, 14, 32, 9, 12, 6, 13, 10],
      header: header("No", "Kode Rekening", "Uraian", "Volume", "Harga Satuan", "Pajak (%)", "Jumlah", "Sumber Dana"),
      fontSizePt: 8,
      rows: rab,
    },
    para([bold("Jumlah total anggaran: "), run(formatRupiah(b.grandTotal))]),
    para([bold("Terbilang: "), italic(capitalise(totalInWords(b.grandTotal)))], { align: "justify" }),
  );
  if (b.perSource.length > 0) {
    blocks.push(para([bold("Menurut sumber dana:")]), {
      kind: "list",
      items: bulletList(b.perSource.map((s) => `${s.source ?? "(tanpa sumber dana)"}: ${formatRupiah(s.amount)} (${s.lineCount} rincian)`)),
    });
  }
  blocks.push({ kind: "section", orientation: "portrait" });
  return blocks;
}

function resourceManagementChapter(plan: Plan): Block[] {
  const s = plan.resourceStrategy;
  const stageIndex = new Map(MOBILIZATION_STAGES.map((m, i) => [m.key, i]));
  const pipeline = MOBILIZATION_STAGES.map((stage) => ({ stage, partners: plan.mobilization.filter((m) => m.stage === stage.key) }));
  return [
    heading(1, CHAPTERS[6]),
    heading(2, "A. Strategi Pengelolaan Sumber Daya"),
    {
      kind: "table",
      widths: [30, 70],
      header: header("Aspek", "Strategi"),
      rows: [
        [cell("Organisasi dan administrasi yang baik"), cell(orDash(s.organization))],
        [cell("Perpaduan aset berwujud dan tidak berwujud"), cell(orDash(s.assets))],
        [cell("Kemampuan adaptasi"), cell(orDash(s.adaptiveness))],
        [cell("Budaya organisasi"), cell(orDash(s.culture))],
      ],
    },
    heading(2, "B. Mobilisasi Sumber Daya dari Mitra"),
    {
      kind: "table",
      widths: [36, 10, 54],
      header: header("Tahap", "Mitra", "Nama mitra"),
      fontSizePt: 9,
      rows: pipeline.map((p, i) => [cell(`${i + 1}. ${p.stage.label}`), numCell(String(p.partners.length)), cell(p.partners.length === 0 ? dash : p.partners.map((m) => m.partner).join("; "))]),
    },
    plan.mobilization.length === 0
      ? para([italic("(belum ada mitra)")])
      : {
          kind: "table",
          widths: [18, 14, 12, 20, 12, 16, 8],
          header: header("Mitra", "Mekanisme", "Tahap", "Kontribusi", "Nilai", "Langkah berikut", "Tenggat"),
          fontSizePt: 8,
          rows: plan.mobilization.map((m) => [
            cell(m.partner),
            cell(MECHANISM_LABELS[m.mechanism]),
            cell(`${(stageIndex.get(m.stage) ?? 0) + 1}/7 ${MOBILIZATION_STAGES[stageIndex.get(m.stage) ?? 0]?.label ?? m.stage}`),
            cell(orDash(m.contribution)),
            numCell(m.value === undefined ? dash : formatRupiah(m.value)),
            cell(orDash(m.nextStep)),
            cell(dateOrDash(m.dueDate)),
          ]),
        },
  ];
}

function teamChapter(plan: Plan): Block[] {
  return [
    heading(1, CHAPTERS[7]),
    para("Tim pelaksana terdiri atas unsur pengarah dan unsur pelaksana; unsur pimpinan bertindak sebagai penanggung jawab.", { align: "justify" }),
    {
      kind: "table",
      widths: [5, 25, 20, 15, 35],
      header: header("No", "Nama / NIP", "Jabatan", "Kedudukan dalam tim", "Uraian tugas"),
      fontSizePt: 9,
      rows: plan.team.map((m, i) => [
        numCell(String(i + 1)),
        cell([bold(m.name), ...(m.nip ? [run(`\nNIP ${formatNip(m.nip)}`)] : []), ...(m.rank ? [run(`\n${m.rank}`)] : [])]),
        cell(orDash(m.position)),
        cell(ROLE_LABELS[m.role]),
        cell(m.duties.length === 0 ? [italic("(belum ada)")] : m.duties.map((d, j) => run(`${letter(j)}. ${d}${j < m.duties.length - 1 ? "\n" : ""}`))),
      ]),
    },
    heading(2, "Prosedur dan Mekanisme Kerja"),
    para(orDash(plan.teamProcedures), { align: "justify" }),
  ];
}

function stakeholderChapter(plan: Plan, outputs: StageOutputs): Block[] {
  const so = outputs.stakeholders;
  const names = new Map(plan.stakeholders.map((s) => [s.id, s.name]));
  const members = new Map(plan.team.map((m) => [m.id, m.name]));
  const picture = stakeholderGridSvg(
    plan.stakeholders.map((s) => ({ id: s.id, name: s.name, power: s.power, interest: s.interest, ...(s.attitude ? { attitude: s.attitude } : {}) })),
    CHART_FONT,
  );
  return [
    heading(1, CHAPTERS[8]),
    heading(2, "A. Identifikasi Pemangku Kepentingan"),
    {
      kind: "table",
      widths: [5, 27, 10, 10, 10, 12, 26],
      header: header("No", "Pemangku kepentingan", "Jenis", "Kekuasaan", "Kepentingan", "Sikap", "Kuadran dan strategi"),
      fontSizePt: 9,
      rows: so.stakeholders.map((s, i) => {
        const source = plan.stakeholders[i];
        const info = STAKEHOLDER_QUADRANT_INFO[s.quadrant];
        return [
          numCell(String(i + 1)),
          cell(s.name),
          cell(s.kind === "internal" ? "internal" : "eksternal"),
          numCell(String(s.power)),
          numCell(String(s.interest)),
          cell(source?.attitude ? ATTITUDE_LABELS[source.attitude] : dash),
          cell([bold(info.label.id), run(` — ${info.strategy.id}`)]),
        ];
      }),
    },
    heading(2, "B. Peta Pemangku Kepentingan"),
    { kind: "picture", picture, caption: "Peta pemangku kepentingan (kekuasaan × kepentingan); nomor sesuai tabel di atas, warna menunjukkan sikap." },
    heading(2, "C. Rencana Komunikasi"),
    plan.communication.length === 0
      ? para([italic("(belum ada rencana komunikasi)")])
      : {
          kind: "table",
          widths: [15, 17, 19, 13, 11, 12, 13],
          header: header("Pemangku kepentingan", "Tujuan", "Pesan", "Saluran", "Frekuensi", "Penanggung jawab", "Prinsip"),
          fontSizePt: 8,
          rows: plan.communication.map((c) => [
            cell(names.get(c.stakeholderId) ?? c.stakeholderId),
            cell(orDash(c.objective)),
            cell(orDash(c.message)),
            cell(orDash(c.channel)),
            cell(orDash(c.frequency)),
            cell(orDash(c.ownerId ? (members.get(c.ownerId) ?? c.ownerId) : undefined)),
            cell(c.principles.length === 0 ? dash : c.principles.map((p) => PRINCIPLE_LABELS[p]).join(", ")),
          ]),
        },
  ];
}

/** Plain text of the blocks, in order (for tests and for a quick look). */
export function blocksText(blocks: Block[]): string {
  const runsText = (runs: Run[]) => runs.map((r) => r.text).join("");
  return blocks
    .map((b) => {
      switch (b.kind) {
        case "heading":
          return b.text;
        case "paragraph":
          return runsText(b.runs);
        case "list":
          return b.items.map((i) => `${i.marker} ${runsText(i.runs)}`).join("\n");
        case "table":
          return [b.header, ...b.rows].map((row) => row.map((c) => runsText(c.runs)).join("\t")).join("\n");
        case "picture":
          return b.caption;
        default:
          return "";
      }
    })
    .join("\n");
}

// Microsoft Project XML (MSPDI) → plan format v1. Only what a day-granularity schedule needs
// survives: tasks, durations, links with type and lag, milestones, start-no-earlier-than
// constraints and the project calendar. Everything else that is lost is said in `notes`.
import type { Bilingual } from "../../domain/messages.js";
import { TEXT_LIMITS, type Activity, type Calendar, type Dependency, type LinkType, type Plan } from "../../domain/plan/schema.js";
import { skeletonPlan } from "./skeleton.js";
import { validatePlan } from "../../domain/plan/validate.js";
import {
  addDays,
  child,
  children,
  dateTime,
  decimal,
  flag,
  int,
  isoDurationMinutes,
  isoWeekday,
  parseXml,
  text,
  type LocalDateTime,
  type XmlNode,
} from "./xml.js";

export type MspdiError = { path: string; code: MspdiErrorCode; message: Bilingual };
export type MspdiErrorCode = "mspdi.xml" | "mspdi.notProject" | "mspdi.tooLarge" | "mspdi.planInvalid";

export type MspdiImportResult = { ok: true; plan: Plan; notes: Bilingual[] } | { ok: false; errors: MspdiError[] };

export type MspdiImportOptions = {
  /** Refuse files with more tasks than this (default 200 000). */
  maxTasks?: number;
  /** Refuse text longer than this many characters (default 100 MB). */
  maxChars?: number;
  /** Refuse files whose links, once spread from summaries to subtasks, exceed this (default 2 000 000). */
  maxDependencies?: number;
};

const DEFAULT_MINUTES_PER_DAY = 480;
const MAX_DURATION_DAYS = 100_000;
const MAX_LAG_DAYS = 10_000;
const MAX_DEPENDENCIES = 2_000_000;
/** Longest single calendar exception expanded day by day (ten years). */
const MAX_EXCEPTION_DAYS = 3660;

/** MS Project link type codes. */
const LINK_TYPES: Record<number, LinkType> = { 0: "FF", 1: "FS", 2: "SF", 3: "SS" };
/** Duration/lag formats counted in elapsed (calendar) time rather than working time. */
const ELAPSED_FORMATS = new Set([4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52]);
const PERCENT_FORMATS = new Set([19, 20, 51, 52]);
const CONSTRAINT_NAMES: Record<number, string> = {
  1: "As Late As Possible",
  2: "Must Start On",
  3: "Must Finish On",
  5: "Start No Later Than",
  6: "Finish No Earlier Than",
  7: "Finish No Later Than",
};

class TooManyLinks extends Error {}

type RawLink = { predecessorUid: number; type: LinkType; lagTenthMinutes: number; lagFormat: number | undefined; crossProject: boolean };

type RawTask = {
  uid: number;
  order: number;
  level: number;
  name: string;
  node: XmlNode;
  links: RawLink[];
  children: RawTask[];
};

/** Groups notes of one kind so a 10 000-task file gives one line per kind, naming examples. */
class Notes {
  private readonly groups = new Map<string, { make: (items: string) => Bilingual; items: string[] }>();
  private readonly single: Bilingual[] = [];

  add(message: Bilingual): void {
    this.single.push(message);
  }

  item(kind: string, make: (items: string) => Bilingual, item: string): void {
    let g = this.groups.get(kind);
    if (!g) this.groups.set(kind, (g = { make, items: [] }));
    g.items.push(item);
  }

  list(): Bilingual[] {
    const grouped = [...this.groups.values()].map((g) => {
      const shown = g.items.slice(0, 8).join(", ");
      const more = g.items.length > 8 ? ` (+${g.items.length - 8})` : "";
      return g.make(shown + more);
    });
    return [...this.single, ...grouped];
  }
}

export function mspdiToPlan(xml: string, options: MspdiImportOptions = {}): MspdiImportResult {
  const maxChars = options.maxChars ?? 100_000_000;
  if (typeof xml !== "string") return fail("", "mspdi.xml", { id: "masukan bukan teks", en: "input is not text" });
  if (xml.length > maxChars) {
    return fail("", "mspdi.tooLarge", {
      id: `berkas terlalu besar (${xml.length} karakter; paling banyak ${maxChars})`,
      en: `file too large (${xml.length} characters; at most ${maxChars})`,
    });
  }
  const parsed = parseXml(xml.replace(/^\uFEFF/, ""));
  if (!parsed.ok) return fail("", "mspdi.xml", parsed.message);
  const project = child(parsed.root, "Project");
  if (!project) {
    return fail("", "mspdi.notProject", {
      id: "bukan berkas Microsoft Project XML: elemen akar <Project> tidak ada",
      en: "not a Microsoft Project XML file: the root element <Project> is missing",
    });
  }
  const taskNodes = children(child(project, "Tasks"), "Task");
  const maxTasks = options.maxTasks ?? 200_000;
  if (taskNodes.length > maxTasks) {
    return fail("Project.Tasks", "mspdi.tooLarge", {
      id: `terlalu banyak tugas (${taskNodes.length}; paling banyak ${maxTasks})`,
      en: `too many tasks (${taskNodes.length}; at most ${maxTasks})`,
    });
  }
  const notes = new Notes();

  const mpd = int(project, "MinutesPerDay");
  const minutesPerDay = mpd !== undefined && mpd > 0 && mpd <= 1440 ? mpd : DEFAULT_MINUTES_PER_DAY;
  if (mpd !== undefined && mpd !== minutesPerDay) {
    notes.add({
      id: `MinutesPerDay ${mpd} tidak masuk akal; dipakai ${DEFAULT_MINUTES_PER_DAY} menit (8 jam) per hari`,
      en: `MinutesPerDay ${mpd} is not plausible; ${DEFAULT_MINUTES_PER_DAY} minutes (8 h) per day used`,
    });
  }

  const start = projectStart(project, taskNodes, notes);
  if (text(project, "ScheduleFromStart") === "0") {
    notes.add({
      id: "proyek dijadwalkan mundur dari tanggal selesai; rencana dijadwalkan maju dari tanggal mulai",
      en: "the project is scheduled backwards from its finish date; the plan is scheduled forwards from its start",
    });
  }

  const calendar = projectCalendar(project, notes);
  const maxDependencies = options.maxDependencies ?? MAX_DEPENDENCIES;
  let activities: Activity[];
  try {
    activities = convertTasks(taskNodes, minutesPerDay, int(project, "CalendarUID"), start, notes, maxDependencies);
  } catch (e) {
    if (!(e instanceof TooManyLinks)) throw e;
    return fail("Project.Tasks", "mspdi.tooLarge", {
      id: `terlalu banyak tautan setelah tautan tugas ringkasan disebar ke sub-tugasnya (lebih dari ${maxDependencies})`,
      en: `too many links once summary-task links are spread over their subtasks (more than ${maxDependencies})`,
    });
  }
  const { resources, assignments } = convertResources(project, new Set(activities.map((x) => x.id)), notes);

  const title = clip((text(project, "Title") ?? "").trim() || (text(project, "Name") ?? "").trim().replace(/\.xml$/i, "") || "Impor Microsoft Project", notes, "Title");
  let fiscalYear = Number(start.slice(0, 4));
  if (fiscalYear < 2000 || fiscalYear > 2100) {
    const clamped = Math.min(2100, Math.max(2000, fiscalYear));
    notes.add({
      id: `tahun anggaran ${fiscalYear} di luar 2000–2100; dipakai ${clamped}`,
      en: `fiscal year ${fiscalYear} is outside 2000–2100; ${clamped} used`,
    });
    fiscalYear = clamped;
  }
  notes.add({
    id: "berkas Microsoft Project hanya memuat jadwal dan sumber daya: organisasi, analisis, arah, tim, anggaran dan SK masih kosong",
    en: "a Microsoft Project file holds only a schedule and resources: organisation, analysis, direction, team, budget and decree are left empty",
  });

  const plan: Plan = { ...skeletonPlan({ title, fiscalYear, start, calendar, activities }), resources, assignments };
  const checked = validatePlan(plan);
  if (!checked.ok) {
    return {
      ok: false,
      errors: checked.errors.map((e) => ({
        path: e.path,
        code: "mspdi.planInvalid" as const,
        message: { id: `hasil konversi tidak sah: ${e.message.id}`, en: `converted plan is invalid: ${e.message.en}` },
      })),
    };
  }
  return { ok: true, plan: checked.plan, notes: notes.list() };
}

function fail(path: string, code: MspdiErrorCode, message: Bilingual): MspdiImportResult {
  return { ok: false, errors: [{ path, code, message }] };
}

/** Names (the plan title, activity names) longer than format v1 allows are cut, with a note. */
function clip(s: string, notes: Notes, what: string): string {
  if (s.length <= TEXT_LIMITS.name) return s;
  notes.item("clip", (items) => ({ id: `teks terlalu panjang dipotong: ${items}`, en: `over-long text cut short: ${items}` }), what);
  return s.slice(0, TEXT_LIMITS.name);
}

function projectStart(project: XmlNode, taskNodes: XmlNode[], notes: Notes): string {
  const declared = dateTime(project, "StartDate");
  if (declared) return declared.date;
  const starts = taskNodes.map((t) => dateTime(t, "Start")?.date).filter((d): d is string => d !== undefined).sort();
  const today = new Date().toISOString().slice(0, 10);
  const fallback = starts[0] ?? today;
  notes.add({
    id: `tanggal mulai proyek (StartDate) tidak ada; dipakai ${fallback}`,
    en: `the project start date (StartDate) is missing; ${fallback} used`,
  });
  return fallback;
}

// ---------------------------------------------------------------------------------------------
// Calendar

/** MSPDI DayType 1 = Sunday … 7 = Saturday → ISO weekday. */
function isoDayOf(dayType: number): number {
  return dayType === 1 ? 7 : dayType - 1;
}

function projectCalendar(project: XmlNode, notes: Notes): Calendar {
  const calendars = children(child(project, "Calendars"), "Calendar");
  const byUid = new Map<number, XmlNode>();
  for (const c of calendars) {
    const uid = int(c, "UID");
    if (uid !== undefined && !byUid.has(uid)) byUid.set(uid, c);
  }
  const uid = int(project, "CalendarUID");
  let cal = uid === undefined ? undefined : byUid.get(uid);
  if (!cal) cal = calendars.find((c) => text(c, "Name") === "Standard") ?? calendars[0];
  if (!cal) {
    notes.add({
      id: "kalender proyek tidak ada; dipakai Senin–Jumat tanpa hari libur",
      en: "the project calendar is missing; Monday–Friday without holidays used",
    });
    return { workWeek: [1, 2, 3, 4, 5], nationalHolidays: false, holidays: [], workingDays: [] };
  }
  // Base calendar first, then the calendars derived from it, so the derived one wins.
  const chain: XmlNode[] = [];
  for (let c: XmlNode | undefined = cal; c && chain.length < 10 && !chain.includes(c); ) {
    chain.unshift(c);
    const base = int(c, "BaseCalendarUID");
    c = base === undefined || base < 0 ? undefined : byUid.get(base);
  }

  const working = new Map<number, boolean>([[1, true], [2, true], [3, true], [4, true], [5, true], [6, false], [7, false]]);
  const exceptions = new Map<string, { working: boolean; name: string }>();
  for (const c of chain) {
    const weekDays = children(child(c, "WeekDays"), "WeekDay");
    for (const wd of weekDays) {
      const dayType = int(wd, "DayType");
      if (dayType !== undefined && dayType >= 1 && dayType <= 7) working.set(isoDayOf(dayType), flag(wd, "DayWorking"));
    }
    const modern = children(child(c, "Exceptions"), "Exception");
    if (modern.length > 0) {
      for (const ex of modern) readException(ex, exceptions, notes);
    } else {
      // Before Project 2007, exceptions were WeekDay entries with DayType 0 and a TimePeriod.
      for (const wd of weekDays) if (int(wd, "DayType") === 0) readException(wd, exceptions, notes);
    }
    if (children(child(c, "WorkWeeks"), "WorkWeek").length > 0) {
      notes.add({
        id: `pekan kerja alternatif (WorkWeeks) kalender "${text(c, "Name") ?? ""}" tidak dikonversi; hanya pekan kerja baku yang dipakai`,
        en: `alternative work weeks (WorkWeeks) of calendar "${text(c, "Name") ?? ""}" were not converted; only the default work week is used`,
      });
    }
  }
  let workWeek = [...working.entries()].filter(([, w]) => w).map(([d]) => d).sort((a, b) => a - b);
  if (workWeek.length === 0) {
    notes.add({
      id: "kalender proyek tidak punya hari kerja; dipakai Senin–Jumat",
      en: "the project calendar has no working weekday; Monday–Friday used",
    });
    workWeek = [1, 2, 3, 4, 5];
  }
  const holidays: Calendar["holidays"] = [];
  const workingDays: Calendar["workingDays"] = [];
  for (const [date, ex] of [...exceptions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const normallyWorking = workWeek.includes(isoWeekday(date));
    if (!ex.working && normallyWorking) holidays.push({ date, name: ex.name });
    if (ex.working && !normallyWorking) workingDays.push({ date, name: ex.name });
  }
  return { workWeek, nationalHolidays: false, holidays, workingDays };
}

/** MS Project exception types (PjExceptionType) that we can expand into dates. */
const DAILY = new Set([1, 7]);
const YEARLY_ON_DATE = 2;
const MONTHLY_ON_DAY = 4;

function readException(ex: XmlNode, into: Map<string, { working: boolean; name: string }>, notes: Notes): void {
  const name = (text(ex, "Name") ?? "").slice(0, TEXT_LIMITS.name);
  const type = int(ex, "Type") ?? 1;
  const every = int(ex, "Period") ?? 1;
  const period = child(ex, "TimePeriod");
  const from = dateTime(period, "FromDate");
  const to = dateTime(period, "ToDate");
  const label = name || from?.date || "?";
  if (!from || !to || to.date < from.date || every < 1 || every > MAX_EXCEPTION_DAYS) {
    notes.item(
      "bad-exception",
      (items) => ({ id: `pengecualian kalender tanpa rentang tanggal atau selang yang sah diabaikan: ${items}`, en: `calendar exceptions without a valid date range or interval ignored: ${items}` }),
      label,
    );
    return;
  }
  // Recurring exceptions run from their first occurrence (FromDate) to the end of their last
  // (ToDate); yearly and monthly ones repeat FromDate's month-day or day of month.
  let dates: string[] | undefined;
  if (DAILY.has(type)) dates = stepDays(from.date, to.date, every);
  else if (type === YEARLY_ON_DATE) dates = stepMonths(from.date, to.date, 12 * every);
  else if (type === MONTHLY_ON_DAY) dates = stepMonths(from.date, to.date, every);
  if (!dates) {
    notes.item(
      "recurring-exception",
      (items) => ({
        id: `pengecualian kalender berulang mingguan/menurut posisi hari tidak dikonversi: ${items}`,
        en: `weekly or positional recurring calendar exceptions were not converted: ${items}`,
      }),
      label,
    );
    return;
  }
  if (dates.length >= MAX_EXCEPTION_DAYS) {
    notes.item(
      "long-exception",
      (items) => ({ id: `pengecualian kalender yang sangat panjang dipotong: ${items}`, en: `very long calendar exceptions cut short: ${items}` }),
      label,
    );
  }
  const working = flag(ex, "DayWorking");
  for (const date of dates) into.set(date, { working, name: name || (working ? "Hari kerja (MS Project)" : "Libur (MS Project)") });
}

function stepDays(from: string, to: string, every: number): string[] {
  const out: string[] = [];
  for (let date = from; date <= to && out.length < MAX_EXCEPTION_DAYS; date = addDays(date, every)) out.push(date);
  return out;
}

/** The same day of month every `months` months; months without that day are skipped. */
function stepMonths(from: string, to: string, months: number): string[] {
  const out: string[] = [];
  const y0 = Number(from.slice(0, 4)), m0 = Number(from.slice(5, 7)) - 1, day = Number(from.slice(8, 10));
  for (let k = 0; out.length < MAX_EXCEPTION_DAYS && k < 12 * 1000; k += months) {
    const y = y0 + Math.floor((m0 + k) / 12), m = (m0 + k) % 12;
    if (day > new Date(Date.UTC(y, m + 1, 0)).getUTCDate()) continue;
    const date = `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (date > to) break;
    out.push(date);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tasks

function readTasks(taskNodes: XmlNode[], notes: Notes): RawTask[] {
  const tasks: RawTask[] = [];
  const seen = new Set<number>();
  taskNodes.forEach((node, index) => {
    const uid = int(node, "UID");
    if (uid === undefined) {
      notes.item("no-uid", (items) => ({ id: `tugas tanpa UID diabaikan: ${items}`, en: `tasks without a UID ignored: ${items}` }), `#${index + 1}`);
      return;
    }
    if (seen.has(uid)) {
      notes.item("dup-uid", (items) => ({ id: `UID tugas ganda diabaikan: ${items}`, en: `duplicate task UIDs ignored: ${items}` }), String(uid));
      return;
    }
    seen.add(uid);
    const outlineNumber = text(node, "OutlineNumber");
    const level = int(node, "OutlineLevel") ?? (outlineNumber ? outlineNumber.split(".").length : 1);
    const links: RawLink[] = [];
    for (const l of children(node, "PredecessorLink")) {
      const predecessorUid = int(l, "PredecessorUID");
      const typeCode = int(l, "Type") ?? 1;
      const type = LINK_TYPES[typeCode];
      if (predecessorUid === undefined || type === undefined) {
        notes.item("bad-link", (items) => ({ id: `tautan tidak terbaca diabaikan pada tugas: ${items}`, en: `unreadable links ignored on tasks: ${items}` }), String(uid));
        continue;
      }
      links.push({
        predecessorUid,
        type,
        lagTenthMinutes: decimal(l, "LinkLag") ?? 0,
        lagFormat: int(l, "LagFormat"),
        crossProject: flag(l, "CrossProject"),
      });
    }
    tasks.push({ uid, order: int(node, "ID") ?? index, level, name: text(node, "Name") ?? "", node, links, children: [] });
  });
  // The outline is given by order of ID and OutlineLevel; files list tasks in ID order
  // already, but sorting keeps a reordered file (or one written by another tool) correct.
  tasks.sort((a, b) => a.order - b.order);
  return tasks;
}

function convertTasks(
  taskNodes: XmlNode[],
  minutesPerDay: number,
  projectCalendarUid: number | undefined,
  planStart: string,
  notes: Notes,
  maxDependencies: number,
): Activity[] {
  const all = readTasks(taskNodes, notes);
  const byUid = new Map(all.map((t) => [t.uid, t]));
  const skipped = new Set<number>();
  const stack: RawTask[] = [];
  const kept: RawTask[] = [];
  for (const t of all) {
    // UID 0 (outline level 0) is the project summary task: the project itself.
    if (t.uid === 0 || t.level <= 0) {
      skipped.add(t.uid);
      continue;
    }
    const reason = skipReason(t.node);
    if (reason) {
      notes.item(`skip-${reason.en}`, (items) => ({ id: `${reason.id} diabaikan: ${items}`, en: `${reason.en} ignored: ${items}` }), describe(t));
      skipped.add(t.uid);
      continue;
    }
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= t.level) stack.pop();
    const parent = stack[stack.length - 1];
    parent?.children.push(t);
    stack.push(t);
    kept.push(t);
  }

  const summaries = kept.filter((t) => t.children.length > 0);
  if (summaries.length > 0) {
    notes.add({
      id: `${summaries.length} tugas ringkasan diratakan (dihapus; tautannya dipindah ke sub-tugasnya): ${summaries.slice(0, 8).map(describe).join(", ")}${summaries.length > 8 ? ` (+${summaries.length - 8})` : ""}`,
      en: `${summaries.length} summary task(s) flattened (removed; their links moved to their subtasks): ${summaries.slice(0, 8).map(describe).join(", ")}${summaries.length > 8 ? ` (+${summaries.length - 8})` : ""}`,
    });
  }
  // Outline ranges: a task's subtree is the run of tasks after it with a deeper level. Kept
  // iterative and O(1) per query, so a hostile 100 000-level outline cannot blow the stack.
  const position = new Map<RawTask, number>();
  const subtreeEnd = new Map<RawTask, number>();
  const open: RawTask[] = [];
  kept.forEach((t, i) => {
    position.set(t, i);
    while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= t.level) subtreeEnd.set(open.pop()!, i);
    open.push(t);
  });
  for (const t of open) subtreeEnd.set(t, kept.length);
  const leavesCache = new Map<RawTask, RawTask[]>();
  const leaves = (t: RawTask): RawTask[] => {
    if (t.children.length === 0) return [t];
    let l = leavesCache.get(t);
    if (!l) {
      l = kept.slice((position.get(t) ?? 0) + 1, subtreeEnd.get(t) ?? 0).filter((x) => x.children.length === 0);
      leavesCache.set(t, l);
    }
    return l;
  };
  const isAncestor = (a: RawTask, b: RawTask): boolean => {
    const pa = position.get(a) ?? 0, pb = position.get(b) ?? 0;
    return pa < pb && pb < (subtreeEnd.get(a) ?? 0);
  };
  let dependencyCount = 0;

  const activities = new Map<RawTask, Activity>();
  for (const t of kept) if (t.children.length === 0) activities.set(t, leafActivity(t, minutesPerDay, projectCalendarUid, planStart, notes));

  for (const t of kept) {
    if (t.children.length > 0) noteSummaryOnly(t, notes);
    for (const link of t.links) {
      const pred = byUid.get(link.predecessorUid);
      if (link.crossProject) {
        notes.item("cross-link", (items) => ({ id: `tautan ke proyek lain diabaikan pada: ${items}`, en: `links to other projects ignored on: ${items}` }), describe(t));
        continue;
      }
      if (!pred || skipped.has(pred.uid)) {
        notes.item(
          "dangling-link",
          (items) => ({ id: `tautan ke tugas yang tidak ada/diabaikan dihapus pada: ${items}`, en: `links to missing or ignored tasks dropped on: ${items}` }),
          `${describe(t)} ← UID ${link.predecessorUid}`,
        );
        continue;
      }
      if (pred === t || isAncestor(pred, t) || isAncestor(t, pred)) {
        notes.item(
          "outline-link",
          (items) => ({ id: `tautan antara tugas ringkasan dan sub-tugasnya sendiri dihapus: ${items}`, en: `links between a summary task and its own subtasks dropped: ${items}` }),
          `${describe(pred)} → ${describe(t)}`,
        );
        continue;
      }
      const lagDays = convertLag(link, minutesPerDay, t, pred, notes);
      if (pred.children.length > 0 || t.children.length > 0) {
        // A link from a summary acts on its earliest start / latest finish; repeating it on
        // every subtask is exact for FS/FF out of and FS/SS into a summary, stricter otherwise.
        const exact = (pred.children.length === 0 || link.type === "FS" || link.type === "FF") && (t.children.length === 0 || link.type === "FS" || link.type === "SS");
        notes.item(
          exact ? "summary-link" : "summary-link-approx",
          exact
            ? (items) => ({ id: `tautan tugas ringkasan dipindah ke setiap sub-tugasnya: ${items}`, en: `summary-task links moved to each of its subtasks: ${items}` })
            : (items) => ({
                id: `tautan tugas ringkasan dipindah ke setiap sub-tugasnya; untuk jenis tautan ini hasilnya bisa lebih ketat daripada di MS Project: ${items}`,
                en: `summary-task links moved to each of its subtasks; for this link type the result can be stricter than in MS Project: ${items}`,
              }),
          `${describe(pred)} ${link.type} → ${describe(t)}`,
        );
      }
      for (const successor of leaves(t)) {
        const activity = activities.get(successor);
        if (!activity) continue;
        for (const predecessor of leaves(pred)) {
          const predActivity = activities.get(predecessor);
          if (!predActivity || predecessor === successor) continue;
          const dep: Dependency = { activityId: predActivity.id, type: link.type, lagDays };
          if (!activity.dependsOn.some((d) => d.activityId === dep.activityId && d.type === dep.type && d.lagDays === dep.lagDays)) {
            activity.dependsOn.push(dep);
            if (++dependencyCount > maxDependencies) throw new TooManyLinks();
          }
        }
      }
    }
  }
  return [...activities.values()];
}

function describe(t: RawTask): string {
  return t.name ? `"${t.name.slice(0, 60)}" (UID ${t.uid})` : `UID ${t.uid}`;
}

function skipReason(node: XmlNode): Bilingual | undefined {
  if (flag(node, "IsNull")) return { id: "baris tugas kosong", en: "blank task rows" };
  if (text(node, "Active") === "0") return { id: "tugas nonaktif", en: "inactive tasks" };
  if (flag(node, "ExternalTask")) return { id: "tugas eksternal (dari proyek lain)", en: "external tasks (from other projects)" };
  if (flag(node, "IsSubproject")) return { id: "subproyek yang disisipkan", en: "inserted subprojects" };
  return undefined;
}

function leafActivity(t: RawTask, minutesPerDay: number, projectCalendarUid: number | undefined, planStart: string, notes: Notes): Activity {
  const node = t.node;
  const name = clip(t.name.trim() || `Tugas ${t.uid}`, notes, `UID ${t.uid}`);
  const activity: Activity = { id: `t${t.uid}`, name, durationDays: 0, dependsOn: [] };

  const rawDuration = text(node, "Duration");
  let minutes = isoDurationMinutes(rawDuration);
  if (minutes === undefined) {
    if (rawDuration !== undefined) {
      notes.item("bad-duration", (items) => ({ id: `durasi tidak terbaca, dianggap 0: ${items}`, en: `unreadable durations taken as 0: ${items}` }), describe(t));
    }
    minutes = 0;
  }
  const format = int(node, "DurationFormat");
  let days: number;
  if (format !== undefined && ELAPSED_FORMATS.has(format)) {
    days = minutes / 1440;
    notes.item(
      "elapsed-duration",
      (items) => ({ id: `durasi waktu berlalu (elapsed) dihitung sebagai hari kerja: ${items}`, en: `elapsed durations counted as working days: ${items}` }),
      describe(t),
    );
  } else days = minutes / minutesPerDay;
  if (days < 0) {
    notes.item("negative-duration", (items) => ({ id: `durasi negatif dianggap 0: ${items}`, en: `negative durations taken as 0: ${items}` }), describe(t));
    days = 0;
  }
  let whole = Math.round(days);
  if (Math.abs(whole - days) > 1e-9) {
    // A fraction of a day still occupies that day: round, but never turn work into a milestone.
    if (whole === 0) whole = 1;
    notes.item(
      "fractional-duration",
      (items) => ({ id: `durasi pecahan hari dibulatkan: ${items}`, en: `fractional-day durations rounded: ${items}` }),
      `${describe(t)} ${formatDays(days)} → ${whole}`,
    );
  }
  if (whole > MAX_DURATION_DAYS) {
    notes.item("long-duration", (items) => ({ id: `durasi dipotong menjadi ${MAX_DURATION_DAYS} hari: ${items}`, en: `durations cut to ${MAX_DURATION_DAYS} days: ${items}` }), describe(t));
    whole = MAX_DURATION_DAYS;
  }
  if (flag(node, "Milestone") && whole > 0) {
    notes.item(
      "milestone-duration",
      (items) => ({ id: `tonggak dengan durasi dijadikan tonggak tanpa durasi: ${items}`, en: `milestones with a duration made zero-duration milestones: ${items}` }),
      `${describe(t)} (${whole} d)`,
    );
    whole = 0;
  }
  activity.durationDays = whole;

  const constraint = int(node, "ConstraintType") ?? 0;
  const constraintDate = dateTime(node, "ConstraintDate");
  if ((constraint === 4 || constraint === 2) && constraintDate) {
    const day = constraintDay(constraintDate);
    if (day > planStart) activity.notBefore = day;
    if (constraint === 2) {
      notes.item(
        "mso",
        (items) => ({ id: `batasan "Must Start On" dijadikan "mulai tidak lebih awal dari": ${items}`, en: `"Must Start On" constraints made "start no earlier than": ${items}` }),
        `${describe(t)} ${day}`,
      );
    }
  } else if (constraint !== 0 && constraint !== 4) {
    notes.item(
      `constraint-${constraint}`,
      (items) => ({
        id: `batasan "${CONSTRAINT_NAMES[constraint] ?? constraint}" tidak didukung dan diabaikan: ${items}`,
        en: `"${CONSTRAINT_NAMES[constraint] ?? constraint}" constraints are not supported and were ignored: ${items}`,
      }),
      describe(t),
    );
  }
  if (text(node, "Deadline")) {
    notes.item("deadline", (items) => ({ id: `tenggat (Deadline) tidak dikonversi: ${items}`, en: `deadlines were not converted: ${items}` }), describe(t));
  }
  if (flag(node, "Manual")) {
    notes.item(
      "manual",
      (items) => ({ id: `tugas terjadwal manual dijadwalkan otomatis: ${items}`, en: `manually scheduled tasks are scheduled automatically: ${items}` }),
      describe(t),
    );
  }
  const taskCalendar = int(node, "CalendarUID");
  if (taskCalendar !== undefined && taskCalendar >= 0 && taskCalendar !== projectCalendarUid) {
    notes.item(
      "task-calendar",
      (items) => ({ id: `kalender khusus tugas diabaikan (dipakai kalender proyek): ${items}`, en: `task calendars ignored (the project calendar is used): ${items}` }),
      `${describe(t)} → calendar ${taskCalendar}`,
    );
  }
  const percent = decimal(node, "PercentComplete");
  if (percent !== undefined && percent > 0) {
    const actualStart = dateTime(node, "ActualStart")?.date;
    const actualFinish = dateTime(node, "ActualFinish")?.date;
    activity.progress = {
      percent: Math.min(100, percent),
      ...(actualStart ? { actualStart } : {}),
      ...(actualFinish ? { actualFinish } : {}),
    };
  }
  return activity;
}

/** A start constraint at or after the end of a day (17:00 and later) means the next day. */
function constraintDay(at: LocalDateTime): string {
  return at.minutes >= 17 * 60 ? addDays(at.date, 1) : at.date;
}

function convertLag(link: RawLink, minutesPerDay: number, t: RawTask, pred: RawTask, notes: Notes): number {
  if (link.lagTenthMinutes === 0) return 0;
  const where = `${describe(pred)} → ${describe(t)}`;
  if (link.lagFormat !== undefined && PERCENT_FORMATS.has(link.lagFormat)) {
    notes.item(
      "percent-lag",
      (items) => ({ id: `jeda dalam persen tidak didukung, dianggap 0: ${items}`, en: `percentage lags are not supported, taken as 0: ${items}` }),
      where,
    );
    return 0;
  }
  const minutes = link.lagTenthMinutes / 10;
  let days: number;
  if (link.lagFormat !== undefined && ELAPSED_FORMATS.has(link.lagFormat)) {
    days = minutes / 1440;
    notes.item("elapsed-lag", (items) => ({ id: `jeda waktu berlalu (elapsed) dihitung sebagai hari kerja: ${items}`, en: `elapsed lags counted as working days: ${items}` }), where);
  } else days = minutes / minutesPerDay;
  let whole = Math.round(days);
  if (Math.abs(whole - days) > 1e-9) {
    notes.item("fractional-lag", (items) => ({ id: `jeda pecahan hari dibulatkan: ${items}`, en: `fractional-day lags rounded: ${items}` }), `${where} ${formatDays(days)} → ${whole}`);
  }
  if (Math.abs(whole) > MAX_LAG_DAYS) {
    whole = Math.sign(whole) * MAX_LAG_DAYS;
    notes.item("long-lag", (items) => ({ id: `jeda dipotong menjadi ${MAX_LAG_DAYS} hari: ${items}`, en: `lags cut to ${MAX_LAG_DAYS} days: ${items}` }), where);
  }
  return whole;
}

function formatDays(d: number): string {
  return `${Math.round(d * 100) / 100} d`;
}

function noteSummaryOnly(t: RawTask, notes: Notes): void {
  const constraint = int(t.node, "ConstraintType") ?? 0;
  if (constraint !== 0) {
    notes.item(
      "summary-constraint",
      (items) => ({ id: `batasan pada tugas ringkasan hilang saat diratakan: ${items}`, en: `constraints on summary tasks lost when flattened: ${items}` }),
      describe(t),
    );
  }
}

/**
 * Work resources become "people" resources (MaxUnits 1 = one person) and their assignments a
 * quantity per working day (Units 0.5 = half a person). Material and cost resources have no
 * availability in MS Project, so they are noted, not invented.
 */
function convertResources(project: XmlNode, activityIds: Set<string>, notes: Notes): Pick<Plan, "resources" | "assignments"> {
  const resources: Plan["resources"] = [];
  const dropped: string[] = [];
  for (const r of children(child(project, "Resources"), "Resource")) {
    const uid = int(r, "UID");
    // UID 0 is MS Project's unnamed placeholder resource.
    if (uid === undefined || uid <= 0 || flag(r, "IsNull")) continue;
    const name = (text(r, "Name") ?? "").trim().slice(0, TEXT_LIMITS.name) || `Sumber daya ${uid}`;
    const type = int(r, "Type") ?? 1;
    if (type !== 1) {
      dropped.push(`"${name.slice(0, 60)}"`);
      continue;
    }
    const maxUnits = decimal(r, "MaxUnits");
    resources.push({ id: `r${uid}`, kind: "people", name, unit: "orang", available: maxUnits !== undefined && maxUnits >= 0 ? maxUnits : 1 });
  }
  if (dropped.length > 0) {
    notes.add({
      id: `sumber daya bahan/biaya tidak dikonversi (MS Project tidak mencatat ketersediaannya): ${dropped.slice(0, 8).join(", ")}${dropped.length > 8 ? ` (+${dropped.length - 8})` : ""}`,
      en: `material/cost resources were not converted (MS Project keeps no availability for them): ${dropped.slice(0, 8).join(", ")}${dropped.length > 8 ? ` (+${dropped.length - 8})` : ""}`,
    });
  }
  const resourceIds = new Set(resources.map((r) => r.id));
  const quantities = new Map<string, { activityId: string; resourceId: string; quantity: number }>();
  for (const a of children(child(project, "Assignments"), "Assignment")) {
    const resourceUid = int(a, "ResourceUID");
    const taskUid = int(a, "TaskUID");
    // ResourceUID -65535 marks a task without any resource.
    if (resourceUid === undefined || resourceUid <= 0 || taskUid === undefined) continue;
    const activityId = `t${taskUid}`, resourceId = `r${resourceUid}`;
    if (!resourceIds.has(resourceId)) continue;
    if (!activityIds.has(activityId)) {
      notes.item(
        "summary-assignment",
        (items) => ({ id: `penugasan pada tugas ringkasan/diabaikan tidak dikonversi: ${items}`, en: `assignments on summary or ignored tasks were not converted: ${items}` }),
        `UID ${taskUid} ← r${resourceUid}`,
      );
      continue;
    }
    const units = decimal(a, "Units");
    const key = `${activityId}\u0000${resourceId}`;
    const entry = quantities.get(key) ?? { activityId, resourceId, quantity: 0 };
    entry.quantity += units !== undefined && units >= 0 ? units : 1;
    quantities.set(key, entry);
  }
  if (resources.length > 0) {
    notes.add({
      id: `${resources.length} sumber daya kerja dan ${quantities.size} penugasan dikonversi (orang per hari kerja); kalender sumber daya, tarif dan penjadwalan berbasis usaha tidak dibawa: jadwal mengikuti durasi saja`,
      en: `${resources.length} work resource(s) and ${quantities.size} assignment(s) converted (people per working day); resource calendars, rates and effort-driven scheduling are not kept: the schedule follows durations only`,
    });
  }
  return { resources, assignments: [...quantities.values()] };
}
